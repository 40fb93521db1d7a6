import { basename } from 'node:path/posix';
import { OperationalError } from '../ssh/operational-error.ts';

/**
 * Parsers for `ps -ef` and `pgrep -f` / `pgrep -af`, and the matcher that picks a queue
 * manager's execution controller (`amqzxma0 -m <QM>`) out of a process list.
 */

export interface PsProcess {
  uid: string;
  pid: number;
  ppid: number;
  /** The C column (processor utilisation), as printed. */
  cpu: string;
  /** STIME as printed: `10:42`, `Nov21`, or `Nov 21` on AIX. */
  startTime: string;
  tty: string;
  /** TIME as printed (cumulative CPU time). */
  cpuTime: string;
  /** CMD as printed, inner spaces kept. */
  command: string;
}

export interface PgrepMatch {
  pid: number;
  /** Present with `pgrep -a` / `pgrep -l -f`. */
  command?: string;
}

/** The command's output is not what `ps -ef` or `pgrep` print. */
export class PsParseError extends OperationalError {
  readonly code = 'PS_UNPARSEABLE';
  readonly permanent = false;

  constructor(
    readonly lineNumber: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`process list not understood at line ${lineNumber} (${JSON.stringify(text)}): ${reason}`);
  }
}

/** More than one process claims to be the queue manager's execution controller; which to act on is unclear. */
export class AmbiguousProcessError extends OperationalError {
  readonly code = 'PROCESS_AMBIGUOUS';
  readonly permanent = false;

  constructor(
    readonly queueManager: string,
    readonly pids: readonly number[],
  ) {
    super(`several execution controllers (amqzxma0) for queue manager ${queueManager}: pids ${pids.join(', ')}`);
  }
}

const PS_EF_HEADER = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

// STIME is one token on Linux (`10:42`, `Nov21`, `2023`) but two on AIX (`Nov 21`).
const PS_EF_ROW = /^\s*(\S+)\s+(\d+)\s+(\d+)\s+(\S+)\s+([A-Z][a-z]{2} +\d{1,2}|\S+)\s+(\S+)\s+(\S+)\s+(.*)$/;

function numberedLines(text: string): { lineNumber: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ lineNumber: index + 1, text: line }))
    .filter((line) => line.text.trim() !== '');
}

/** Parses `ps -ef`; the header must be present, rows that do not fit the columns are skipped. */
export function parsePsEf(text: string): PsProcess[] {
  const [header, ...rows] = numberedLines(text);
  if (!header) throw new PsParseError(1, '', 'the output is empty, expected a ps -ef header');
  if (header.text.trim().split(/\s+/).join(' ') !== PS_EF_HEADER.join(' ')) {
    throw new PsParseError(header.lineNumber, header.text, `expected the ps -ef header ${PS_EF_HEADER.join(' ')}`);
  }
  const processes: PsProcess[] = [];
  for (const row of rows) {
    const match = PS_EF_ROW.exec(row.text);
    if (!match) continue;
    const [, uid = '', pid = '', ppid = '', cpu = '', startTime = '', tty = '', cpuTime = '', command = ''] = match;
    processes.push({
      uid,
      pid: Number(pid),
      ppid: Number(ppid),
      cpu,
      startTime: startTime.replace(/\s+/g, ' '),
      tty,
      cpuTime,
      command: command.trim(),
    });
  }
  return processes;
}

/** Parses `pgrep -f` (one pid a line) or `pgrep -af` (pid, space, command line). No output means no match. */
export function parsePgrep(text: string): PgrepMatch[] {
  return numberedLines(text).map((line) => {
    const match = /^\s*(\d+)(?:\s+(.*\S))?\s*$/.exec(line.text);
    if (!match) throw new PsParseError(line.lineNumber, line.text, 'expected a pid, optionally followed by a command line');
    return match[2] === undefined ? { pid: Number(match[1]) } : { pid: Number(match[1]), command: match[2] };
  });
}

/**
 * Whether a command line is the execution controller of `queueManager`: program `amqzxma0`
 * (any directory) with `-m <name>` or `-m<name>` naming exactly that queue manager, so
 * `-m QM10` is not QM1 and `grep amqzxma0 -m QM1` is not a controller.
 */
export function isExecutionControllerCommand(command: string, queueManager: string): boolean {
  const [program, ...args] = command.trim().split(/\s+/);
  if (program === undefined || basename(program) !== 'amqzxma0') return false;
  return args.some((arg, index) => (arg === '-m' && args[index + 1] === queueManager) || arg === `-m${queueManager}`);
}

/**
 * The pid of the queue manager's execution controller in a process list (`ps -ef` rows or
 * `pgrep -af` matches), undefined when none runs. Throws AmbiguousProcessError for several.
 */
export function findExecutionControllerPid(
  processes: readonly { pid: number; command?: string }[],
  queueManager: string,
): number | undefined {
  const pids = processes
    .filter((process) => process.command !== undefined && isExecutionControllerCommand(process.command, queueManager))
    .map((process) => process.pid);
  if (pids.length > 1) throw new AmbiguousProcessError(queueManager, pids);
  return pids[0];
}

import type { LabProcess } from '../process-table.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

const HEADER = 'UID          PID    PPID  C STIME TTY          TIME CMD';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `ps -ef` as procps-ng prints it. Lab hosts keep their clocks in UTC. */
export const runPs: CommandHandler = (args, { host, estate }) => {
  const options = args.join('').replace(/-/g, '');
  if (args.length === 0 || ![...options].every((c) => c === 'e' || c === 'f') || !options.includes('e') || !options.includes('f')) {
    return makeCommandResult([], 1, ['error: the lab supports only ps -ef', '', 'Usage:', ' ps [options]']);
  }
  return makeCommandResult(formatPsEf(host.processes.list(), estate.clock.now()));
};

export function formatPsEf(processes: LabProcess[], nowMs: number): string[] {
  return [HEADER, ...processes.map((p) => formatPsLine(p, nowMs))];
}

function formatPsLine(process: LabProcess, nowMs: number): string {
  return [
    process.user.padEnd(8),
    String(process.pid).padStart(7),
    String(process.ppid).padStart(7),
    ' 0',
    formatStartTime(process.startedAtMs, nowMs),
    process.tty.padEnd(8),
    '00:00:00',
    process.command,
  ].join(' ');
}

/** HH:MM for a process started today, otherwise MmmDD, as procps does. */
function formatStartTime(startedAtMs: number, nowMs: number): string {
  const start = new Date(startedAtMs);
  const now = new Date(nowMs);
  if (start.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)) {
    return `${padTwoDigits(start.getUTCHours())}:${padTwoDigits(start.getUTCMinutes())}`;
  }
  return `${MONTHS[start.getUTCMonth()]}${padTwoDigits(start.getUTCDate())}`;
}

function padTwoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

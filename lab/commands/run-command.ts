import type { LabEstate } from '../lab-estate.ts';
import { MQ_BIN } from '../mq-processes.ts';
import { makeCommandResult, type CommandHandler, type CommandResult } from './command-types.ts';
import { runAmqmfsck } from './amqmfsck.ts';
import { runDf } from './df.ts';
import { runDspmq } from './dspmq.ts';
import { runDspmqinf } from './dspmqinf.ts';
import { runDspmqver } from './dspmqver.ts';
import { runId } from './id.ts';
import { runSs } from './ss.ts';
import { runStat } from './stat.ts';
import { runSystemctl } from './systemctl.ts';
import { runEndmqm } from './endmqm.ts';
import { runFindmnt } from './findmnt.ts';
import { runFtePingAgent } from './fte-ping-agent.ts';
import { runIp } from './ip.ts';
import { runIptables } from './iptables.ts';
import { runKill } from './kill.ts';
import { runMqchaosLabFault } from './mqchaos-lab-fault.ts';
import { runLs } from './ls.ts';
import { runPgrep } from './pgrep.ts';
import { runPs } from './ps.ts';
import { runRunmqsc } from './runmqsc.ts';
import { splitShellWords } from './shell-words.ts';
import { runStrmqm } from './strmqm.ts';
import { runSystemdRun } from './systemd-run.ts';
import { unwrapSudo } from './sudo.ts';
import { runTail } from './tail.ts';

const runHostname: CommandHandler = (args, { host }) => {
  if (args.length === 0) return makeCommandResult([host.name]);
  // hostname -I: every address but loopback, each followed by a space.
  if (args.length === 1 && args[0] === '-I') return makeCommandResult([host.network.listAddresses().map((a) => `${a} `).join('')]);
  return makeCommandResult([], 1, ['hostname: you must be root to change the host name']);
};

/** The commands a lab host has, with the directories they are installed in. */
const COMMANDS = new Map<string, { handler: CommandHandler; dirs: string[] }>(Object.entries({
  dspmq: { handler: runDspmq, dirs: [MQ_BIN] },
  strmqm: { handler: runStrmqm, dirs: [MQ_BIN] },
  endmqm: { handler: runEndmqm, dirs: [MQ_BIN] },
  runmqsc: { handler: runRunmqsc, dirs: [MQ_BIN] },
  ps: { handler: runPs, dirs: ['/usr/bin', '/bin'] },
  pgrep: { handler: runPgrep, dirs: ['/usr/bin', '/bin'] },
  kill: { handler: runKill, dirs: ['/usr/bin', '/bin'] },
  hostname: { handler: runHostname, dirs: ['/usr/bin', '/bin'] },
  iptables: { handler: runIptables, dirs: ['/usr/sbin', '/sbin'] },
  ip: { handler: runIp, dirs: ['/usr/sbin', '/sbin', '/usr/bin', '/bin'] },
  findmnt: { handler: runFindmnt, dirs: ['/usr/bin', '/bin'] },
  ls: { handler: runLs, dirs: ['/usr/bin', '/bin'] },
  tail: { handler: runTail, dirs: ['/usr/bin', '/bin'] },
  ftePingAgent: { handler: runFtePingAgent, dirs: ['/opt/mqm/bin'] },
  // The conformance checks' commands (lab/conformance).
  dspmqinf: { handler: runDspmqinf, dirs: [MQ_BIN] },
  dspmqver: { handler: runDspmqver, dirs: [MQ_BIN] },
  amqmfsck: { handler: runAmqmfsck, dirs: [MQ_BIN] },
  id: { handler: runId, dirs: ['/usr/bin', '/bin'] },
  stat: { handler: runStat, dirs: ['/usr/bin', '/bin'] },
  df: { handler: runDf, dirs: ['/usr/bin', '/bin'] },
  ss: { handler: runSs, dirs: ['/usr/bin', '/bin'] },
  'systemd-run': { handler: runSystemdRun, dirs: ['/usr/bin', '/bin'] },
  systemctl: { handler: runSystemctl, dirs: ['/usr/bin', '/bin'] },
  'mqchaos-lab-fault': { handler: runMqchaosLabFault, dirs: ['/opt/mqchaos/bin'] },
}));

export interface CommandRequest {
  host: string;
  user: string;
  commandLine: string;
  /** The SSH session process the command runs under. */
  parentPid: number;
  /** A transient timer unit of the host that runs the command; absent: an SSH exec. */
  by?: string;
  /** Standard input up to end of file; none: empty. */
  readStdin?: () => Promise<string>;
}

/**
 * Runs one exec request on a lab host the way `sh -c` would for a simple command: the
 * command appears in the process table while it runs, and every exec is recorded in the
 * truth log with its exit code.
 */
export async function runCommand(estate: LabEstate, request: CommandRequest): Promise<CommandResult> {
  const host = estate.host(request.host);
  const result = await execute(estate, request);
  estate.emit({ event: 'command', host: host.name, command: request.commandLine, exitCode: result.exitCode, ...(request.by ? { by: request.by } : {}) });
  return result;
}

async function execute(estate: LabEstate, request: CommandRequest): Promise<CommandResult> {
  const parsed = splitShellWords(request.commandLine);
  if (!parsed.ok) return makeCommandResult([], 2, [`sh: 1: ${parsed.error}`]);
  const sudo = unwrapSudo(parsed.words, request.user);
  if (!sudo.ok) return sudo.result;
  const [name, ...args] = sudo.words;
  if (name === undefined) return makeCommandResult([]);
  const command = findCommand(name);
  if (!command) return makeCommandResult([], 127, [`sh: 1: ${name}: not found`]);

  const host = estate.host(request.host);
  const process = host.processes.spawn({ user: sudo.user, ppid: request.parentPid, command: sudo.words.join(' ') });
  try {
    const readStdin = request.readStdin ?? (() => Promise.resolve(''));
    return await command.handler(args, { estate, host, user: sudo.user, pid: process.pid, readStdin });
  } catch (error) {
    return makeCommandResult([], 1, [`sh: 1: ${name}: ${(error as Error).message}`]);
  } finally {
    host.processes.exit(process.pid);
  }
}

function findCommand(name: string): { handler: CommandHandler } | undefined {
  if (!name.includes('/')) return COMMANDS.get(name);
  const slash = name.lastIndexOf('/');
  const command = COMMANDS.get(name.slice(slash + 1));
  return command?.dirs.includes(name.slice(0, slash)) ? command : undefined;
}

import type { SignalName } from '../truth-log.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

const SIGNAL_BY_NUMBER: Record<string, SignalName | 0> = { '0': 0, '1': 'HUP', '2': 'INT', '9': 'KILL', '15': 'TERM' };
const SIGNAL_NAMES: SignalName[] = ['HUP', 'INT', 'KILL', 'TERM'];
const USAGE = ['sh: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or', 'kill -l [exitstatus]'];

/**
 * dash's kill builtin: `kill [-s SIG | -SIG] PID...`, default TERM. The lab knows the
 * signals a fault needs (0, HUP, INT, KILL, TERM). [U] dash's exit code for a pid that
 * does not exist or may not be signalled is taken to be 2 with the message on stderr.
 */
export const runKill: CommandHandler = (args, { host, user }) => {
  let rest = args;
  let spec = 'TERM';
  if (rest[0] === '-s') {
    spec = rest[1] ?? '';
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('-') && rest[0] !== '--') {
    spec = rest[0].slice(1);
    rest = rest.slice(1);
  }
  if (rest[0] === '--') rest = rest.slice(1);
  const signal = parseSignal(spec);
  if (signal === undefined) return makeCommandResult([], 2, [`sh: 1: kill: invalid signal number or name: ${spec}`]);
  if (rest.length === 0) return makeCommandResult([], 2, USAGE);

  const errors: string[] = [];
  for (const arg of rest) {
    if (!/^\d+$/.test(arg)) return makeCommandResult([], 2, [...errors, `sh: 1: kill: Illegal number: ${arg}`]);
    const outcome = host.signal(Number(arg), signal, user);
    if (outcome === 'no-such-process') errors.push('sh: 1: kill: No such process');
    if (outcome === 'not-permitted') errors.push('sh: 1: kill: Operation not permitted');
  }
  return makeCommandResult([], errors.length > 0 ? 2 : 0, errors);
};

function parseSignal(spec: string): SignalName | 0 | undefined {
  if (spec in SIGNAL_BY_NUMBER) return SIGNAL_BY_NUMBER[spec];
  const name = spec.toUpperCase().replace(/^SIG/, '');
  return SIGNAL_NAMES.find((known) => known === name);
}

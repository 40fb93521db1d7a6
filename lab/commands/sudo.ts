import { makeCommandResult, type CommandResult } from './command-types.ts';

export type SudoUnwrap = { ok: true; words: string[]; user: string } | { ok: false; result: CommandResult };

/**
 * `sudo [-n] [-u root] command...` as the lab's sudoers allows it: the SSH user may run any
 * command as root without a password (`mqm ALL=(root) NOPASSWD: ALL`), as fault injection
 * on a real estate needs for iptables and ip link. Words that do not start with sudo pass through.
 */
export function unwrapSudo(words: string[], user: string): SudoUnwrap {
  if (words[0] !== 'sudo') return { ok: true, words, user };
  let index = 1;
  while (index < words.length && words[index]!.startsWith('-')) {
    const option = words[index]!;
    if (option === '--') {
      index += 1;
      break;
    }
    if (option === '-n' || option === '--non-interactive') index += 1;
    else if (option === '-u' && words[index + 1] === 'root') index += 2;
    else return { ok: false, result: makeCommandResult([], 1, [`sudo: the lab's sudoers allows only -n and -u root (got ${option})`]) };
  }
  const rest = words.slice(index);
  if (rest.length === 0) return { ok: false, result: makeCommandResult([], 1, ['usage: sudo [-n] [-u root] command [arg ...]']) };
  return { ok: true, words: rest, user: 'root' };
}

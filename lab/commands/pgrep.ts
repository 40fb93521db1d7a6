import type { LabProcess } from '../process-table.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { parseOptions } from './parse-options.ts';

/**
 * pgrep [-f] [-a] [-l] [-x] [-u USER] PATTERN: an extended regular expression over the
 * process name (or, with -f, the full command line). Never lists itself. Exit 1 and no
 * output when nothing matches, 2 on bad usage.
 */
export const runPgrep: CommandHandler = (args, { host, pid: ownPid }) => {
  const parsed = parseOptions(args, { flags: 'falx', valued: 'u' });
  if (!parsed.ok) return makeCommandResult([], 2, [`pgrep: ${parsed.error}`, "Try `pgrep --help' for more information."]);
  const { flags, values, operands } = parsed.options;
  if (operands.length !== 1) {
    return makeCommandResult([], 2, ['pgrep: no matching criteria specified', "Try `pgrep --help' for more information."]);
  }
  let pattern: RegExp;
  try {
    const source = operands[0] as string;
    pattern = new RegExp(flags.includes('x') ? `^(?:${source})$` : source);
  } catch {
    return makeCommandResult([], 2, ['pgrep: invalid regular expression']);
  }
  const users = values.get('u');
  const matches = host.processes.list().filter((process) => {
    if (process.pid === ownPid) return false;
    if (users && !users.includes(process.user)) return false;
    return pattern.test(flags.includes('f') ? process.command : nameProcess(process));
  });
  if (matches.length === 0) return makeCommandResult([], 1);
  return makeCommandResult(
    matches.map((p) => (flags.includes('a') ? `${p.pid} ${p.command}` : flags.includes('l') ? `${p.pid} ${nameProcess(p)}` : `${p.pid}`)),
  );
};

/** What the kernel keeps as the process name: argv[0]'s base name, at most 15 characters. */
function nameProcess(process: LabProcess): string {
  const argv0 = process.command.split(' ')[0] ?? '';
  const bare = argv0.replace(/^\[|\]$/g, '').replace(/^-/, '').replace(/:$/, '');
  return (bare.split('/').at(-1) ?? bare).slice(0, 15);
}

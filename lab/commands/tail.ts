import { lookupHostPath, waitForShare } from '../host-files.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/** `tail [-n N] FILE`: the last N (default 10) lines. Blocks on a cut NFS path. */
export const runTail: CommandHandler = async (args, { estate, host }) => {
  let lines = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const count = arg === '-n' ? args[++i] : arg.startsWith('-n') ? arg.slice(2) : undefined;
    if (count !== undefined) {
      if (!/^\d+$/.test(count)) return makeCommandResult([], 1, [`tail: invalid number of lines: '${count}'`]);
      lines = Number(count);
    } else if (arg.startsWith('-')) return makeCommandResult([], 1, [`tail: the lab supports only -n N`]);
    else files.push(arg);
  }
  if (files.length !== 1) return makeCommandResult([], 1, ['tail: the lab reads exactly one file']);
  const path = files[0]!;
  const found = lookupHostPath(estate, host, path);
  await waitForShare(host, found);
  if (found.kind === 'missing') return makeCommandResult([], 1, [`tail: cannot open '${path}' for reading: No such file or directory`]);
  if (found.kind === 'directory') return makeCommandResult([], 1, [`tail: error reading '${path}': Is a directory`]);
  const text = found.read();
  const all = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text === '' ? [] : text.split('\n');
  return makeCommandResult(lines === 0 ? [] : all.slice(-lines));
};

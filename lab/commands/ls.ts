import { lookupHostPath, waitForShare } from '../host-files.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/** `ls [-1] PATH...`: one name a line (as ls prints when its output is not a terminal). Blocks on a cut NFS path. */
export const runLs: CommandHandler = async (args, { estate, host }) => {
  const paths = args.filter((arg) => arg !== '-1');
  if (paths.some((arg) => arg.startsWith('-'))) return makeCommandResult([], 2, [`ls: the lab supports only -1`]);
  const out: string[] = [];
  const errors: string[] = [];
  for (const path of paths.length > 0 ? paths : ['.']) {
    const found = lookupHostPath(estate, host, path);
    await waitForShare(host, found);
    if (found.kind === 'missing') errors.push(`ls: cannot access '${path}': No such file or directory`);
    else if (found.kind === 'file') out.push(path);
    else {
      if (paths.length > 1) out.push(`${path}:`);
      out.push(...found.list());
    }
  }
  return makeCommandResult(out, errors.length > 0 ? 2 : 0, errors);
};

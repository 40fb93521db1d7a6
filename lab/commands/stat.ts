import { lookupPathAttributes, type PathAttributes } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

const KIND_LETTER = { directory: 'd', 'regular file': '-' } as const;

/**
 * coreutils `stat [-L] -c FORMAT PATH...` (also `--format=FORMAT`, `--printf` is not
 * supported) over the queue-manager directories: %n name, %U/%G owner and group names, %u/%g
 * their ids, %a octal mode, %A symbolic mode, %F file type. A path on the share waits out a
 * cut NFS path, as on a hard mount. A missing path is `cannot statx` and exit 1.
 */
export const runStat: CommandHandler = async (args, { estate, host }) => {
  let format: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-L' || arg === '--dereference') continue;
    if (arg === '-c') format = args[++i];
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-')) return makeCommandResult([], 1, [`stat: the lab does not support ${arg}`]);
    else paths.push(arg);
  }
  if (format === undefined || paths.length === 0) return makeCommandResult([], 1, ['stat: missing operand', "Try 'stat --help' for more information."]);
  const out: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    const attributes = lookupPathAttributes(estate, host, path);
    if (!attributes) {
      errors.push(`stat: cannot statx '${path}': No such file or directory`);
      continue;
    }
    if (attributes.onShare && host.nfs) await host.nfs.whenReachable();
    out.push(formatStat(format, path, attributes));
  }
  return makeCommandResult(out, errors.length > 0 ? 1 : 0, errors);
};

function formatStat(format: string, path: string, a: PathAttributes): string {
  return format.replace(/%([nUGugaAF%])/g, (_, letter: string) => {
    switch (letter) {
      case 'n': return path;
      case 'U': return a.owner;
      case 'G': return a.group;
      case 'u': return String(a.uid);
      case 'g': return String(a.gid);
      case 'a': return a.mode;
      case 'A': return symbolicMode(a);
      case 'F': return a.kind;
      default: return '%';
    }
  });
}

function symbolicMode(a: PathAttributes): string {
  const bits = Number.parseInt(a.mode, 8);
  const triple = (shift: number, special: boolean, specialLetter: string): string => {
    const r = bits & (4 << shift) ? 'r' : '-';
    const w = bits & (2 << shift) ? 'w' : '-';
    const x = bits & (1 << shift);
    const last = special ? (x ? specialLetter : specialLetter.toUpperCase()) : x ? 'x' : '-';
    return r + w + last;
  };
  return KIND_LETTER[a.kind] + triple(6, (bits & 0o4000) !== 0, 's') + triple(3, (bits & 0o2000) !== 0, 's') + triple(0, (bits & 0o1000) !== 0, 't');
}

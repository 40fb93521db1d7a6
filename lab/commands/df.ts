import { listMounts, mountOf } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

const SIZE_KB = { nfs: 8_589_934_592, local: 41_152_736 };

/**
 * coreutils `df -T [PATH...]`: file system, type, 1K-blocks, used, available, use%, mount
 * point, for the mount each path is on. [U] The sizes are fixed figures.
 */
export const runDf: CommandHandler = (args, { estate, host }) => {
  const paths = args.filter((arg) => !arg.startsWith('-'));
  if (!args.includes('-T') || args.some((arg) => arg.startsWith('-') && arg !== '-T' && arg !== '-P')) {
    return makeCommandResult([], 1, ['df: the lab supports df -T [-P] [PATH...]']);
  }
  const mounts = listMounts(estate, host);
  const shown = paths.length === 0 ? mounts : paths.map((path) => mountOf(mounts, path.replace(/\/+$/, '') || '/'));
  const rows = [['Filesystem', 'Type', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on']];
  for (const mount of shown) {
    const size = mount.fstype.startsWith('nfs') ? SIZE_KB.nfs : SIZE_KB.local;
    const used = Math.round(size / 50);
    rows.push([mount.source, mount.fstype, String(size), String(used), String(size - used), '2%', mount.target]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  return makeCommandResult(rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' ')));
};

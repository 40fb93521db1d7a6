import { listMounts, mountOf, type Mount } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { parseOptions } from './parse-options.ts';

const COLUMNS = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * util-linux findmnt over the host's mounts (lab/conformance/host-configuration.ts): `/` and,
 * on MQ hosts, the queue-manager data and logs hard-mounted over NFSv4.1 from the NFS server.
 * Supports -n, -l, -t TYPES, -o COLUMNS and -T PATH (the mount a path is on); reads the mount
 * table only, so it never blocks on a cut path.
 */
export const runFindmnt: CommandHandler = (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: 'nl', valued: 'toT' });
  if (!parsed.ok || parsed.options.operands.length > 0) {
    return makeCommandResult([], 1, [`findmnt: ${parsed.ok ? 'the lab takes a path with -T only' : parsed.error}`]);
  }
  const { flags, values } = parsed.options;
  const columns = (values.get('o')?.at(-1) ?? COLUMNS.join(',')).split(',').map((c) => c.toUpperCase());
  const unknown = columns.find((c) => !(COLUMNS as readonly string[]).includes(c));
  if (unknown) return makeCommandResult([], 1, [`findmnt: unknown column: ${unknown}`]);
  const types = values.get('t')?.at(-1)?.split(',');
  const target = values.get('T')?.at(-1);
  const mounts = listMounts(estate, host);
  const candidates = target === undefined ? mounts : [mountOf(mounts, target.replace(/\/+$/, '') || '/')];
  const shown = candidates.filter((m) => types === undefined || types.includes(m.fstype));
  if (shown.length === 0) return makeCommandResult([], 1);
  const cell = (m: Mount, c: Column): string => ({ TARGET: m.target, SOURCE: m.source, FSTYPE: m.fstype, OPTIONS: m.options })[c];
  const rows = [...(flags.includes('n') ? [] : [columns]), ...shown.map((m) => columns.map((c) => cell(m, c as Column)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return makeCommandResult(rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join(' ')));
};

import { MQ_LOG_DIR, QMGRS_DIR } from '../host-files.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { parseOptions } from './parse-options.ts';

interface Mount {
  TARGET: string;
  SOURCE: string;
  FSTYPE: string;
  OPTIONS: string;
}

const COLUMNS = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'] as const;

/**
 * util-linux findmnt over the host's mounts: `/` and, on MQ hosts, the queue-manager data
 * and logs hard-mounted over NFSv4.1 from the NFS server (mount options as in the EFS
 * transcripts). Supports -n, -l, -t TYPES and -o COLUMNS; reads the mount table only, so it
 * never blocks on a cut path.
 */
export const runFindmnt: CommandHandler = (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: 'nl', valued: 'to' });
  if (!parsed.ok || parsed.options.operands.length > 0) {
    return makeCommandResult([], 1, [`findmnt: ${parsed.ok ? 'the lab does not take a target' : parsed.error}`]);
  }
  const { flags, values } = parsed.options;
  const columns = (values.get('o')?.at(-1) ?? COLUMNS.join(',')).split(',').map((c) => c.toUpperCase());
  const unknown = columns.find((c) => !(COLUMNS as readonly string[]).includes(c));
  if (unknown) return makeCommandResult([], 1, [`findmnt: unknown column: ${unknown}`]);
  const types = values.get('t')?.at(-1)?.split(',');
  const server = estate.topology.hosts.find((h) => h.name === estate.topology.nfs.server)?.address ?? '';
  const nfsOptions = `rw,relatime,vers=4.1,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=${host.network.address},local_lock=none,addr=${server}`;
  const mounts: Mount[] = [{ TARGET: '/', SOURCE: '/dev/sda1', FSTYPE: 'ext4', OPTIONS: 'rw,relatime' }];
  if (host.nfs) {
    mounts.push(
      { TARGET: MQ_LOG_DIR, SOURCE: `${server}:/export/mqm/log`, FSTYPE: 'nfs4', OPTIONS: nfsOptions },
      { TARGET: QMGRS_DIR, SOURCE: `${server}:/export/mqm/qmgrs`, FSTYPE: 'nfs4', OPTIONS: nfsOptions },
    );
  }
  const shown = mounts.filter((m) => types === undefined || types.includes(m.FSTYPE));
  if (shown.length === 0) return makeCommandResult([], 1);
  const rows = [...(flags.includes('n') ? [] : [columns]), ...shown.map((m) => columns.map((c) => m[c as keyof Mount]))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return makeCommandResult(rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(' ')));
};

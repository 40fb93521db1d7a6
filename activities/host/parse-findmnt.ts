/**
 * NFS servers from `findmnt -n -t nfs4 -o SOURCE`: one `server:/export` per line (an IPv6
 * server is bracketed, `[fd00::5]:/export`). Duplicates removed, order kept.
 */
export function parseNfsServers(stdout: string): string[] {
  const servers: string[] = [];
  for (const line of stdout.split('\n')) {
    const source = line.trim().split(/\s+/)[0] ?? '';
    const match = /^(\[[^\]]+\]|[^:]+):\//.exec(source);
    if (match && !servers.includes(match[1]!)) servers.push(match[1]!);
  }
  return servers;
}

/** The mount a path is on, from `findmnt -n -o TARGET,SOURCE,FSTYPE,OPTIONS -T PATH`. */
export interface MountLine {
  target: string;
  source: string;
  fstype: string;
  options: string[];
}

export function parseFindmntMount(stdout: string): MountLine | null {
  const line = stdout.split('\n').find((l) => l.trim() !== '');
  const fields = line?.trim().split(/\s+/);
  if (!fields || fields.length !== 4) return null;
  return { target: fields[0]!, source: fields[1]!, fstype: fields[2]!, options: fields[3]!.split(',') };
}

/** NFS version from `vers=4.1` (or `nfsvers=`); null when the options do not say. */
export function nfsVersionOf(mount: MountLine): string | null {
  const option = mount.options.find((o) => o.startsWith('vers=') || o.startsWith('nfsvers='));
  return option ? option.slice(option.indexOf('=') + 1) : mount.fstype === 'nfs4' ? '4' : null;
}

/** NFS mounts are hard unless mounted soft (nfs(5)); null for a mount that is not NFS. */
export function isHardMount(mount: MountLine): boolean | null {
  if (!mount.fstype.startsWith('nfs')) return null;
  return !mount.options.includes('soft') && !mount.options.includes('softerr');
}

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

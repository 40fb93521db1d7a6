/** Ports in state LISTEN from iproute2 `ss -ltn` (header optional; IPv4, `*:port` and `[::]:port` forms). */
export function parseListeningPorts(stdout: string): number[] {
  const ports = new Set<number>();
  for (const line of stdout.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== 'LISTEN' || fields.length < 5) continue;
    const port = Number(/:(\d+)$/.exec(fields[3]!)?.[1]);
    if (Number.isInteger(port)) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

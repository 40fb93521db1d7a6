/**
 * The mqs.ini QueueManager stanza from `dspmqinf -o command QMGR`, which prints the addmqinf
 * command that recreates it (mq-reference.md §7):
 * `addmqinf -s QueueManager -v Name=QM1 -v Directory=QM1 -v Prefix=/var/mqm -v DataPath=/MQHA/qmgrs/QM1`.
 */
export interface QueueManagerStanza {
  name: string | null;
  directory: string | null;
  prefix: string | null;
  /** Absent unless the queue manager was created with -md. */
  dataPath: string | null;
}

export function parseDspmqinfCommand(stdout: string): QueueManagerStanza | null {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('addmqinf '));
  if (!line) return null;
  const values = new Map<string, string>();
  for (const match of line.matchAll(/-v\s+(\w+)=(\S+)/g)) values.set(match[1]!, match[2]!);
  return { name: values.get('Name') ?? null, directory: values.get('Directory') ?? null, prefix: values.get('Prefix') ?? null, dataPath: values.get('DataPath') ?? null };
}

/**
 * A topology option that breaks one HA prerequisite on one host (`hosts.<name>.breaks`), so
 * that every conformance check has a lab estate on which it must fail. A break changes what
 * the host's configuration commands report (`id`, `stat`, `findmnt`, `df`, `dspmqinf`,
 * `dspmqver`, `systemctl`, `ss`, DISPLAY LSSTATUS) and, for the shared-file-system breaks, what
 * `amqmfsck` finds; it does not change how the simulated queue manager fails over.
 */
export const PREREQUISITE_BREAKS = {
  'mqm-uid': 'the mqm user has uid 502 (the others 501)',
  'mqm-gid': 'the mqm group has gid 502 (the others 501)',
  'user-not-in-mqm': 'the MQ user is not a member of group mqm',
  'qmdir-local': 'queue-manager data and logs are on the local disk, not the share',
  'qmdir-owner': 'the queue-manager directories are owned by root:root',
  'qmdir-mode': 'the queue-manager directories are not group-writable (0755)',
  'nfs-soft': 'the share is mounted soft',
  'nfs-v3': 'the share is mounted with NFS version 3',
  'file-locking': 'the share does not honour file locks (amqmfsck fails)',
  'stanza-missing': 'mqs.ini has no QueueManager stanza for the queue managers',
  'stanza-datapath': 'the QueueManager stanza names another DataPath',
  'mq-version': 'another MQ version is installed (9.3.0.0)',
  autostart: 'the queue managers start automatically at boot (systemd unit enabled)',
  'standby-not-running': 'no standby instance is started on this host',
  'listener-port': 'a second listener port is open for the queue managers of this host',
  'listener-stopped': 'the listener of the active instance on this host is not started',
} as const;

export type PrerequisiteBreak = keyof typeof PREREQUISITE_BREAKS;

export function isPrerequisiteBreak(name: unknown): name is PrerequisiteBreak {
  return typeof name === 'string' && Object.hasOwn(PREREQUISITE_BREAKS, name);
}

/** Reads `hosts.<name>.breaks`, reporting unknown names through `fail`. */
export function parseBreaks(raw: unknown, field: string, fail: (field: string, message: string) => void): PrerequisiteBreak[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    fail(field, 'must be a list of prerequisite breaks');
    return [];
  }
  const breaks: PrerequisiteBreak[] = [];
  raw.forEach((name, index) => {
    if (isPrerequisiteBreak(name)) breaks.push(name);
    else fail(`${field}[${index}]`, `unknown break ${JSON.stringify(name)} (known: ${Object.keys(PREREQUISITE_BREAKS).join(', ')})`);
  });
  return breaks;
}

import type { LabEstate } from './lab-estate.ts';
import type { LabHost } from './lab-host.ts';

/**
 * The few files a fault or health check reads on a lab host. Queue-manager data
 * (`/var/mqm/qmgrs`, `/var/mqm/log`) is on the NFS share, hard-mounted: reading it waits
 * for as long as the host cannot reach the server. Agent logs under `/var/mqm/mqft` are local.
 */
export type HostPath =
  | { kind: 'file'; onShare: boolean; read: () => string }
  | { kind: 'directory'; onShare: boolean; list: () => string[] }
  | { kind: 'missing' };

export const QMGRS_DIR = '/var/mqm/qmgrs';
export const MQ_LOG_DIR = '/var/mqm/log';

/** [U] What `ls` shows in a 9.3 queue-manager directory. */
const QM_DIR_ENTRIES = [
  '@app', '@ipcc', '@qmgr', '@qmpersist', 'active', 'active.lck', 'amqalchk.fil', 'authinfo', 'autocfg', 'blockaddr.ini',
  'channel', 'clntconn', 'errors', 'listener', 'master', 'master.lck', 'namelist', 'plugcomp', 'qm.ini', 'qmanager',
  'qmstatus.ini', 'queues', 'services', 'ssl', 'standby', 'standby.lck', 'startprm', 'topic',
];

/** MQ's directory name for a queue manager: `.` becomes `!`, `/` becomes `&`. */
export function queueManagerDirectory(qm: string): string {
  return qm.replaceAll('.', '!').replaceAll('/', '&');
}

export function lookupHostPath(estate: LabEstate, host: LabHost, path: string): HostPath {
  const clean = path.replace(/\/+$/, '') || '/';
  const shared = host.nfs !== undefined;
  const qms = estate.queueManagersOn(host.name);
  if (shared && clean === QMGRS_DIR) return directory(true, qms.map((qm) => queueManagerDirectory(qm.name)));
  if (shared && clean === MQ_LOG_DIR) return directory(true, qms.map((qm) => queueManagerDirectory(qm.name)));
  for (const qm of shared ? qms : []) {
    const dir = `${QMGRS_DIR}/${queueManagerDirectory(qm.name)}`;
    if (clean === dir) return directory(true, QM_DIR_ENTRIES);
    if (clean === `${dir}/errors`) return directory(true, ['AMQERR01.LOG']);
    if (clean === `${dir}/errors/AMQERR01.LOG`) return { kind: 'file', onShare: true, read: () => qm.errorLog.render() };
  }
  for (const agent of estate.agents.values()) {
    if (agent.hostName !== host.name) continue;
    if (clean === agent.logFile) return { kind: 'file', onShare: false, read: () => agent.readLog() };
    if (clean === agent.logFile.replace(/\/output0\.log$/, '')) return directory(false, ['output0.log']);
  }
  return { kind: 'missing' };
}

/** Waits out a cut path to the share, as I/O on a hard NFS mount does. */
export async function waitForShare(host: LabHost, path: HostPath): Promise<void> {
  if (path.kind !== 'missing' && path.onShare && host.nfs) await host.nfs.whenReachable();
}

function directory(onShare: boolean, entries: string[]): HostPath {
  return { kind: 'directory', onShare, list: () => [...entries].sort() };
}

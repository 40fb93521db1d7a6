import type { Clock } from './clock.ts';
import { describeLockLoss, describeStaleWriteFailure, type ErrorLogEntry } from './error-log-entry.ts';
import type { LabHost } from './lab-host.ts';
import { MQ_BIN } from './mq-processes.ts';
import type { NfsServer } from './nfs-server.ts';
import type { QmErrorLog } from './qm-error-log.ts';
import type { QmInstance } from './qm-instance.ts';
import type { TruthEventInput } from './truth-log.ts';

export interface LockMonitorDeps {
  clock: Clock;
  emit: (event: TruthEventInput) => void;
  hosts: Map<string, LabHost>;
  nfsServer: NfsServer;
  /** The topology's split-brain option: a lost lock goes unnoticed. */
  splitBrain: boolean;
}

export interface MonitoredQueueManager {
  name: string;
  version: string;
  errorLog: QmErrorLog;
  instanceOn(host: string): QmInstance | undefined;
}

/**
 * The active instance's lock monitor (MQ's zxcFileLockMonitorThread). When the NFS server
 * drops a host's lease and with it the master lock, the instance there writes AMQ7280 and
 * AMQ7279 to the error log (through the page cache if the share is out of reach) and ends.
 * In the split-brain mode the loss goes unnoticed: the instance keeps serving from cache
 * until the path is back and its first write fails with EIO, and only then ends.
 */
export function monitorLockLoss(qm: MonitoredQueueManager, deps: LockMonitorDeps): void {
  const stale = new Set<string>();
  deps.nfsServer.onLeaseExpired((hostName, lostLocks) => {
    if (!lostLocks.includes(qm.name)) return;
    const instance = qm.instanceOn(hostName);
    if (!instance?.ownsQueueManager) return;
    const host = deps.hosts.get(hostName)!;
    deps.emit({ event: 'lock-lost', qm: qm.name, host: hostName, noticed: !deps.splitBrain });
    if (deps.splitBrain) {
      stale.add(hostName);
      return;
    }
    writeEntries(qm, host, describeLockLoss(qm.name), deps);
    instance.loseLock();
  });
  for (const host of deps.hosts.values()) {
    host.nfs?.onReachabilityChange((reachable) => {
      if (!reachable || !stale.delete(host.name)) return;
      const instance = qm.instanceOn(host.name);
      if (!instance?.ownsQueueManager) return;
      writeEntries(qm, host, describeStaleWriteFailure(qm.name), deps);
      instance.loseLock();
    });
  }
}

function writeEntries(qm: MonitoredQueueManager, host: LabHost, messages: ReturnType<typeof describeLockLoss>, deps: LockMonitorDeps): void {
  const atMs = deps.clock.now();
  const controller = host.processes.list().find((p) => p.command.startsWith(`${MQ_BIN}/amqzxma0 -m ${qm.name} `));
  const entries: ErrorLogEntry[] = messages.map((message) => ({
    ...message,
    atMs,
    pid: controller?.pid ?? 0,
    thread: 4,
    program: 'amqzxma0',
    host: host.name,
    installation: 'Installation1',
    vrmf: qm.version,
    qm: qm.name,
    inserts: [],
  }));
  const write = (): void => {
    for (const entry of entries) {
      qm.errorLog.append(entry);
      deps.emit({ event: 'error-logged', qm: qm.name, host: host.name, messageId: entry.messageId });
    }
  };
  if (host.nfs) host.nfs.writeWhenReachable(write);
  else write();
}

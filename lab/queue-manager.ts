import type { Clock } from './clock.ts';
import type { LabHost } from './lab-host.ts';
import { monitorLockLoss } from './lock-monitor.ts';
import type { NfsServer } from './nfs-server.ts';
import { QmErrorLog } from './qm-error-log.ts';
import { QmInstance, type EndKind, type EndMode } from './qm-instance.ts';
import type { TopologyQueueManager } from './topology.ts';
import type { TruthEventInput } from './truth-log.ts';

export type StartOutcome =
  | { kind: 'started'; instance: QmInstance }
  | { kind: 'standby'; instance: QmInstance }
  | { kind: 'running-here'; instance: QmInstance }
  | { kind: 'ending-here' }
  | { kind: 'running-elsewhere' }
  | { kind: 'standby-not-permitted' }
  | { kind: 'too-many-standbys' }
  | { kind: 'storage-unreachable' };

export type EndOutcome =
  | { kind: 'ending'; instance: QmInstance }
  | { kind: 'not-running' }
  | { kind: 'running-elsewhere' }
  | { kind: 'standby-needs-x' }
  | { kind: 'no-standby-here' }
  | { kind: 'no-standby-for-switchover' };

export interface EndRequest {
  mode: EndMode;
  switchover: boolean;
  standbyOnly: boolean;
  reconnectClients: boolean;
}

export type QmStatus =
  | 'starting'
  | 'running'
  | 'running-as-standby'
  | 'running-elsewhere'
  | 'quiescing'
  | 'ending-immediately'
  | 'ending-preemptively'
  | 'ended-normally'
  | 'ended-immediately'
  | 'ended-preemptively'
  | 'ended-unexpectedly';

export type StandbyPermission = 'permitted' | 'not-permitted' | 'not-applicable';

/** What dspmq on one host can see of a queue manager. */
export interface QmHostView {
  qm: string;
  status: QmStatus;
  standby: StandbyPermission;
  /** Running instances, the active first; a replaying instance is not listed until it is active. */
  instances: { host: string; mode: 'active' | 'standby' }[];
}

const ENDING_STATUS: Record<EndMode, QmStatus> = {
  controlled: 'quiescing',
  wait: 'quiescing',
  immediate: 'ending-immediately',
  preemptive: 'ending-preemptively',
};

/**
 * A multi-instance queue manager: its data (and master lock) on the NFS server and an
 * instance on each host where it has been started. Decides what strmqm and endmqm do.
 */
export class QueueManager {
  readonly name: string;
  /** [U] A queue manager that has never run shows `Ended immediately`. */
  lastEnd: EndKind = 'immediately';
  /** AMQERR01.LOG, on the share with the rest of the queue-manager data. */
  readonly errorLog = new QmErrorLog();
  private readonly instances = new Map<string, QmInstance>();
  private readonly endedListeners: ((instance: QmInstance, kind: EndKind | undefined) => void)[] = [];

  constructor(
    readonly config: TopologyQueueManager,
    private readonly deps: {
      clock: Clock;
      emit: (event: TruthEventInput) => void;
      hosts: Map<string, LabHost>;
      nfsServer: NfsServer;
      splitBrain?: boolean;
    },
  ) {
    this.name = config.name;
    monitorLockLoss(this, { ...deps, splitBrain: deps.splitBrain ?? false });
  }

  get version(): string {
    return this.config.version;
  }

  /** The instance reporting Running (the first one, should there be two). */
  activeInstance(): QmInstance | undefined {
    return this.liveInstances().find((i) => i.state === 'active');
  }

  /** Told whenever an instance ends; `kind` as for dspmq, undefined for a standby. */
  onInstanceEnded(listener: (instance: QmInstance, kind: EndKind | undefined) => void): void {
    this.endedListeners.push(listener);
  }

  /** Whether the queue manager is defined on the host (its mqs.ini stanza). */
  isConfiguredOn(host: string): boolean {
    return this.config.instances.includes(host);
  }

  instanceOn(host: string): QmInstance | undefined {
    return this.instances.get(host);
  }

  start(hostName: string, options: { permitStandby: boolean }): StartOutcome {
    const host = this.hostNamed(hostName);
    const local = this.instances.get(hostName);
    if (local) return local.state === 'ending' ? { kind: 'ending-here' } : { kind: 'running-here', instance: local };
    if (!host.nfs?.canReachServer()) return { kind: 'storage-unreachable' };
    if (this.deps.nfsServer.holderOf(this.name)) {
      if (!options.permitStandby) return { kind: 'running-elsewhere' };
      if (this.owner() && !this.owner()?.permitsStandby) return { kind: 'standby-not-permitted' };
      if (this.liveInstances().some((i) => i.state === 'standby')) return { kind: 'too-many-standbys' };
    }
    const instance = new QmInstance(
      {
        ...this.deps,
        emit: (event) => this.emitInstanceEvent(event),
        config: this.config,
        host,
        onEnded: (ended, kind) => this.instanceEnded(ended, kind),
      },
      options.permitStandby,
    );
    this.instances.set(hostName, instance);
    instance.launch();
    return instance.state === 'standby' ? { kind: 'standby', instance } : { kind: 'started', instance };
  }

  end(hostName: string, request: EndRequest): EndOutcome {
    const local = this.instances.get(hostName);
    if (!local) return this.liveInstances().length > 0 ? { kind: 'running-elsewhere' } : { kind: 'not-running' };
    if (request.standbyOnly) {
      if (local.state !== 'standby') return { kind: 'no-standby-here' };
    } else {
      if (local.state === 'standby') return { kind: 'standby-needs-x' };
      if (request.switchover && !this.liveInstances().some((i) => i !== local && i.state === 'standby')) {
        return { kind: 'no-standby-for-switchover' };
      }
    }
    local.end(request.mode, { switchover: request.switchover, reconnectClients: request.reconnectClients });
    return { kind: 'ending', instance: local };
  }

  viewFrom(hostName: string): QmHostView {
    const local = this.instances.get(hostName);
    const owner = this.owner();
    const live = this.liveInstances();
    let status: QmStatus;
    if (local?.state === 'active') status = 'running';
    else if (local?.state === 'standby') status = 'running-as-standby';
    else if (local?.state === 'ending') status = ENDING_STATUS[local.endMode ?? 'controlled'];
    else if (local) status = 'starting';
    else if (live.length > 0) status = 'running-elsewhere';
    else status = `ended-${this.lastEnd}`;

    let standby: StandbyPermission = 'not-applicable';
    if (owner) standby = owner.permitsStandby ? 'permitted' : 'not-permitted';
    else if (live.length > 0) standby = 'permitted';

    const order = (host: string): number => this.config.instances.indexOf(host);
    const actives = live.filter((i) => i.state === 'active' || (i.state === 'ending' && i === owner));
    const standbys = live.filter((i) => i.state === 'standby');
    const instances = [
      ...actives.sort((a, b) => order(a.host) - order(b.host)).map((i) => ({ host: i.host, mode: 'active' as const })),
      ...standbys.sort((a, b) => order(a.host) - order(b.host)).map((i) => ({ host: i.host, mode: 'standby' as const })),
    ];
    return { qm: this.name, status, standby, instances };
  }

  /** The instance that holds the master lock: replaying, active or shutting down. */
  private owner(): QmInstance | undefined {
    return this.liveInstances().find((i) => i.ownsQueueManager);
  }

  private liveInstances(): QmInstance[] {
    return [...this.instances.values()].filter((i) => i.state !== 'ended');
  }

  private instanceEnded(instance: QmInstance, kind: EndKind | undefined): void {
    if (this.instances.get(instance.host) === instance) this.instances.delete(instance.host);
    if (kind) this.lastEnd = kind;
    for (const listener of this.endedListeners) listener(instance, kind);
  }

  /** Instance events pass through; a second instance becoming active is the split brain. */
  private emitInstanceEvent(event: TruthEventInput): void {
    this.deps.emit(event);
    if (event.event !== 'instance-state' || event.to !== 'active') return;
    const actives = this.liveInstances().filter((i) => i.state === 'active');
    if (actives.length > 1) this.deps.emit({ event: 'split-brain', qm: this.name, hosts: actives.map((i) => i.host).sort() });
  }

  private hostNamed(name: string): LabHost {
    const host = this.deps.hosts.get(name);
    if (!host) throw new Error(`unknown host ${name}`);
    return host;
  }
}

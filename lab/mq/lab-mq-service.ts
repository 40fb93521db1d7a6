import type { Socket } from 'node:net';
import type { LabEstate } from '../lab-estate.ts';
import type { TruthEvent } from '../truth-log.ts';
import type { ClusterRouter } from './cluster-router.ts';
import { GetWaits } from './get-waits.ts';
import { LabFaultSwitch } from './lab-fault-switch.ts';
import type { MessageQueue, StoredMessage } from './message-queue.ts';
import { hexMsgId, MessageTruth } from './message-truth.ts';
import { MQC } from './mq-constants.ts';
import { MqListener } from './mq-listener.ts';
import { MqSession, type ServingState, type SessionContext } from './mq-session.ts';
import type { QueueManagerMqConfig } from './mq-topology.ts';
import { QueueManagerStore } from './queue-manager-store.ts';

interface HostEndpoint {
  host: string;
  /** The instance on this host became active and has not ended since: its sessions and non-persistent messages. */
  active: boolean;
  listener: MqListener;
  sessions: Set<MqSession>;
  context: SessionContext;
}

interface ServedQueueManager {
  name: string;
  config: QueueManagerMqConfig;
  store: QueueManagerStore;
  waits: GetWaits;
  endpoints: Map<string, HostEndpoint>;
}

const services = new WeakMap<LabEstate, LabMqService>();

/** The MQ service of an estate, for the lab's own commands (mqchaos-lab-fault). */
export function findMqService(estate: LabEstate): LabMqService | undefined {
  return services.get(estate);
}

/**
 * The MQ side of the lab: per queue manager its store and, per instance host, a listener
 * serving the instance there. Follows the model's instance states: an instance that
 * becomes active opens its listener (LISTENER CONTROL QMGR) and serves clients; endmqm
 * quiesces (2161 to MQ*_FAIL_IF_QUIESCING calls) or stops (2162) them; an instance that
 * ends drops its connections, backs out their units of work and loses its non-persistent
 * messages.
 */
export class LabMqService {
  readonly faults: LabFaultSwitch;
  private readonly queueManagers = new Map<string, ServedQueueManager>();
  private readonly truth: MessageTruth;
  private connectionCount = 0;
  private stopListening: (() => void) | undefined;
  private clusterRouter: ClusterRouter | undefined;

  constructor(private readonly estate: LabEstate) {
    const emit = (event: Parameters<LabEstate['emit']>[0]): void => void estate.emit(event);
    this.truth = new MessageTruth(emit, estate.topology.messageTruth);
    this.faults = new LabFaultSwitch(emit, (qm) => this.activeEndpoints(qm)[0]?.host ?? '');
    for (const qm of estate.topology.queueManagers) {
      const store = new QueueManagerStore(qm.name, qm.mq.queues, estate.clock.now());
      const served: ServedQueueManager = { name: qm.name, config: qm.mq, store, waits: new GetWaits(estate.clock), endpoints: new Map() };
      for (const host of qm.instances) served.endpoints.set(host, this.createEndpoint(served, host, qm.mq.listenerPorts[host] ?? 0));
      this.queueManagers.set(qm.name, served);
    }
    services.set(estate, this);
  }

  /** Reserves every listener's port (MANUAL listeners keep listening) and starts following the model. Call before starting instances. */
  async start(): Promise<void> {
    for (const served of this.queueManagers.values()) {
      for (const endpoint of served.endpoints.values()) {
        await endpoint.listener.open();
        if (served.config.listenerControl === 'QMGR') await endpoint.listener.close();
      }
    }
    this.stopListening = this.estate.onEvent((event) => this.follow(event));
  }

  async stop(): Promise<void> {
    this.stopListening?.();
    for (const served of this.queueManagers.values()) {
      for (const endpoint of served.endpoints.values()) {
        for (const session of [...endpoint.sessions]) session.end({ cause: 'instance-ended', reason: MQC.MQRC_CONNECTION_BROKEN, backoutCause: 'instance-ended' });
        await endpoint.listener.close();
      }
    }
  }

  /** Listener port per instance host, for the estate file. */
  listenerPorts(qm: string): Record<string, number> {
    const served = this.queueManagers.get(qm);
    return Object.fromEntries([...(served?.endpoints ?? [])].map(([host, endpoint]) => [host, endpoint.listener.port]));
  }

  /** The listener of a queue manager's instance host: its port and whether it is listening now. */
  listenerOn(qm: string, host: string): { port: number; listening: boolean } | undefined {
    const listener = this.queueManagers.get(qm)?.endpoints.get(host)?.listener;
    return listener && { port: listener.port, listening: listener.isListening };
  }

  channelOf(qm: string): string | undefined {
    return this.queueManagers.get(qm)?.config.channel;
  }

  /** The queue manager's store (tests look at messages through it). */
  storeOf(qm: string): QueueManagerStore | undefined {
    return this.queueManagers.get(qm)?.store;
  }

  /** The gets waiting on a queue manager's queues (a cluster channel's MQGET wait on its transmission queue is one). */
  waitsOf(qm: string): GetWaits | undefined {
    return this.queueManagers.get(qm)?.waits;
  }

  /** Lets sessions open cluster queues and fully qualified remote queues (lab/cluster/). */
  attachClusterRouter(router: ClusterRouter): void {
    this.clusterRouter = router;
  }

  private activeEndpoints(qm: string): HostEndpoint[] {
    return [...(this.queueManagers.get(qm)?.endpoints.values() ?? [])].filter((endpoint) => endpoint.active);
  }

  private createEndpoint(served: ServedQueueManager, host: string, port: number): HostEndpoint {
    const sessions = new Set<MqSession>();
    const context: SessionContext = {
      qm: served.name,
      host,
      channel: served.config.channel,
      store: served.store,
      clock: this.estate.clock,
      truth: this.truth,
      waits: served.waits,
      faults: this.faults,
      clusterRouter: () => this.clusterRouter,
      servingState: () => this.servingState(served.name, host),
      nextConnectionNumber: () => ++this.connectionCount,
      whenStorageWritable: () => {
        const nfs = this.estate.host(host).nfs;
        return nfs && !nfs.canReachServer() ? nfs.whenReachable() : undefined;
      },
      sessionEnded: (session) => void sessions.delete(session),
    };
    const onConnection = (socket: Socket): void => void sessions.add(new MqSession(socket, context));
    const listener = new MqListener(port, onConnection, (listening) =>
      this.estate.emit({ event: 'mq-listener', qm: served.name, host, port: listener.port, listening }),
    );
    return { host, active: false, listener, sessions, context };
  }

  private servingState(qm: string, host: string): ServingState {
    const instance = this.estate.queueManagers.get(qm)?.instanceOn(host);
    if (!instance) return 'unavailable';
    if (instance.state === 'active') return 'active';
    if (instance.state === 'standby') return 'standby';
    if (instance.state === 'ending' && instance.ownsQueueManager) {
      return instance.endMode === 'immediate' || instance.endMode === 'preemptive' ? 'stopping' : 'quiescing';
    }
    return 'unavailable';
  }

  private follow(event: TruthEvent): void {
    if (event.event !== 'instance-state') return;
    const served = this.queueManagers.get(event.qm);
    const endpoint = served?.endpoints.get(event.host);
    if (!served || !endpoint) return;
    if (event.to === 'active') {
      endpoint.active = true;
      served.store.noteInstanceStarted(event.t);
      // The listener-stopped prerequisite break (lab/conformance) leaves the active's listener down.
      const listenerBroken = this.estate.topology.hosts.find((h) => h.name === event.host)?.breaks.includes('listener-stopped') ?? false;
      if (served.config.listenerControl === 'QMGR' && !listenerBroken) {
        endpoint.listener.open().catch((error: unknown) => console.error(`${event.qm} listener on ${event.host} (port ${endpoint.listener.port}) did not start: ${String(error)}`));
      }
    } else if (event.to === 'ending' && endpoint.active) {
      this.beginEnding(served, endpoint, event.qm, event.host);
    } else if (event.to === 'ended' && endpoint.active) {
      this.endInstance(served, endpoint, event.from === 'ending');
    }
  }

  private endOptions(qm: string, host: string): { reconnect: boolean } {
    const instance = this.estate.queueManagers.get(qm)?.instanceOn(host);
    // [U] endmqm -s is taken to reconnect reconnectable clients as -r does.
    return { reconnect: instance ? instance.reconnectClients || instance.switchover : false };
  }

  private beginEnding(served: ServedQueueManager, endpoint: HostEndpoint, qm: string, host: string): void {
    if (this.servingState(qm, host) === 'quiescing') {
      served.waits.quiesce();
      return;
    }
    const goodbye = this.endOptions(qm, host);
    for (const session of [...endpoint.sessions]) {
      session.end({ cause: 'endmqm', reason: MQC.MQRC_Q_MGR_STOPPING, backoutCause: 'instance-ended', goodbye });
    }
  }

  /** The active instance ended: connections go, units of work are backed out, non-persistent messages are lost. */
  private endInstance(served: ServedQueueManager, endpoint: HostEndpoint, orderly: boolean): void {
    const { host } = endpoint;
    endpoint.active = false;
    // Non-persistent messages are in the ending instance's memory; in a split brain the other active instance keeps them.
    const keepNonPersistent = this.activeEndpoints(served.name).length > 0;
    const uncommittedPuts = new Map<MessageQueue, StoredMessage[]>();
    for (const session of [...endpoint.sessions]) {
      for (const message of session.uncommittedPuts()) {
        const list = uncommittedPuts.get(message.queue) ?? [];
        list.push(message);
        uncommittedPuts.set(message.queue, list);
      }
      if (orderly) session.end({ cause: 'endmqm', reason: MQC.MQRC_Q_MGR_STOPPING, backoutCause: 'instance-ended', goodbye: this.endOptions(served.name, host) });
      else session.end({ cause: 'instance-ended', reason: MQC.MQRC_CONNECTION_BROKEN, backoutCause: 'instance-ended' });
    }
    for (const queue of served.store.queues.values()) {
      const nonPersistent = keepNonPersistent ? [] : queue.listMessages().filter((message) => !message.persistent);
      for (const message of nonPersistent) queue.remove(message);
      const puts = uncommittedPuts.get(queue) ?? [];
      if (nonPersistent.length + puts.length === 0) continue;
      this.truth.emit({
        event: 'messages-discarded',
        qm: served.name,
        host,
        queue: queue.name,
        count: nonPersistent.length + puts.length,
        nonPersistent: nonPersistent.map(hexMsgId),
        uncommittedPuts: puts.map(hexMsgId),
      });
    }
    if (served.config.listenerControl === 'QMGR') void endpoint.listener.close();
  }
}

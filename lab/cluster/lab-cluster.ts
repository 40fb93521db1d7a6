import type { LabEstate } from '../lab-estate.ts';
import type { ClusterRouter, ClusterTarget, RouteChoice } from '../mq/cluster-router.ts';
import type { LabMqService } from '../mq/lab-mq-service.ts';
import { MessageQueue, type QueueAttributes } from '../mq/message-queue.ts';
import { hexMsgId } from '../mq/message-truth.ts';
import { MQC } from '../mq/mq-constants.ts';
import type { TruthEvent } from '../truth-log.ts';
import { ClusterMember, DEAD_LETTER_QUEUE, TRANSMIT_QUEUE, type RoutedMessage } from './cluster-member.ts';
import { ClusterSenderChannel, type ReallocationCause } from './cluster-sender-channel.ts';
import { clusterReceiverName, type ClusterConfig, type ClusterQueueConfig } from './cluster-topology.ts';
import { chooseDestination, type WorkloadCandidate, type WorkloadChoice } from './workload-algorithm.ts';

/** MQ's reason codes for cluster resolution (cmqc.h). */
const MQRC_CLUSTER_PUT_INHIBITED = 2268;
const MQRC_CLUSTER_RESOLUTION_ERROR = 2189;
const MQRC_OPTION_NOT_VALID_FOR_TYPE = 2045;
const MQOO_BIND_ON_GROUP = 0x00400000;
/** [U] A cluster member's listener port as other hosts' firewall rules see it. */
const CLUSTER_PORT = 1414;
const TRANSMIT_QUEUE_MAX_DEPTH = 999_999_999;

const clusters = new WeakMap<LabEstate, LabCluster>();

/** The cluster of an estate, for runmqsc's cluster commands. */
export function findCluster(estate: LabEstate): LabCluster | undefined {
  return clusters.get(estate);
}

/**
 * The lab's MQ cluster: routes puts to cluster queues through the workload algorithm,
 * keeps each member's SYSTEM.CLUSTER.TRANSMIT.QUEUE and cluster-sender channels, moves
 * messages when a channel runs, re-allocates eligible ones when a channel stops or a
 * retry fails, and follows the members' instances (a stopped member's channels get no
 * answer; a restarted sender triggers the channels with messages waiting).
 */
export class LabCluster implements ClusterRouter {
  readonly members = new Map<string, ClusterMember>();
  private readonly queues = new Map<string, ClusterQueueConfig>();
  private choiceSequence = 0;

  constructor(
    private readonly estate: LabEstate,
    private readonly mq: LabMqService,
    readonly config: ClusterConfig,
  ) {
    for (const queue of config.queues) this.queues.set(queue.name, queue);
    for (const qm of config.members) {
      const store = mq.storeOf(qm);
      const topologyQm = estate.topology.queueManagers.find((q) => q.name === qm);
      if (!store || !topologyQm) throw new Error(`cluster member ${qm} has no queue manager in the lab`);
      defineQueue(store.queues, systemQueue(TRANSMIT_QUEUE, true), store.name);
      defineQueue(store.queues, systemQueue(DEAD_LETTER_QUEUE, true), store.name);
      const member = new ClusterMember(qm, topologyQm.instances[0]!, store);
      for (const queue of config.queues.filter((q) => q.instances.includes(qm))) {
        defineQueue(store.queues, { ...systemQueue(queue.name, queue.defaultPersistent), maxDepth: queue.maxDepth }, store.name);
        member.addInstance(config.name, queue);
      }
      this.members.set(qm, member);
      // The channels' MQGET wait on the transmission queue: told whenever a message there becomes available (put, commit).
      mq.waitsOf(qm)?.park({ owner: member, queue: member.transmitQueue, failIfQuiescing: false, retry: () => this.transmitQueueChanged(member), expire: () => undefined, quiesce: () => undefined }, -1);
    }
    estate.onEvent((event) => this.follow(event));
    mq.attachClusterRouter(this);
    clusters.set(estate, this);
  }

  get name(): string {
    return this.config.name;
  }

  isRepository(qm: string): boolean {
    return this.config.repositories.includes(qm);
  }

  clusterQueue(name: string): ClusterQueueConfig | undefined {
    return this.queues.get(name);
  }

  clusterQueues(): ClusterQueueConfig[] {
    return [...this.queues.values()];
  }

  /** The CLUSSDR from `from` to `to`, created on first use as an auto-defined one would be. */
  channel(from: ClusterMember, to: string): ClusterSenderChannel {
    let channel = from.channels.get(to);
    if (channel) return channel;
    const name = clusterReceiverName(this.config.name, to);
    channel = new ClusterSenderChannel(name, from.qm, to, this.config.channels, this.estate.clock, {
      senderActive: () => this.isRunning(from.qm),
      partnerReachable: () => this.reachable(from, to),
      hasWaiting: () => from.hasAvailableFor(to),
      transfer: (max) => this.transfer(from, to, max),
      reallocate: (cause) => this.reallocate(from, to, cause),
      changed: (before, after, cause) =>
        void this.estate.emit({ event: 'channel-state', qm: from.qm, channel: name, toQm: to, from: before ?? 'INACTIVE', to: after ?? 'INACTIVE', cause }),
    });
    from.channels.set(to, channel);
    return channel;
  }

  /** Queue managers `qm` knows in the cluster (DISPLAY CLUSQMGR): every member for a full repository; else the repositories, itself and every destination it has a channel to or could route to. */
  knownMembers(qm: string): string[] {
    if (this.isRepository(qm)) return [...this.config.members];
    const member = this.members.get(qm);
    const known = new Set([...this.config.repositories, qm, ...this.clusterQueues().flatMap((q) => q.instances), ...(member ? member.channels.keys() : [])]);
    return this.config.members.filter((m) => known.has(m));
  }

  suspend(qm: string, suspended: boolean): void {
    const member = this.members.get(qm);
    if (!member || member.suspended === suspended) return;
    member.suspended = suspended;
    this.estate.emit({ event: 'cluster-suspended', qm, cluster: this.config.name, suspended });
  }

  isRunning(qm: string): boolean {
    return this.estate.queueManagers.get(qm)?.activeInstance() !== undefined;
  }

  resolveOpen(qm: string, queueName: string, objectQmgr: string, openOptions: number): { target: ClusterTarget } | { reason: number } | undefined {
    const member = this.members.get(qm);
    if (!member) return undefined;
    if (objectQmgr !== '' && objectQmgr !== qm) {
      if (!this.members.has(objectQmgr)) return undefined;
      return { target: { queueName, bind: 'qualified', fixedQm: objectQmgr, resolvedQmgr: objectQmgr } };
    }
    const queue = this.queues.get(queueName);
    if (!queue) return undefined;
    const output = (openOptions & MQC.MQOO_OUTPUT) !== 0;
    const local = queue.instances.includes(qm);
    const input = (openOptions & (MQC.MQOO_INPUT_AS_Q_DEF | MQC.MQOO_INPUT_SHARED | MQC.MQOO_INPUT_EXCLUSIVE | MQC.MQOO_BROWSE)) !== 0;
    if (input || !output) return local ? undefined : { reason: MQRC_OPTION_NOT_VALID_FOR_TYPE };
    const bind = this.bindOf(queue, openOptions);
    if (bind === 'not-fixed') return { target: { queueName, bind, resolvedQmgr: '' } };
    const choice = this.choose(member, queue, true);
    if (!choice.ok) return { reason: choice.reason === 'put-inhibited' ? MQRC_CLUSTER_PUT_INHIBITED : MQRC_CLUSTER_RESOLUTION_ERROR };
    return { target: { queueName, bind, fixedQm: choice.chosen.qm, resolvedQmgr: choice.chosen.qm, decidedBy: choice.decidedBy } };
  }

  route(qm: string, target: ClusterTarget): RouteChoice {
    const member = this.members.get(qm);
    if (!member) return { kind: 'failed', reason: MQC.MQRC_UNKNOWN_OBJECT_NAME };
    let destination = target.fixedQm;
    let decidedBy = target.bind === 'qualified' ? 'qualified' : (target.decidedBy ?? 'bound-at-open');
    if (destination === undefined) {
      const queue = this.queues.get(target.queueName);
      const choice: WorkloadChoice = queue ? this.choose(member, queue, true) : { ok: false, reason: 'no-instance' };
      if (!choice.ok) return { kind: 'failed', reason: choice.reason === 'put-inhibited' ? MQC.MQRC_PUT_INHIBITED : MQRC_CLUSTER_RESOLUTION_ERROR };
      destination = choice.chosen.qm;
      decidedBy = choice.decidedBy;
    }
    const emitRouted = (msgId: string, channel: string | null, to: string): void => {
      if (this.estate.topology.messageTruth) this.estate.emit({ event: 'cluster-routed', qm, queue: target.queueName, msgId, to, channel, bind: target.bind, decidedBy });
    };
    if (destination === qm) {
      const queue = member.store.queues.get(target.queueName);
      if (!queue) return { kind: 'failed', reason: MQC.MQRC_UNKNOWN_OBJECT_NAME };
      return { kind: 'local', queue, enqueued: (message) => emitRouted(hexMsgId(message), null, qm) };
    }
    const to = destination;
    const channel = this.channel(member, to);
    const defaults: QueueAttributes = this.mq.storeOf(to)?.queues.get(target.queueName)?.attributes ?? member.transmitQueue.attributes;
    return {
      kind: 'remote',
      transmitQueue: member.transmitQueue,
      defaults,
      enqueued: (message) => {
        member.enqueue(to, { message, queueName: target.queueName, reallocatable: target.bind === 'not-fixed' });
        emitRouted(hexMsgId(message), channel.name, to);
        if (message.state === 'available') channel.messageWaiting();
      },
    };
  }

  private bindOf(queue: ClusterQueueConfig, openOptions: number): 'on-open' | 'not-fixed' {
    if (openOptions & MQC.MQOO_BIND_ON_OPEN) return 'on-open';
    // Bind-on-group: the lab models no message groups, and a message outside a group is bound as not fixed.
    if (openOptions & (MQC.MQOO_BIND_NOT_FIXED | MQOO_BIND_ON_GROUP)) return 'not-fixed';
    return queue.defbind === 'OPEN' ? 'on-open' : 'not-fixed';
  }

  /** Runs the workload algorithm for a put (or re-allocation) on `member` to `queue`, and counts the choice. */
  private choose(member: ClusterMember, queue: ClusterQueueConfig, fromApplication: boolean): WorkloadChoice {
    const local = member.instances.get(queue.name);
    const own = this.config.memberAttributes.get(member.qm)!;
    const candidates: WorkloadCandidate[] = queue.instances.map((qm) => {
      const attributes = this.config.memberAttributes.get(qm)!;
      const instance = this.members.get(qm)?.instances.get(queue.name);
      const usage = member.usage.get(qm);
      return {
        qm,
        local: qm === member.qm,
        channelStatus: member.channels.get(qm)?.status ?? null,
        channelRank: attributes.clwlrank,
        queueRank: instance?.clwlrank ?? 0,
        putEnabled: this.mq.storeOf(qm)?.queues.get(queue.name)?.inhibitPut !== true,
        suspended: this.members.get(qm)?.suspended ?? false,
        netprty: attributes.netprty,
        queuePriority: instance?.clwlprty ?? 0,
        channelPriority: attributes.clwlprty,
        weight: attributes.clwlwght,
        chosenCount: usage?.count ?? 0,
        lastChosen: usage?.last ?? 0,
      };
    });
    const useq = local?.clwluseq ?? queue.clwluseq;
    const choice = chooseDestination({
      candidates,
      useLocal: useq === 'QMGR' ? own.clwluseq : useq === 'LOCAL' ? 'LOCAL' : 'ANY',
      fromApplication,
      mruc: own.clwlmruc,
      tail: this.config.workloadTail,
    });
    if (choice.ok) member.noteChosen(choice.chosen.qm, ++this.choiceSequence);
    return choice;
  }

  private reachable(from: ClusterMember, to: string): boolean {
    const target = this.members.get(to);
    if (!target || !this.isRunning(to) || !this.isRunning(from.qm)) return false;
    const address = this.estate.topology.hosts.find((h) => h.name === target.host)?.address ?? '';
    return this.estate.host(from.host).network.canReach(address, 'tcp', CLUSTER_PORT);
  }

  /** Moves up to `max` available messages from `from`'s transmission queue to their queue on `to` (its dead-letter queue when it cannot take them). */
  private transfer(from: ClusterMember, to: string, max: number): number {
    const target = this.members.get(to);
    if (!target) return 0;
    const batch = from.availableFor(to, max);
    const moved = new Map<MessageQueue, string[]>();
    for (const routed of batch) {
      const { message } = routed;
      let queue = target.store.queues.get(routed.queueName);
      // [U] MQ's receiving channel retries a failed put (MRRTY/MRTMR) before the dead-letter queue; the lab goes there at once.
      if (!queue || queue.inhibitPut || queue.depth >= queue.attributes.maxDepth) queue = target.store.queues.get(DEAD_LETTER_QUEUE)!;
      queue.append(Buffer.from(message.md), message.body, message.persistent, message.priority, 'available');
      from.transmitQueue.remove(message);
      from.dequeue(to, routed);
      const ids = moved.get(queue) ?? [];
      ids.push(hexMsgId(message));
      moved.set(queue, ids);
    }
    const waits = this.mq.waitsOf(to);
    for (const [queue, msgIds] of moved) {
      if (this.estate.topology.messageTruth) {
        const channel = clusterReceiverName(this.config.name, to);
        this.estate.emit({ event: 'cluster-transferred', qm: from.qm, toQm: to, channel, queue: queue.name, msgIds, deadLettered: queue.name === DEAD_LETTER_QUEUE });
      }
      waits?.wake(queue);
    }
    return batch.length;
  }

  /** Gives the channel's eligible messages to the workload algorithm again; those it sends elsewhere move. */
  private reallocate(from: ClusterMember, to: string, cause: ReallocationCause): void {
    const fromChannel = clusterReceiverName(this.config.name, to);
    const moves = new Map<string, { queue: string; toChannel: string | null; msgIds: string[]; toQm: string }>();
    for (const routed of from.availableFor(to)) {
      if (!routed.reallocatable) continue;
      const queue = this.queues.get(routed.queueName);
      if (!queue) continue;
      const choice = this.choose(from, queue, false);
      if (!choice.ok || choice.chosen.qm === to) continue; // still the most favourable: it stays
      const destination = choice.chosen.qm;
      from.dequeue(to, routed);
      if (destination === from.qm) {
        const local = from.store.queues.get(routed.queueName)!;
        local.append(Buffer.from(routed.message.md), routed.message.body, routed.message.persistent, routed.message.priority, 'available');
        from.transmitQueue.remove(routed.message);
        this.mq.waitsOf(from.qm)?.wake(local);
      } else {
        from.enqueue(destination, routed);
      }
      const key = `${routed.queueName}\u0000${destination}`;
      const move = moves.get(key) ?? { queue: routed.queueName, toChannel: destination === from.qm ? null : clusterReceiverName(this.config.name, destination), msgIds: [], toQm: destination };
      move.msgIds.push(hexMsgId(routed.message));
      moves.set(key, move);
    }
    for (const move of moves.values()) {
      if (this.estate.topology.messageTruth) {
        this.estate.emit({ event: 'cluster-reallocated', qm: from.qm, queue: move.queue, fromChannel, toChannel: move.toChannel, msgIds: move.msgIds, cause });
      }
      if (move.toQm !== from.qm) this.channel(from, move.toQm).messageWaiting();
    }
  }

  /** The transmission queue's MQGET wait: a message became available (put outside syncpoint, commit, backout). Never consumes. */
  private transmitQueueChanged(member: ClusterMember): boolean {
    for (const [to, channel] of member.channels) if (member.hasAvailableFor(to)) channel.messageWaiting();
    return false;
  }

  private follow(event: TruthEvent): void {
    if (event.event !== 'instance-state' || !this.members.has(event.qm)) return;
    const member = this.members.get(event.qm)!;
    if (event.to === 'active') {
      for (const channel of member.channels.values()) channel.senderStarted();
      return;
    }
    // endmqm closes the member's receiving channels (their senders hear it at once); an instance that dies is noticed by heartbeat or the next batch.
    if (event.to === 'ending' || (event.to === 'ended' && event.from !== 'ending')) {
      for (const other of this.members.values()) other.channels.get(event.qm)?.partnerLost(event.to === 'ending');
      for (const channel of member.channels.values()) channel.senderEnded();
    }
  }
}

function systemQueue(name: string, defaultPersistent: boolean): QueueAttributes {
  return { name, defaultPersistent, defaultPriority: 0, maxDepth: TRANSMIT_QUEUE_MAX_DEPTH, maxMessageBytes: 4 * 1024 * 1024, description: '' };
}

function defineQueue(queues: Map<string, MessageQueue>, attributes: QueueAttributes, qmName: string): void {
  if (!queues.has(attributes.name)) queues.set(attributes.name, new MessageQueue(attributes, qmName));
}

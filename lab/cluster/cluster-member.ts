import type { MessageQueue, StoredMessage } from '../mq/message-queue.ts';
import type { QueueManagerStore } from '../mq/queue-manager-store.ts';
import type { ClusterSenderChannel } from './cluster-sender-channel.ts';
import type { ClusterQueueConfig, QueueUseLocal } from './cluster-topology.ts';

export const TRANSMIT_QUEUE = 'SYSTEM.CLUSTER.TRANSMIT.QUEUE';
export const DEAD_LETTER_QUEUE = 'SYSTEM.DEAD.LETTER.QUEUE';

/** A message on the transmission queue and where it is going (what MQ keeps in the transmission header and CorrelId). */
export interface RoutedMessage {
  readonly message: StoredMessage;
  readonly queueName: string;
  /** Bind-not-fixed messages may be re-allocated; bind-on-open and fully qualified ones stay. */
  readonly reallocatable: boolean;
}

/** The cluster attributes of one instance of a cluster queue (ALTER QLOCAL changes them). */
export interface InstanceAttributes {
  readonly cluster: string;
  readonly defbind: string;
  clwlprty: number;
  clwlrank: number;
  clwluseq: QueueUseLocal;
}

/**
 * One queue manager's part in the cluster: its transmission queue with the destination of
 * every message on it (DEFCLXQ(SCTQ): one queue, the channel per message), its
 * cluster-sender channels (created when first needed, as auto-defined CLUSSDRs are), how
 * often it chose each destination (for the workload algorithm), whether it is suspended,
 * and the cluster attributes of the queue instances it hosts.
 */
export class ClusterMember {
  suspended = false;
  readonly channels = new Map<string, ClusterSenderChannel>();
  readonly waiting = new Map<string, Set<RoutedMessage>>();
  readonly usage = new Map<string, { count: number; last: number }>();
  readonly instances = new Map<string, InstanceAttributes>();
  readonly transmitQueue: MessageQueue;

  constructor(
    readonly qm: string,
    readonly host: string,
    readonly store: QueueManagerStore,
  ) {
    this.transmitQueue = store.queues.get(TRANSMIT_QUEUE)!;
  }

  addInstance(cluster: string, queue: ClusterQueueConfig): void {
    this.instances.set(queue.name, { cluster, defbind: queue.defbind, clwlprty: queue.clwlprty, clwlrank: queue.clwlrank, clwluseq: queue.clwluseq });
  }

  /** Messages for the channel to `toQm` that are available to it (committed, not yet sent), oldest first. Drops ones that are gone. */
  availableFor(toQm: string, max = Number.POSITIVE_INFINITY): RoutedMessage[] {
    const set = this.waiting.get(toQm);
    const available: RoutedMessage[] = [];
    if (!set) return available;
    for (const routed of set) {
      if (routed.message.removed) {
        set.delete(routed);
        continue;
      }
      if (routed.message.state !== 'available') continue;
      available.push(routed);
      if (available.length >= max) break;
    }
    return available;
  }

  /** XQMSGSA: messages on the transmission queue available to the channel to `toQm`. */
  countAvailableFor(toQm: string): number {
    return this.availableFor(toQm).length;
  }

  hasAvailableFor(toQm: string): boolean {
    return this.availableFor(toQm, 1).length > 0;
  }

  enqueue(toQm: string, routed: RoutedMessage): void {
    let set = this.waiting.get(toQm);
    if (!set) this.waiting.set(toQm, (set = new Set()));
    set.add(routed);
  }

  dequeue(toQm: string, routed: RoutedMessage): void {
    this.waiting.get(toQm)?.delete(routed);
  }

  noteChosen(toQm: string, sequence: number): void {
    const usage = this.usage.get(toQm) ?? { count: 0, last: 0 };
    usage.count += 1;
    usage.last = sequence;
    this.usage.set(toQm, usage);
  }
}

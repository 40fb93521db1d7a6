import type { MessageQueue, QueueAttributes, StoredMessage } from './message-queue.ts';

/**
 * What a client session asks of the lab's cluster (lab/cluster/) when an MQOPEN or MQPUT1
 * names a queue that is not (only) local: a cluster queue, or a queue on another queue
 * manager (a fully qualified ObjectQMgrName). The session itself knows nothing of clusters.
 */
export interface ClusterRouter {
  /**
   * Resolves an MQOPEN for output. Undefined: not a cluster destination, the session
   * answers as for a local queue. A reason: MQOPEN fails with it.
   */
  resolveOpen(qm: string, queueName: string, objectQmgr: string, openOptions: number): { target: ClusterTarget } | { reason: number } | undefined;
  /** Where the next message put through `target` goes (runs the workload algorithm when the binding is not fixed). */
  route(qm: string, target: ClusterTarget): RouteChoice;
}

/** An open cluster destination: the workload algorithm's binding decided at MQOPEN. */
export interface ClusterTarget {
  readonly queueName: string;
  /** on-open: every message goes where MQOPEN chose; not-fixed: chosen per message; qualified: the named queue manager. */
  readonly bind: 'on-open' | 'not-fixed' | 'qualified';
  /** The destination queue manager when the binding is fixed. */
  readonly fixedQm?: string;
  /** Resolved queue-manager name MQOPEN reports. */
  readonly resolvedQmgr: string;
  /** The workload step that chose the destination at MQOPEN (bind-on-open). */
  readonly decidedBy?: string;
}

export type RouteChoice =
  | { kind: 'local'; queue: MessageQueue; enqueued(message: StoredMessage): void }
  | {
      kind: 'remote';
      /** SYSTEM.CLUSTER.TRANSMIT.QUEUE of the putting queue manager. */
      transmitQueue: MessageQueue;
      /** DEFPSIST / DEFPRTY of the destination instance's definition. */
      defaults: QueueAttributes;
      /** Called with the message once it is on the transmission queue (committed or not). */
      enqueued(message: StoredMessage): void;
    }
  | { kind: 'failed'; reason: number };

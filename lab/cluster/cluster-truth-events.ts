/**
 * Truth events of the lab's cluster: channel status changes and every movement of a
 * cluster message (routed at the put, moved by a channel, re-allocated, dead-lettered).
 * Per-message events follow the topology's messageTruth, like the other message events.
 */
export type ClusterBind = 'on-open' | 'not-fixed' | 'qualified';
export type ChannelStatusName = 'INACTIVE' | 'STARTING' | 'BINDING' | 'RUNNING' | 'STOPPING' | 'RETRYING' | 'STOPPED';

export type ClusterTruthEvent =
  /** A CLUSSDR's status on the sending queue manager `qm`; INACTIVE = no status. */
  | { t: number; event: 'channel-state'; qm: string; channel: string; toQm: string; from: ChannelStatusName; to: ChannelStatusName; cause: string }
  /**
   * Where a put to a cluster queue went: `to` the destination queue manager, `channel`
   * null when it was put to the local instance; `decidedBy` the workload step that chose.
   */
  | { t: number; event: 'cluster-routed'; qm: string; queue: string; msgId: string; to: string; channel: string | null; bind: ClusterBind; decidedBy: string }
  /** A batch moved by a channel from `qm`'s SYSTEM.CLUSTER.TRANSMIT.QUEUE to `queue` on `toQm` (the dead-letter queue when `deadLettered`). */
  | { t: number; event: 'cluster-transferred'; qm: string; toQm: string; channel: string; queue: string; msgIds: string[]; deadLettered: boolean }
  /** Messages that were waiting for `fromChannel`, given to `toChannel` (null: the local instance) by the workload algorithm again. */
  | { t: number; event: 'cluster-reallocated'; qm: string; queue: string; fromChannel: string; toChannel: string | null; msgIds: string[]; cause: string }
  | { t: number; event: 'cluster-suspended'; qm: string; cluster: string; suspended: boolean }
  /** ALTER QLOCAL of attributes the cluster reads (CLWLPRTY, CLWLRANK, CLWLUSEQ, PUT, GET). */
  | { t: number; event: 'queue-altered'; qm: string; queue: string; attributes: Record<string, string> };

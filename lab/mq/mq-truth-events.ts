/**
 * Truth events of the lab's MQ traffic: connections and the fate of each message.
 * MsgIds are 48 hex digits; `conn` is the lab's connection number (one per session,
 * a reconnection is a new session that names the one it replaces).
 */
export type ConnectionBreakCause = 'instance-ended' | 'endmqm' | 'client-gone';
export type BackoutCause = 'mqback' | 'instance-ended' | 'connection-lost';
export type LabFaultKind = 'drop-next-confirmed-persistent' | 'duplicate-next-delivery' | 'reorder-next-deliveries';

export type MqTruthEvent =
  | { t: number; event: 'mq-listener'; qm: string; host: string; port: number; listening: boolean }
  | { t: number; event: 'connection-opened'; qm: string; host: string; conn: number; channel: string; applName: string; pid: number }
  | { t: number; event: 'client-reconnected'; qm: string; host: string; conn: number; previousConn: number; channel: string; pid: number }
  | { t: number; event: 'connection-closed'; qm: string; host: string; conn: number }
  /** `reason`: what the client is told (2009 when the instance just died, 2161/2162 from endmqm). */
  | { t: number; event: 'connection-broken'; qm: string; host: string; conn: number; cause: ConnectionBreakCause; reason: number }
  | { t: number; event: 'message-put'; qm: string; host: string; queue: string; msgId: string; persistent: boolean; inUow: boolean; conn: number }
  /** A destructive get; `inUow` ones are final only with a later message-committed. */
  | { t: number; event: 'message-delivered'; qm: string; host: string; queue: string; msgId: string; persistent: boolean; inUow: boolean; conn: number }
  /** One unit of work's puts and gets on one queue, made final. */
  | { t: number; event: 'message-committed'; qm: string; host: string; queue: string; conn: number; puts: string[]; gets: string[] }
  /** One unit of work's puts (removed) and gets (back on the queue) on one queue. */
  | { t: number; event: 'message-backed-out'; qm: string; host: string; queue: string; conn: number; puts: string[]; gets: string[]; cause: BackoutCause }
  /** What an ending instance lost from a queue: its non-persistent messages and the puts of units of work it backed out. */
  | { t: number; event: 'messages-discarded'; qm: string; host: string; queue: string; count: number; nonPersistent: string[]; uncommittedPuts: string[] }
  /** runmqsc DEFINE QLOCAL on the active instance's host (the definition is on the shared storage). */
  | { t: number; event: 'queue-defined'; qm: string; host: string; queue: string; defaultPersistent: boolean; replaced: boolean }
  | { t: number; event: 'queue-deleted'; qm: string; host: string; queue: string; purged: number }
  | { t: number; event: 'lab-fault-armed'; qm: string; queue: string; fault: LabFaultKind }
  | { t: number; event: 'lab-fault-applied'; qm: string; host: string; queue: string; fault: LabFaultKind; msgIds: string[] };

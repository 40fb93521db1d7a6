/**
 * A scenario's application traffic, compiled (schema: suite.schema.json
 * `definitions.traffic`): sequence-numbered producers and consumers on one queue, kept
 * running from after the preflight through the fault and the observation, then drained and
 * accounted message by message (checkers/message-accounting.ts).
 */

export type ReconnectOption = 'disabled' | 'reconnect' | 'reconnect-q-mgr' | 'as-default';
export type BindOption = 'on-open' | 'not-fixed' | 'as-q-def';
export type TrafficPersistence = 'persistent' | 'non-persistent' | 'mixed';

export interface ProducerSpec {
  /** `p1`, `p2`, …: names its traffic log and goes into every message it puts. */
  id: string;
  persistence: TrafficPersistence;
  /** Messages per second; 0 as fast as the connection allows. */
  ratePerSecond: number;
  /** Messages to put; null: until the traffic is stopped. */
  count: number | null;
  messageBytes: number;
  /** Messages per unit of work; 0 puts outside syncpoint. */
  syncpoint: number;
  reconnect: ReconnectOption;
  /** The queue manager it connects to (a cluster's gateway); default the scenario's. */
  queueManager?: string;
  /** Its own MQOPEN bind option and fully qualified ObjectQMgrName, instead of the traffic's. */
  bind?: BindOption;
  objectQueueManager?: string;
}

export interface ConsumerSpec {
  /** `c1`, `c2`, … */
  id: string;
  /** Gets per second until the traffic stops (a slow consumer builds a backlog); 0 as fast as it can. */
  ratePerSecond: number;
  /** Messages per unit of work (persistent messages are got under syncpoint); 0 gets outside syncpoint. */
  syncpoint: number;
  reconnect: ReconnectOption;
  /** The queue manager it connects to and gets from (an instance of a cluster queue); default the scenario's. */
  queueManager?: string;
}

export interface TrafficSpec {
  queue: string;
  /** A fully qualified ObjectQMgrName for the producers (a cluster affinity). */
  objectQueueManager?: string;
  /** Server-connection channel; default: the queue manager's channel in the estate. */
  channel?: string;
  bind: BindOption;
  producers: ProducerSpec[];
  consumers: ConsumerSpec[];
  /** Once the producers stop, the consumers get until the queue is empty or this long has passed. */
  drainSeconds: number;
}

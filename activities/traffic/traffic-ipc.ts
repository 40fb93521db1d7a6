import type { PersistenceMode } from '../../checkers/traffic-log.ts';
import type { BindOption, ConnectOptions } from '../mq/mqi-session.ts';

/**
 * What a traffic client process is told and tells back over its IPC channel
 * (child_process.fork). The activity sends `start` once, then `stop` (producers stop
 * putting, consumers drain) or `abort` (end now, records flushed); the client answers
 * `ready` once connected, `status` when asked, and `finished` as its last word before exit.
 */

interface ClientPlanBase {
  id: string;
  runId: string;
  /** The client's traffic log (`<scenario-dir>/traffic/<id>.jsonl`). */
  logFile: string;
  connect: ConnectOptions;
  queue: string;
  objectQueueManager?: string;
  bind: BindOption;
  /** The client ends by itself at this epoch ms, whatever it is told. */
  hardDeadlineMs: number;
  /** Consecutive messages share a log line for at most this long. */
  sliceMs: number;
  /** A call that takes longer is written as an exception (it blocked, e.g. during a reconnection). */
  blockedCallMs: number;
}

export interface ProducerPlan extends ClientPlanBase {
  role: 'producer';
  persistence: PersistenceMode;
  /** Messages per second; 0 puts as fast as the connection allows. */
  ratePerSecond: number;
  /** Sequence numbers to put; null until stopped or the deadline. */
  count: number | null;
  messageBytes: number;
  /** Messages per unit of work; 0 puts outside syncpoint. */
  syncpoint: number;
}

export interface ConsumerPlan extends ClientPlanBase {
  role: 'consumer';
  /** Gets per second until told to stop (a slow consumer); 0 gets as fast as it can. */
  ratePerSecond: number;
  /** Messages per unit of work (gets of persistent messages under syncpoint); 0 gets outside syncpoint. */
  syncpoint: number;
  /** Largest message expected; a longer one is taken truncated and recorded as corrupt. */
  maxMessageBytes: number;
  /** MQGET wait: how long a get blocks the client before it looks at its IPC channel again. */
  waitMs: number;
  /** Once told to stop: give up draining at this many ms after the stop. */
  drainMs: number;
}

export type ClientPlan = ProducerPlan | ConsumerPlan;

export type ToClient = { type: 'start'; plan: ClientPlan; libraryDir: string | null } | { type: 'stop' } | { type: 'abort' } | { type: 'status' };

export interface ClientStatus {
  id: string;
  /** Put attempts (producer) or messages got (consumer) so far. */
  count: number;
  connected: boolean;
}

export interface ClientSummary extends ClientStatus {
  reason: 'stopped' | 'count' | 'duration' | 'aborted' | 'error';
  error?: string;
}

export type FromClient =
  | { type: 'ready'; status: ClientStatus }
  | { type: 'status'; status: ClientStatus }
  | { type: 'finished'; summary: ClientSummary }
  | { type: 'failed'; error: string };

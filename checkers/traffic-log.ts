/**
 * What the traffic clients record: one JSON Lines file per client in
 * `<scenario-dir>/traffic/<client>.jsonl`, written by the client's own process. Times are
 * epoch milliseconds on the harness's clock.
 *
 * The format is compact: consecutive sequence numbers with the same outcome are one line
 * (a run); a line of its own is written only for an exception (a failed or in-doubt put, a
 * re-sent attempt, a call that blocked, a corrupt message). A run never spans more than the
 * producer's `sliceMs`, which is the resolution of the before/during/after phases.
 *
 * Every put attempt is a distinct message: `(producer, seq, attempt)`. A producer re-sends
 * a message whose put was not confirmed (amqsphac after 2549, amqsfhac after a backed-out
 * batch) as the next attempt of the same sequence number, so the checker can tell a
 * recovered in-doubt copy from a duplicate.
 */

export type PersistenceMode = 'persistent' | 'non-persistent' | 'mixed';
export type PersistenceClass = 'persistent' | 'nonPersistent';

/** c: confirmed (MQPUT or the batch's MQCMIT completed); f: failed, certainly not delivered; d: in doubt. */
export type PutOutcome = 'c' | 'f' | 'd';

export interface ProducerHeader {
  k: 'producer';
  id: string;
  queue: string;
  persistence: PersistenceMode;
  /** Messages per unit of work; 0 puts outside syncpoint. */
  syncpoint: number;
  sliceMs: number;
  t: number;
}

export interface ConsumerHeader {
  k: 'consumer';
  id: string;
  queue: string;
  /** The queue manager it got from (where the messages it got were delivered); absent in older logs. */
  qm?: string;
  syncpoint: number;
  t: number;
}

/** `n` consecutive sequence numbers from `s`, attempt `a`, all with outcome `o`. */
export interface PutRun {
  k: 'p';
  s: number;
  n: number;
  a: number;
  o: PutOutcome;
  /** Reason code of a failed or in-doubt outcome. */
  rc?: number;
  /** When the first put of the run began. */
  t: number;
  /** When the first message of the run reached its outcome (its MQPUT, or the batch's MQCMIT, returned). */
  e: number;
  /** When the last message of the run reached its outcome. */
  u: number;
}

/**
 * `n` intact messages (attempt `a`) a consumer got from `t` to `u`. Per producer id, the
 * sequence numbers in the order they arrived: comma-separated ranges `first-last` of
 * consecutive numbers, or single numbers ("1-400,402,401,403-900"). Arrival order between
 * producers is not kept: order is only judged within a producer's stream.
 */
export interface GetRun {
  k: 'g';
  r: Record<string, string>;
  n: number;
  a: number;
  t: number;
  u: number;
  /** Got in a unit of work whose MQCMIT outcome is unknown: the queue manager may deliver them again. */
  x?: 1;
}

/** A message whose body or CorrelId did not verify; `p`/`s` when its header could still be read. */
export interface CorruptGet {
  k: 'bad';
  t: number;
  why: string;
  p?: string;
  s?: number;
  a?: number;
}

/** Something the application saw on its connection: an MQI call failing, a reconnect status change. */
export interface ClientEvent {
  k: 'ev';
  t: number;
  what: 'call-failed' | 'reconnect-status' | 'connected' | 'reconnected-by-application' | 'call-blocked';
  verb?: string;
  rc?: number;
  cc?: number;
  /** How long the call took, for a call that blocked. */
  ms?: number;
  /** For a reconnect status: the reason that made the connection reconnect (MQSTAT_TYPE_RECONNECTION_ERROR). */
  cause?: number;
}

/** The consumers' drain at the end: the queue depth they saw when they stopped. */
export interface DrainRecord {
  k: 'drain';
  t: number;
  depth: number | null;
  complete: boolean;
}

export interface EndRecord {
  k: 'end';
  t: number;
  /** Put attempts (producer) or messages got (consumer) the client counted itself. */
  count: number;
  reason: 'stopped' | 'count' | 'duration' | 'aborted' | 'error';
  error?: string;
}

export type TrafficLine = ProducerHeader | ConsumerHeader | PutRun | GetRun | CorruptGet | ClientEvent | DrainRecord | EndRecord;

/** One client's file, parsed: its header and every later line in order. */
export interface ClientLog {
  header: ProducerHeader | ConsumerHeader;
  lines: TrafficLine[];
}

export interface TrafficRecording {
  clients: ClientLog[];
}

/** The sequence numbers of a GetRun range list, in arrival order. */
export function forEachSeq(ranges: string, visit: (seq: number) => void): void {
  for (const range of ranges.split(',')) {
    const dash = range.indexOf('-');
    const first = Number(dash < 0 ? range : range.slice(0, dash));
    const last = dash < 0 ? first : Number(range.slice(dash + 1));
    for (let seq = first; seq <= last; seq++) visit(seq);
  }
}

/** The persistence class of a producer's message: mixed producers alternate, even sequence numbers persistent. */
export function persistenceClassOf(mode: PersistenceMode, seq: number): PersistenceClass {
  if (mode === 'persistent') return 'persistent';
  if (mode === 'non-persistent') return 'nonPersistent';
  return seq % 2 === 0 ? 'persistent' : 'nonPersistent';
}

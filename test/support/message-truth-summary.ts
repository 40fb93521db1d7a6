import type { TruthEvent } from '../../lab/truth-log.ts';

/** What the lab's truth log says happened to the messages of one queue, per persistence class. */
export interface ClassTruth {
  /** Puts that became final: outside syncpoint, or committed. */
  finalPuts: number;
  /** Puts of units of work that were backed out (MQBACK, a broken connection, the instance ending). */
  backedOutPuts: number;
  /** Destructive gets that became final (copies). */
  finalDeliveries: number;
  /** Messages on the queue when its instance ended, discarded with it (non-persistent). */
  discarded: number;
  /** Messages the test-only fault switch dropped after confirming them. */
  dropped: number;
}

export interface QueueTruth {
  persistent: ClassTruth;
  nonPersistent: ClassTruth;
  /** Client connections that reconnected to the new instance (a new session naming the one it replaces). */
  reconnections: number;
  /** Connections opened afresh (not counting reconnections). */
  opened: number;
}

/** Summarizes the truth events of `queue` on `qm` at or after `fromMs`. */
export function summarizeQueueTruth(events: readonly TruthEvent[], qm: string, queue: string, fromMs: number): QueueTruth {
  const persistentById = new Map<string, boolean>();
  const blank = (): ClassTruth => ({ finalPuts: 0, backedOutPuts: 0, finalDeliveries: 0, discarded: 0, dropped: 0 });
  const truth: QueueTruth = { persistent: blank(), nonPersistent: blank(), reconnections: 0, opened: 0 };
  const classOf = (msgId: string) => (persistentById.get(msgId) ? truth.persistent : truth.nonPersistent);
  for (const event of events) {
    if (event.t < fromMs) continue;
    if (event.event === 'client-reconnected' && event.qm === qm) truth.reconnections += 1;
    if (event.event === 'connection-opened' && event.qm === qm) truth.opened += 1;
    if (!('queue' in event) || event.qm !== qm || event.queue !== queue) continue;
    switch (event.event) {
      case 'message-put':
        persistentById.set(event.msgId, event.persistent);
        if (!event.inUow) classOf(event.msgId).finalPuts += 1;
        break;
      case 'message-delivered':
        if (!event.inUow) classOf(event.msgId).finalDeliveries += 1;
        break;
      case 'message-committed':
        for (const msgId of event.puts) classOf(msgId).finalPuts += 1;
        for (const msgId of event.gets) classOf(msgId).finalDeliveries += 1;
        break;
      case 'message-backed-out':
        for (const msgId of event.puts) classOf(msgId).backedOutPuts += 1;
        break;
      case 'messages-discarded':
        // Its uncommittedPuts are also in the sessions' message-backed-out events.
        for (const msgId of event.nonPersistent) classOf(msgId).discarded += 1;
        break;
      case 'lab-fault-applied':
        if (event.fault === 'drop-next-confirmed-persistent') for (const msgId of event.msgIds) classOf(msgId).dropped += 1;
        break;
    }
  }
  return truth;
}

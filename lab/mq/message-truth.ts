import type { TruthEventInput } from '../truth-log.ts';
import type { StoredMessage } from './message-queue.ts';
import type { BackoutCause } from './mq-truth-events.ts';

/**
 * The truth log's view of MQ traffic. Connection events are always written; per-message
 * events only when `perMessage` (the topology's messageTruth), so a benchmark can run
 * without them.
 */
export class MessageTruth {
  constructor(
    readonly emit: (event: TruthEventInput) => void,
    readonly perMessage: boolean,
  ) {}

  put(host: string, message: StoredMessage, inUow: boolean, conn: number): void {
    if (!this.perMessage) return;
    const { queue } = message;
    this.emit({ event: 'message-put', qm: queue.qmName, host, queue: queue.name, msgId: hexMsgId(message), persistent: message.persistent, inUow, conn });
  }

  delivered(host: string, message: StoredMessage, inUow: boolean, conn: number): void {
    if (!this.perMessage) return;
    const { queue } = message;
    this.emit({ event: 'message-delivered', qm: queue.qmName, host, queue: queue.name, msgId: hexMsgId(message), persistent: message.persistent, inUow, conn });
  }

  /** One event per queue the unit of work touched. */
  committed(host: string, conn: number, puts: StoredMessage[], gets: StoredMessage[]): void {
    if (!this.perMessage) return;
    for (const [queue, part] of groupByQueue(puts, gets)) {
      this.emit({ event: 'message-committed', qm: queue.qmName, host, queue: queue.name, conn, puts: part.puts, gets: part.gets });
    }
  }

  backedOut(host: string, conn: number, puts: StoredMessage[], gets: StoredMessage[], cause: BackoutCause): void {
    if (!this.perMessage) return;
    for (const [queue, part] of groupByQueue(puts, gets)) {
      this.emit({ event: 'message-backed-out', qm: queue.qmName, host, queue: queue.name, conn, puts: part.puts, gets: part.gets, cause });
    }
  }
}

export function hexMsgId(message: StoredMessage): string {
  return message.md.toString('hex', 0, 24);
}

function groupByQueue(puts: StoredMessage[], gets: StoredMessage[]): Map<StoredMessage['queue'], { puts: string[]; gets: string[] }> {
  const parts = new Map<StoredMessage['queue'], { puts: string[]; gets: string[] }>();
  const partOf = (message: StoredMessage): { puts: string[]; gets: string[] } => {
    let part = parts.get(message.queue);
    if (!part) parts.set(message.queue, (part = { puts: [], gets: [] }));
    return part;
  };
  for (const message of puts) partOf(message).puts.push(hexMsgId(message));
  for (const message of gets) partOf(message).gets.push(hexMsgId(message));
  return parts;
}

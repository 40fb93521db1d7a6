import type { MessageQueue, StoredMessage } from './message-queue.ts';
import { WIRE } from './wire-protocol.ts';

export interface UnitOfWorkOutcome {
  puts: StoredMessage[];
  gets: StoredMessage[];
  /** Queues where messages became available (to wake waiting gets). */
  queues: Set<MessageQueue>;
}

/**
 * A connection's local unit of work: puts hidden until commit, gets holding their
 * message until commit. A client's unit of work starts with its first syncpoint put or
 * get (or MQBEGIN) and ends with MQCMIT, MQBACK, MQDISC (commit) or the loss of the
 * connection or instance (backout).
 */
export class UnitOfWork {
  private puts: StoredMessage[] = [];
  private gets: StoredMessage[] = [];
  private begun = false;

  get inProgress(): boolean {
    return this.begun || this.puts.length > 0 || this.gets.length > 0;
  }

  /** Whether committing writes persistent state (a persistent put or get). */
  touchesPersistent(): boolean {
    return this.puts.some((m) => m.persistent) || this.gets.some((m) => m.persistent);
  }

  pendingPuts(): readonly StoredMessage[] {
    return this.puts;
  }

  begin(): void {
    this.begun = true;
  }

  addPut(message: StoredMessage): void {
    this.puts.push(message);
  }

  addGet(message: StoredMessage): void {
    this.gets.push(message);
  }

  commit(): UnitOfWorkOutcome {
    const { puts, gets } = this.take();
    const queues = new Set<MessageQueue>();
    for (const message of puts) {
      if (message.removed) continue;
      message.queue.setState(message, 'available');
      queues.add(message.queue);
    }
    for (const message of gets) message.queue.remove(message);
    return { puts, gets, queues };
  }

  /** Puts are removed; gotten messages go back where they were, their BackoutCount one higher. */
  backout(): UnitOfWorkOutcome {
    const { puts, gets } = this.take();
    const queues = new Set<MessageQueue>();
    for (const message of puts) message.queue.remove(message);
    for (const message of gets) {
      if (message.removed) continue;
      message.md.writeInt32LE(message.md.readInt32LE(WIRE.MD_BACKOUT_COUNT) + 1, WIRE.MD_BACKOUT_COUNT);
      message.queue.setState(message, 'available');
      queues.add(message.queue);
    }
    return { puts, gets, queues };
  }

  private take(): { puts: StoredMessage[]; gets: StoredMessage[] } {
    const taken = { puts: this.puts, gets: this.gets };
    this.puts = [];
    this.gets = [];
    this.begun = false;
    return taken;
  }
}

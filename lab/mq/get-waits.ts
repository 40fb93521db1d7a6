import type { Clock, TimerHandle } from '../clock.ts';
import type { MessageQueue } from './message-queue.ts';

/** An MQGET with MQGMO_WAIT that found nothing yet; the server holds its reply. */
export interface WaitingGet {
  readonly owner: object;
  readonly queue: MessageQueue;
  readonly failIfQuiescing: boolean;
  /** Delivers a matching message if there is one; whether it did. */
  retry(): boolean;
  /** The wait ran out: MQRC_NO_MSG_AVAILABLE. */
  expire(): void;
  /** The queue manager is quiescing and the get said MQGMO_FAIL_IF_QUIESCING. */
  quiesce(): void;
  timer?: TimerHandle;
}

/**
 * Gets waiting on a queue manager's queues, served in the order they started waiting
 * when a message becomes available (put, commit, backout).
 */
export class GetWaits {
  private readonly byQueue = new Map<MessageQueue, WaitingGet[]>();

  constructor(private readonly clock: Clock) {}

  /** `waitMs` -1 (MQWI_UNLIMITED) waits until a message comes or the connection ends. */
  park(waiting: WaitingGet, waitMs: number): void {
    let list = this.byQueue.get(waiting.queue);
    if (!list) this.byQueue.set(waiting.queue, (list = []));
    list.push(waiting);
    if (waitMs >= 0) {
      waiting.timer = this.clock.setTimeout(() => {
        if (this.removeWaiting(waiting)) waiting.expire();
      }, waitMs);
    }
  }

  wake(queue: MessageQueue): void {
    const list = this.byQueue.get(queue);
    if (!list) return;
    // Bounded by the number of waiters: each pass either serves one or stops.
    for (let served = true; served && list.length > 0 && queue.available > 0; ) {
      served = false;
      for (const waiting of list) {
        if (!waiting.retry()) continue;
        this.removeWaiting(waiting);
        served = true;
        break;
      }
    }
  }

  cancel(owner: object): void {
    for (const list of this.byQueue.values()) {
      for (const waiting of list.filter((w) => w.owner === owner)) this.removeWaiting(waiting);
    }
  }

  quiesce(): void {
    for (const list of this.byQueue.values()) {
      for (const waiting of list.filter((w) => w.failIfQuiescing)) {
        this.removeWaiting(waiting);
        waiting.quiesce();
      }
    }
  }

  private removeWaiting(waiting: WaitingGet): boolean {
    const list = this.byQueue.get(waiting.queue);
    const index = list ? list.indexOf(waiting) : -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    if (waiting.timer) this.clock.clearTimeout(waiting.timer);
    return true;
  }
}

/**
 * Paces a client's calls to a rate. No credit is banked: after a stall (a call blocked by a
 * reconnection, an empty queue) the client goes on at its rate instead of bursting to catch
 * up, as an application on a timer does.
 */
export class Pacer {
  private nextAtMs = 0;
  private readonly intervalMs: number;

  /** `ratePerSecond` 0: no pacing. */
  constructor(ratePerSecond: number) {
    this.intervalMs = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  }

  /** Milliseconds to wait before the next call; 0 when it is due. */
  waitMs(nowMs = Date.now()): number {
    return Math.max(0, this.nextAtMs - nowMs);
  }

  /** `count` calls were made at `nowMs`. */
  took(count: number, nowMs = Date.now()): void {
    if (this.intervalMs === 0) return;
    this.nextAtMs = Math.max(this.nextAtMs, nowMs) + count * this.intervalMs;
  }
}

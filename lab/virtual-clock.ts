import type { Clock, TimerHandle } from './clock.ts';

interface PendingTimer {
  dueMs: number;
  sequence: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to. Timers run in due order (ties in the order they
 * were set), each with now() equal to its due time, so tests can assert exact instants.
 */
export class VirtualClock implements Clock {
  private nowMs: number;
  private sequence = 0;
  private readonly timers = new Map<number, PendingTimer>();

  constructor(startMs: number = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, delayMs: number): TimerHandle {
    const sequence = this.sequence++;
    this.timers.set(sequence, { dueMs: this.nowMs + Math.max(0, delayMs), sequence, fn });
    return { timerId: sequence };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.timerId as number);
  }

  /** Runs every timer due up to and including `targetMs`, then sets the time to it. */
  advanceTo(targetMs: number): void {
    if (targetMs < this.nowMs) throw new RangeError(`cannot go back from ${this.nowMs} to ${targetMs}`);
    for (;;) {
      const next = this.nextDue();
      if (!next || next.dueMs > targetMs) break;
      this.timers.delete(next.sequence);
      this.nowMs = next.dueMs;
      next.fn();
    }
    this.nowMs = targetMs;
  }

  advanceBy(deltaMs: number): void {
    this.advanceTo(this.nowMs + deltaMs);
  }

  pendingTimerCount(): number {
    return this.timers.size;
  }

  private nextDue(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers.values()) {
      if (!best || timer.dueMs < best.dueMs || (timer.dueMs === best.dueMs && timer.sequence < best.sequence)) {
        best = timer;
      }
    }
    return best;
  }
}

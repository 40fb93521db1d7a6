import { describe, expect, it } from 'vitest';
import { startPeriodicTimer } from './clock.ts';
import { VirtualClock } from './virtual-clock.ts';

describe('clock - periodic timer and virtual clock', () => {
  it('clock - ticks keep the phase of their anchor and stop when told', () => {
    const clock = new VirtualClock(1000);
    const ticks: number[] = [];
    const timer = startPeriodicTimer(clock, 500, (tickMs) => ticks.push(tickMs - 1000));
    clock.advanceBy(1700);
    timer.stop();
    clock.advanceBy(5000);
    expect(ticks).toEqual([500, 1000, 1500]);
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('clock - timers due at the same time run in the order they were set, each at its due time', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 20);
    const cancelled = clock.setTimeout(() => seen.push('never'), 15);
    clock.clearTimeout(cancelled);
    clock.advanceTo(20);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(() => clock.advanceTo(19)).toThrow(RangeError);
  });
});

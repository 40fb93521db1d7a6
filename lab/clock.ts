/**
 * Time as the lab model sees it. The daemon uses the system clock; unit tests use a
 * VirtualClock so that every timing (poll ticks, replay, lease expiry) is exact.
 */
export type TimerHandle = { readonly timerId: unknown };

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, delayMs) => ({ timerId: setTimeout(fn, Math.max(0, delayMs)) }),
  clearTimeout: (handle) => clearTimeout(handle.timerId as NodeJS.Timeout),
};

export interface PeriodicTimer {
  stop(): void;
}

/**
 * Calls `tick` at anchorMs + periodMs, anchorMs + 2·periodMs, ... The phase is fixed by the
 * anchor, so a late timer (real clock under load) never shifts later ticks.
 */
export function startPeriodicTimer(
  clock: Clock,
  periodMs: number,
  tick: (tickMs: number) => void,
  anchorMs: number = clock.now(),
): PeriodicTimer {
  if (!(periodMs > 0)) throw new RangeError(`periodMs must be positive, got ${periodMs}`);
  let tickIndex = 1;
  let handle: TimerHandle | undefined;
  let stopped = false;
  const scheduleNext = (): void => {
    const dueMs = anchorMs + tickIndex * periodMs;
    handle = clock.setTimeout(() => {
      if (stopped) return;
      tickIndex += 1;
      scheduleNext();
      tick(dueMs);
    }, dueMs - clock.now());
  };
  scheduleNext();
  return {
    stop() {
      stopped = true;
      if (handle) clock.clearTimeout(handle);
    },
  };
}

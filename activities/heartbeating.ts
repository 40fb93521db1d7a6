import { cancellationSignal, heartbeat } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';

const HEARTBEAT_EVERY_MS = 1_000;

/**
 * Runs a fault step while heartbeating, so that the workflow learns of a cancellation and,
 * with WAIT_CANCELLATION_COMPLETED, waits until the step has really ended before it runs the
 * restore stack and the sweep: an injection can then never land after the sweep. The step
 * itself runs to its end (a half-done injection is worse than a whole one the sweep undoes);
 * `startsNothingOnceCancelled` refuses to begin when the cancellation came first.
 */
export function heartbeating<A extends unknown[], R>(
  step: (...args: A) => Promise<R>,
  options: { startsNothingOnceCancelled?: boolean } = {},
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const cancelled = cancellationSignal();
    if (options.startsNothingOnceCancelled && cancelled.aborted) throw new CancelledFailure('cancelled before the step began: nothing was done');
    heartbeat();
    const beat = setInterval(() => heartbeat(), HEARTBEAT_EVERY_MS);
    try {
      return await step(...args);
    } finally {
      clearInterval(beat);
    }
  };
}

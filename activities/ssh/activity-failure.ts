import { ApplicationFailure } from '@temporalio/common';
import { InvalidNameError } from '../../suites/mq-names.ts';
import { OperationalError } from './operational-error.ts';

/**
 * The activity boundary: an operational error becomes an ApplicationFailure whose type is
 * the error's stable code, with its structured fields as details, non-retryable when the
 * cause is permanent. A name that breaks the naming rules can never succeed either. Anything else (cancellation, Temporal failures, bugs) passes through
 * unchanged so the SDK treats it as usual.
 */
export function toActivityFailure(err: unknown): unknown {
  if (err instanceof InvalidNameError) {
    return ApplicationFailure.create({
      message: err.message,
      type: err.code,
      nonRetryable: true,
      details: [{ code: err.code, kind: err.kind }],
    });
  }
  if (!(err instanceof OperationalError)) return err;
  return ApplicationFailure.create({
    message: err.message,
    type: err.code,
    nonRetryable: err.permanent,
    details: [err.details()],
    ...(err.cause instanceof Error ? { cause: err.cause } : {}),
  });
}

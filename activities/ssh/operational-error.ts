/**
 * Base of the operational error family (a command or a connection failed, or a host
 * answered with something we cannot read). Definition errors and findings are separate
 * families and never extend this class.
 *
 * `code` is stable and becomes the ApplicationFailure type at the activity boundary;
 * `permanent` says retrying cannot help (bad credentials, a changed host key), so the
 * failure is made non-retryable.
 */
export type ErrorDetail = string | number | boolean | null | undefined | readonly string[] | readonly number[];

export abstract class OperationalError extends Error {
  abstract readonly code: string;
  abstract readonly permanent: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** The structured fields of the error, JSON-serialisable, for ApplicationFailure details and run records. */
  details(): Record<string, ErrorDetail> {
    const fields: Record<string, ErrorDetail> = {};
    for (const [key, value] of Object.entries(this)) {
      if (key === 'name' || key === 'message' || key === 'stack' || key === 'cause') continue;
      fields[key] = value as ErrorDetail;
    }
    return fields;
  }
}

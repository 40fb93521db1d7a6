import { formatErrorLogEntry, type ErrorLogEntry } from './error-log-entry.ts';

/**
 * A queue manager's AMQERR01.LOG. It lives with the queue-manager data on the share, so
 * every instance host reads the same file; an entry written by a host that cannot reach
 * the share arrives when its page cache is flushed, with the time it was written.
 */
export class QmErrorLog {
  private readonly entries: ErrorLogEntry[] = [];

  append(entry: ErrorLogEntry): void {
    this.entries.push(entry);
  }

  /** The file's text, entries in the order they reached the share. */
  render(): string {
    return this.entries.map(formatErrorLogEntry).join('');
  }
}

/**
 * What a health probe records: one line per attempt in `<scenario-dir>/health.jsonl`.
 * Times are epoch milliseconds on the harness's clock.
 */
export interface HealthAttempt {
  /** The check's name (the key of its result under `health`). */
  probe: string;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** Why the attempt failed, in words (exit code and last output line, or the error). */
  error?: string;
  /** The MQ reason code of a failed MQI attempt (2538, 2059, 2543, 2009, ...). */
  reasonCode?: number;
}

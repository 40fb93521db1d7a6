/**
 * What the instance probe records: one line per host per poll in `<scenario-dir>/samples.jsonl`.
 * Times are epoch milliseconds on the harness's clock; `t` is when the probe sent its command.
 * The state it reports held at some instant after `t`, so a change is never dated later than
 * one probe interval after it happened. Fault times are taken when the fault command has
 * answered, so a measured duration lies within (-2 round trips, +1 probe interval) of the truth.
 */
export type InstanceMode = 'Active' | 'Standby' | 'Unknown';

export interface InstanceLine {
  host: string;
  mode: InstanceMode;
}

export interface InstanceSample {
  t: number;
  /** Host the probe asked (its SSH endpoint). */
  host: string;
  queueManager: string;
  /** `dspmq -x` answered; false means the host or command could not be reached. */
  ok: boolean;
  /** Status as `dspmq` printed it (mixed case), e.g. `Running`, `Running as standby`. */
  status?: string;
  instances?: InstanceLine[];
  error?: string;
}

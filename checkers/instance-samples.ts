/**
 * What the instance probe records: one line per host per poll in `<scenario-dir>/samples.jsonl`.
 * Times are epoch milliseconds on the harness's clock; `t` is the midpoint of the command's
 * round trip, the best estimate of when the state was observed.
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

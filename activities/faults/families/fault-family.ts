import type { FaultContext } from '../fault-module.ts';

/**
 * A fault family: what the faults of one kind of estate have in common (multi-instance
 * today; cluster and host next). A fault kind names its family; the scenario workflow
 * asks the family, through the generic fault activities, for the three things that differ
 * between families:
 *
 * - the steady-state gate before anything is done (multi-instance: one active, one standby),
 * - what is watched during the window, ending early once the change the fault provokes
 *   is seen (multi-instance: a new active instance),
 * - what "recovered" means after a restore (multi-instance: one active, one standby again).
 *
 * Adding a family is a file here that its fault kinds name as their `family`; the workflow
 * does not change.
 */
export interface FaultFamily {
  name: string;
  /** Throws SteadyStateNotMetError (nothing retries it) with what was seen when the gate does not hold. */
  checkSteadyState(ctx: FaultContext): Promise<SteadyState>;
  /** Runs in a heartbeating activity; resumes from its heartbeat details on a retry. */
  watch(ctx: FaultContext, request: FamilyWatchRequest): Promise<string>;
  /** After a restore: waits until the steady state holds again; says what it verified. */
  awaitRecovered(ctx: FaultContext): Promise<string>;
}

/** What the steady-state gate found. Plain JSON (it travels through workflow history). */
export interface SteadyState {
  /** The host serving the queue manager before the fault: where the fault is aimed and the health queue is prepared. */
  servingHost: string;
  summary: string;
}

export interface FamilyWatchRequest {
  steady: SteadyState;
  /** Whether the watch ends (after settleMs) once the change the fault provokes is seen. */
  expectsChange: boolean;
  probeIntervalMs: number;
  /** Longest the watch runs, from its first start. */
  windowMs: number;
  settleMs: number;
}

import type { FaultSpec } from '../../suites/suite-model.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

/** What every fault step gets: the SSH pool, the queue manager's instance hosts, where to record. */
export interface FaultContext {
  ssh: SshPool;
  queueManager: string;
  hosts: HostSpec[];
  scenarioDir: string;
  /** The run's id; faults tag what they leave on hosts with it (`mqchaos:<runId>`). */
  runId: string;
}

/**
 * What the workflow must know about a fault before injecting it (decided by the module,
 * carried as plain JSON): whether the observation waits for a new active instance, and
 * whether the fault heals itself after a while rather than when the observation ends.
 */
export interface FaultPlan {
  expectsFailover: boolean;
  /** Run the paired restore this long after the injection; null: when the observation ends. */
  restoreAfterMs: number | null;
}

/** What a fault remembers about what it did, so its restore undoes exactly that. Plain JSON. */
export type FaultTarget = Record<string, unknown>;

export interface Injected<T extends FaultTarget> {
  /** Epoch ms when the fault command was sent. */
  injectedAt: number;
  target: T;
}

/**
 * A fault kind (file name = the `fault.kind` value of a suite): `inject` remembers its
 * targets, `verify` returns evidence that it took effect, and `restore` is idempotent —
 * with a target it undoes exactly that injection, with none it heals everything this
 * kind could have done (the restore-all sweep).
 */
export interface FaultModule<S extends FaultSpec, T extends FaultTarget> {
  kind: S['kind'];
  plan(spec: S): FaultPlan;
  inject(ctx: FaultContext, spec: S, activeHost: HostSpec): Promise<Injected<T>>;
  verify(ctx: FaultContext, target: T): Promise<string>;
  restore(ctx: FaultContext, target: T | null, spec: S): Promise<string[]>;
  /** Short label for the fault marker in reports, e.g. `kill -9 4711 on mq1`. */
  describe(target: T): string;
}

import type { TimelineEvent } from '../../checkers/result-document.ts';
import type { EstateSpec, HostSpec } from '../../suites/suite-model.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

/** A timeline event as a fault step records it; `at` defaults to when it is recorded. */
export type FaultEvent = Omit<TimelineEvent, 'at'> & { at?: string };

/** What every fault step gets: the SSH pool, the queue manager's instance hosts, where to record. */
export interface FaultContext {
  ssh: SshPool;
  queueManager: string;
  hosts: HostSpec[];
  scenarioDir: string;
  /** The run's id; faults tag what they leave on hosts with it (`mqchaos:<runId>`). */
  runId: string;
  /**
   * The suite's deadline for heals a host runs by itself should the harness be lost (the
   * dead-man restore), counted from the injection: window + settle + margin.
   */
  hostHealAfterMs: number;
  /** The whole estate (a cluster fault watches the queue managers that send to its member). */
  estate: EstateSpec;
  /** The fault as the suite states it (a family may read its own fields, e.g. a cluster fault's senders). */
  fault: AnyFaultSpec;
  /** Adds an event to the scenario's timeline. */
  record(event: FaultEvent): Promise<void>;
}

/**
 * What the workflow must know about a fault before injecting it (decided by the module,
 * carried as plain JSON): whether the observation waits for the change the family watches
 * for (multi-instance: a new active instance), and whether the fault heals itself after a
 * while rather than when the observation ends.
 */
export interface FaultPlan {
  expectsFailover: boolean;
  /** Run the paired restore this long after the injection; null: when the observation ends. */
  restoreAfterMs: number | null;
}

/** What a fault remembers about what it did, so its restore undoes exactly that. Plain JSON; `host` is where it was done. */
export type FaultTarget = { host: string } & Record<string, unknown>;

export interface Injected<T extends FaultTarget> {
  /** Epoch ms when the fault took effect (or its command was sent, for commands that return late). */
  injectedAt: number;
  target: T;
  /** What the estate answered, added to the fault-injected event (e.g. endmqm's last line). */
  reply?: string;
}

/** A fault suite spec as the runtime sees it before its kind's schema has checked it. */
export interface AnyFaultSpec {
  kind: string;
}

import type { ConformanceReport } from './conformance-facts.ts';

/**
 * The result document of one scenario: what expectations are judged against, what reports
 * render. Schema: suites/schemas/result.schema.json. Instants are ISO-8601 strings,
 * durations are seconds (3 decimals). A measurement that could not be taken is null.
 */

import type { ChannelTimeline } from './channel-timelines.ts';
import type { MessageAccounting } from './message-accounting.ts';
import type { ProducerRouting } from './message-routing.ts';
import type { SenderBuildup } from './transmit-buildup.ts';

export type Verdict = 'pass' | 'fail' | 'unknown';
/** How the harness ran, kept apart from what it found about the estate (Chaos Toolkit). */
export type HarnessStatus = 'completed' | 'aborted' | 'failed' | 'not-run';

export interface TimelineEvent {
  at: string;
  kind:
    | 'step-started'
    | 'step-ended'
    | 'fault-injected'
    | 'fault-verified'
    | 'fault-restored'
    | 'observation'
    | 'recovery'
    | 'application'
    | 'error';
  summary: string;
  host?: string;
  detail?: Record<string, unknown>;
}

export interface FailoverMeasurement {
  faultAt: string | null;
  /** Host whose instance was active before the fault. */
  oldActiveHost: string | null;
  oldInstanceEndedAt: string | null;
  newActiveHost: string | null;
  newInstanceActiveAt: string | null;
  instanceFailoverSeconds: number | null;
  probeIntervalMs: number;
  /**
   * Whether a new active instance was seen: true; false when every instance host answered
   * after the fault and the observation ran to its end without one (so "no failover" can be
   * expected); null when that could not be established.
   */
  occurred?: boolean | null;
  /** With traffic: when the first put after the fault was confirmed, and the seconds from the fault to it. */
  serviceRestoredAt?: string | null;
  serviceRestoredSeconds?: number | null;
  /** With traffic: when a consumer first got a message after the fault, and the seconds from the fault to it. */
  firstGetAfterFaultAt?: string | null;
  firstGetAfterFaultSeconds?: number | null;
}

/** One health check's result: `health.<name>` in the result document. */
export interface HealthMeasurement {
  /** Seconds from the fault to the first success after the last failed attempt; null when it never came back. */
  timeToHealthySeconds: number | null;
  healthyAt: string | null;
  attempts: number;
  /** Why the last failed attempt failed; null when none failed. */
  lastError: string | null;
  /** MQ reason codes of the attempts that failed after the fault, with how many got each (MQI checks; empty for commands). */
  reasonCodes: Record<string, number>;
}

/**
 * Something the run found that is wrong whatever the expectation says about timings:
 * `two-actives` — two instances reported Running at the same time (split brain). A finding
 * fails the verdict unless the expectation itself constrains `findings`.
 */
export interface Finding {
  kind: 'two-actives';
  /** First probe round in which it was seen. */
  at: string;
  /** Last probe round in which it was still seen. */
  until: string;
  hosts: string[];
  /** How many samples showed it. */
  samples: number;
  summary: string;
}

export interface ExpectationOutcome {
  verdict: Verdict;
  /** Worded failures: "failover.instanceFailoverSeconds was 41.2, must be at most 30". */
  failures: string[];
  /** Measurements the expectation needs that were not taken. */
  missing: string[];
  source: string;
}

export interface RecoveryOutcome {
  ok: boolean;
  actions: string[];
  error?: string;
}

export interface ScenarioResult {
  schemaVersion: 1;
  runId: string;
  suite: string;
  scenario: string;
  queueManager: string;
  harnessStatus: HarnessStatus;
  fault: { kind: string; target: Record<string, unknown> | null };
  failover: FailoverMeasurement;
  /** Message accounting of the scenario's traffic; null when it ran none. */
  messages?: MessageAccounting | null;
  /** Health checks by name; absent when the scenario has none. */
  health?: Record<string, HealthMeasurement>;
  /** What the run found regardless of the expectation (two actives); empty when nothing. */
  findings?: Finding[];
  /** Cluster scenarios: SYSTEM.CLUSTER.TRANSMIT.QUEUE buildup per sending member (and per destination channel). */
  transmit?: Record<string, SenderBuildup>;
  /** Cluster scenarios: per sending member, per cluster-sender channel, its status over the observation. */
  channels?: Record<string, Record<string, ChannelTimeline>>;
  /** Cluster scenarios with traffic: per producer, how many of its messages were got from each queue manager. */
  routing?: Record<string, ProducerRouting>;
  events: TimelineEvent[];
  recovery: RecoveryOutcome;
  expectation: ExpectationOutcome;
  verdict: Verdict;
}

export interface SuiteResult {
  schemaVersion: 1;
  runId: string;
  suite: string;
  startedAt: string;
  endedAt: string;
  verdict: Verdict;
  /** True when a recovery failed: the estate may be left faulted. */
  estateDirty: boolean;
  scenarios: ScenarioResult[];
  /** The suite's conformance checks, run before its scenarios. */
  conformance?: ConformanceReport;
}

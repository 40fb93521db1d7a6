import type { ClusterMemberSample } from './cluster-samples.ts';
import type { HealthAttempt } from './health-attempts.ts';
import type { InstanceSample } from './instance-samples.ts';
import type { HarnessStatus, RecoveryOutcome, TimelineEvent } from './result-document.ts';
import type { TrafficRecording } from './traffic-log.ts';

/**
 * Everything a scenario run recorded, as stored in its artifact folder
 * (`<run-dir>/scenarios/<scenario>/`): `samples.jsonl`, `events.jsonl` and `recording.json`
 * (the fields below other than samples and events). Checkers judge only this, so a stored
 * run can be judged again offline (`mqchaos analyze <run-dir>`).
 */
export interface ScenarioRecording {
  runId: string;
  suite: string;
  scenario: string;
  queueManager: string;
  harnessStatus: HarnessStatus;
  fault: {
    kind: string;
    /** Epoch ms when the fault command was sent; null when nothing was injected. */
    injectedAt: number | null;
    target: Record<string, unknown> | null;
  };
  /** Host whose instance was active at preflight. */
  activeHostBefore: string | null;
  probeIntervalMs: number;
  recovery: RecoveryOutcome;
  samples: InstanceSample[];
  events: TimelineEvent[];
  /** The traffic clients' logs (`traffic/<client>.jsonl`), when the scenario ran traffic. */
  traffic?: TrafficRecording;
  /** The health probes' attempts (`health.jsonl`), when the scenario has health checks. */
  health?: HealthAttempt[];
  /** The cluster probe's samples (`cluster-samples.jsonl`), when the scenario watched a cluster. */
  cluster?: ClusterMemberSample[];
}

/** What a scenario folder holds before `recording.json` has been written: the appended series only. */
export type PartialRecording = Partial<Omit<ScenarioRecording, 'samples' | 'events'>> & Pick<ScenarioRecording, 'samples' | 'events'>;

import type { ScenarioResult, SuiteResult } from './result-document.ts';
import type { ScenarioRecording } from './scenario-recording.ts';
import type { ExpectationSpec, ScenarioSpec } from '../suites/suite-model.ts';
import { mergeVerdicts } from './expectation-judge.ts';
import { judgeScenario } from './judge-scenario.ts';

export interface SuiteRunInfo {
  runId: string;
  /** ISO-8601; when absent, the earliest instant the recordings hold. */
  startedAt?: string;
  /** ISO-8601; when absent, the latest instant the recordings hold. */
  endedAt?: string;
}

export interface SuiteJudgement {
  suite: { name: string; scenarios: ScenarioSpec[] };
  /** Recordings by scenario; a scenario without one did not run. */
  recordings: readonly ScenarioRecording[];
  run: SuiteRunInfo;
  /** The document paths an expectation constrains; by default those its schemas constrain. */
  constrainedPaths?: (expect: ExpectationSpec) => readonly string[];
}

/**
 * Judges every scenario of a suite, in suite order. A scenario with no recording is judged
 * as not run (unknown). The suite's verdict is the worst of its scenarios'.
 */
export function judgeSuite({ suite, recordings, run, constrainedPaths }: SuiteJudgement): SuiteResult {
  const byName = new Map(recordings.map((recording) => [recording.scenario, recording]));
  const unknownNames = [...byName.keys()].filter((name) => !suite.scenarios.some((spec) => spec.name === name));
  if (unknownNames.length > 0) {
    throw new Error(`recordings for scenarios not in suite ${suite.name}: ${unknownNames.join(', ')}`);
  }
  const scenarios: ScenarioResult[] = suite.scenarios.map((spec) => {
    const recording = byName.get(spec.name) ?? notRunRecording(spec, suite.name, run.runId);
    return judgeScenario(recording, spec, constrainedPaths?.(spec.expect));
  });
  const [earliest, latest] = recordedSpan(recordings);
  return {
    schemaVersion: 1,
    runId: run.runId,
    suite: suite.name,
    startedAt: run.startedAt ?? earliest,
    endedAt: run.endedAt ?? latest,
    verdict: mergeVerdicts(scenarios.map((scenario) => scenario.verdict)),
    estateDirty: scenarios.some((scenario) => !scenario.recovery.ok),
    scenarios,
  };
}

export function notRunRecording(spec: ScenarioSpec, suite: string, runId: string): ScenarioRecording {
  return {
    runId,
    suite,
    scenario: spec.name,
    queueManager: spec.queueManager,
    harnessStatus: 'not-run',
    fault: { kind: spec.fault.kind, injectedAt: null, target: null },
    activeHostBefore: null,
    probeIntervalMs: spec.observe.probeIntervalMs,
    recovery: { ok: true, actions: [] },
    samples: [],
    events: [],
  };
}

/** The first and last instants found in the recordings (samples, events, faults), ISO-8601. */
function recordedSpan(recordings: readonly ScenarioRecording[]): [string, string] {
  const instantsMs = recordings.flatMap((recording) => [
    ...recording.samples.map((sample) => sample.t),
    ...recording.events.map((event) => Date.parse(event.at)),
    ...(recording.fault.injectedAt === null ? [] : [recording.fault.injectedAt]),
  ]).filter((ms) => Number.isFinite(ms));
  if (instantsMs.length === 0) {
    const epoch = new Date(0).toISOString();
    return [epoch, epoch];
  }
  const earliestMs = instantsMs.reduce((a, b) => Math.min(a, b));
  const latestMs = instantsMs.reduce((a, b) => Math.max(a, b));
  return [new Date(earliestMs).toISOString(), new Date(latestMs).toISOString()];
}

import type { ConformanceReport } from './conformance-facts.ts';
import type { ScenarioResult, SuiteResult } from './result-document.ts';
import type { PartialRecording, ScenarioRecording } from './scenario-recording.ts';
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
  /** The suite's conformance checks, as recorded before its scenarios. */
  conformance?: ConformanceReport;
}

/**
 * Judges every scenario of a suite, in suite order. A scenario with no recording is judged
 * as not run (unknown). The suite's verdict is the worst of its scenarios'.
 */
export function judgeSuite({ suite, recordings, run, constrainedPaths, conformance }: SuiteJudgement): SuiteResult {
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
  const span = { runId: run.runId, startedAt: run.startedAt ?? earliest, endedAt: run.endedAt ?? latest };
  return assembleSuiteResult({ suite: suite.name, scenarios, run: span, ...(conformance ? { conformance } : {}) });
}

/**
 * The suite's result document from its scenarios' results, each judged once where it was
 * recorded: the suite's verdict is the worst of theirs, and a failed recovery leaves the estate dirty.
 */
export function assembleSuiteResult({ suite, scenarios, run, conformance }: { suite: string; scenarios: ScenarioResult[]; run: Required<SuiteRunInfo>; conformance?: ConformanceReport }): SuiteResult {
  return {
    schemaVersion: 1,
    runId: run.runId,
    suite,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    verdict: mergeVerdicts([...scenarios.map((scenario) => scenario.verdict), ...(conformance ? [conformance.verdict] : [])]),
    estateDirty: scenarios.some((scenario) => !scenario.recovery.ok),
    scenarios,
    ...(conformance ? { conformance } : {}),
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
export function recordedSpan(recordings: readonly PartialRecording[]): [string, string] {
  const instantsMs = recordings.flatMap((recording) => [
    ...recording.samples.map((sample) => sample.t),
    ...recording.events.map((event) => Date.parse(event.at)),
    ...(recording.fault?.injectedAt == null ? [] : [recording.fault.injectedAt]),
  ]).filter((ms) => Number.isFinite(ms));
  if (instantsMs.length === 0) {
    const epoch = new Date(0).toISOString();
    return [epoch, epoch];
  }
  const earliestMs = instantsMs.reduce((a, b) => Math.min(a, b));
  const latestMs = instantsMs.reduce((a, b) => Math.max(a, b));
  return [new Date(earliestMs).toISOString(), new Date(latestMs).toISOString()];
}

/**
 * A folder with samples and events but no `recording.json` is a scenario whose run ended
 * before it was recorded: the harness failed, and nobody can say the estate was restored.
 */
export function completeRecording(stored: PartialRecording, spec: ScenarioSpec, suite: string, runId: string): ScenarioRecording {
  if (isComplete(stored)) return stored;
  return {
    ...notRunRecording(spec, suite, runId),
    ...stored,
    harnessStatus: 'failed',
    recovery: { ok: false, actions: [], error: 'the run ended before the scenario was recorded; its recovery is unknown' },
  };
}

function isComplete(recording: PartialRecording): recording is ScenarioRecording {
  return typeof recording.runId === 'string' && typeof recording.harnessStatus === 'string' && recording.recovery !== undefined;
}

import { exitCodeFor } from '../../checkers/exit-code.ts';
import { judgeScenario } from '../../checkers/judge-scenario.ts';
import { notRunRecording } from '../../checkers/judge-suite.ts';
import type { ScenarioResult, SuiteResult, TimelineEvent } from '../../checkers/result-document.ts';
import type { ScenarioRecording } from '../../checkers/scenario-recording.ts';
import { recordEvents } from '../../records/event-log.ts';
import { writeScenarioResult } from '../../records/result-files.ts';
import type { RunScenarioInput, ScenarioOutcome, SuiteOutcome } from '../../records/run-contracts.ts';
import { runsFolderOf, scenarioFolder } from '../../records/run-layout.ts';
import { readScenarioRecording, writeScenarioRecording } from '../../records/scenario-recording-files.ts';
import { writeSuiteFile } from '../../records/suite-file.ts';
import type { ResolvedSuite, ScenarioSpec } from '../../suites/suite-model.ts';

export interface RecordScenarioRequest {
  runDir: string;
  scenario: ScenarioSpec;
  /** What the workflow knows; samples and events are already in the scenario folder. */
  recording: Omit<ScenarioRecording, 'samples' | 'events'>;
  /** The workflow's step events (workflow-task time, coarser than the activities' own events). */
  steps: TimelineEvent[];
}

/**
 * What renders a run's report (reports/), given to the activities by whoever creates the
 * worker, so that activities never import from reports/.
 */
export interface RunReporter {
  /** Assembles the scenarios' stored results into the run's report; `carried` are results recorded out of reach. */
  reportRun(runDir: string, carried?: readonly ScenarioResult[]): Promise<SuiteResult>;
  writeRunsIndex(runsDir: string): Promise<void>;
}

export function outcomeOf(result: ScenarioResult): ScenarioOutcome {
  return {
    scenario: result.scenario,
    verdict: result.verdict,
    harnessStatus: result.harnessStatus,
    recoveryOk: result.recovery.ok,
    failures: result.expectation.failures,
    missing: result.expectation.missing,
    instanceFailoverSeconds: result.failover.instanceFailoverSeconds,
  };
}

/**
 * Completes the scenario's recording in its artifact folder and judges it, once: the result
 * document is written beside the recording (`result.json`) and a summary returned for history.
 */
export async function recordScenario(request: RecordScenarioRequest): Promise<ScenarioOutcome> {
  const dir = scenarioFolder(request.runDir, request.scenario.name);
  await recordEvents(dir, request.steps);
  const stored = await readScenarioRecording(dir, { allowMissing: true });
  const recording: ScenarioRecording = {
    ...request.recording,
    samples: stored?.samples ?? [],
    events: stored?.events ?? [],
    ...(stored?.traffic ? { traffic: stored.traffic } : {}),
    ...(stored?.health ? { health: stored.health } : {}),
    ...(stored?.cluster ? { cluster: stored.cluster } : {}),
  };
  await writeScenarioRecording(dir, recording);
  return storeJudgement(dir, judgeScenario(recording, request.scenario));
}

/** A scenario that was not started (the estate was left dirty before it): recorded and judged as not run. */
export async function recordScenarioNotRun(input: RunScenarioInput, reason: string): Promise<ScenarioOutcome> {
  const recording = notRunRecording(input.scenario, input.suite, input.runId);
  recording.events.push({ at: new Date().toISOString(), kind: 'error', summary: `not run: ${reason}` });
  const dir = scenarioFolder(input.runDir, input.scenario.name);
  await writeScenarioRecording(dir, recording);
  return storeJudgement(dir, judgeScenario(recording, input.scenario));
}

async function storeJudgement(dir: string, result: ScenarioResult): Promise<ScenarioOutcome> {
  await writeScenarioResult(dir, result);
  return outcomeOf(result);
}

/** Starts the run's artifact folder with `suite.json`: the suite exactly as run (credential references, no secrets). */
export async function openRunDir(request: { runDir: string; suite: ResolvedSuite }): Promise<void> {
  await writeSuiteFile(request.runDir, request.suite);
}

/** Assembles the scenarios' results into result.json, junit.xml and index.html, and refreshes the runs index beside it. */
export async function writeSuiteReport(reporter: RunReporter, request: { runDir: string }): Promise<SuiteOutcome> {
  const result = await reporter.reportRun(request.runDir);
  await reporter.writeRunsIndex(runsFolderOf(request.runDir));
  return {
    runId: result.runId,
    verdict: result.verdict,
    exitCode: exitCodeFor(result),
    estateDirty: result.estateDirty,
    reportDir: request.runDir,
    scenarios: result.scenarios.map(outcomeOf),
  };
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exitCodeFor } from '../../checkers/exit-code.ts';
import { judgeScenario } from '../../checkers/judge-scenario.ts';
import { notRunRecording } from '../../checkers/judge-suite.ts';
import type { ScenarioResult, TimelineEvent } from '../../checkers/result-document.ts';
import type { ScenarioRecording } from '../../checkers/scenario-recording.ts';
import { analyzeRun } from '../../reports/analyze-run.ts';
import { writeRunsIndex } from '../../reports/runs-index.ts';
import { readScenarioRecording, writeScenarioRecording } from '../../reports/scenario-recording-files.ts';
import { constrainedPaths } from '../../suites/expectation-paths.ts';
import type { ResolvedSuite, ScenarioSpec } from '../../suites/suite-model.ts';
import type { RunScenarioInput, ScenarioOutcome, SuiteOutcome } from '../../workflows/scenario-io.ts';
import { appendJsonLines, eventsFile } from './artifact-files.ts';

export interface RecordScenarioRequest {
  runDir: string;
  scenario: ScenarioSpec;
  /** What the workflow knows; samples and events are already in the scenario folder. */
  recording: Omit<ScenarioRecording, 'samples' | 'events'>;
  /** The workflow's step events (workflow-task time, coarser than the activities' own events). */
  steps: TimelineEvent[];
}

function scenarioDir(runDir: string, scenario: string): string {
  return join(runDir, 'scenarios', scenario);
}

function outcomeOf(result: ScenarioResult): ScenarioOutcome {
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

/** Completes the scenario's recording in its artifact folder, judges it, and returns a summary for history. */
export async function recordScenario(request: RecordScenarioRequest): Promise<ScenarioOutcome> {
  const dir = scenarioDir(request.runDir, request.scenario.name);
  await appendJsonLines(eventsFile(dir), request.steps);
  const stored = await readScenarioRecording(dir, { allowMissing: true });
  const recording: ScenarioRecording = {
    ...request.recording,
    samples: stored?.samples ?? [],
    events: stored?.events ?? [],
    ...(stored?.traffic ? { traffic: stored.traffic } : {}),
    ...(stored?.health ? { health: stored.health } : {}),
  };
  await writeScenarioRecording(dir, recording);
  return outcomeOf(judgeScenario(recording, request.scenario, constrainedPaths(request.scenario.expect)));
}

/** A scenario that was not started (the estate was left dirty before it): recorded as not run. */
export async function recordScenarioNotRun(input: RunScenarioInput, reason: string): Promise<ScenarioOutcome> {
  const recording = notRunRecording(input.scenario, input.suite, input.runId);
  recording.events.push({ at: new Date().toISOString(), kind: 'error', summary: `not run: ${reason}` });
  await writeScenarioRecording(scenarioDir(input.runDir, input.scenario.name), recording);
  return outcomeOf(judgeScenario(recording, input.scenario, constrainedPaths(input.scenario.expect)));
}

/** Starts the run's artifact folder with `suite.json`: the suite exactly as run (credential references, no secrets). */
export async function openRunDir(request: { runDir: string; suite: ResolvedSuite }): Promise<void> {
  await mkdir(request.runDir, { recursive: true });
  await writeFile(join(request.runDir, 'suite.json'), `${JSON.stringify(request.suite, null, 2)}\n`);
}

/** Judges every recorded scenario of the run, writes result.json, junit.xml and index.html, and refreshes the runs index beside it. */
export async function writeSuiteReport(request: { runDir: string }): Promise<SuiteOutcome> {
  const result = await analyzeRun(request.runDir);
  await writeRunsIndex(dirname(request.runDir));
  return {
    runId: result.runId,
    verdict: result.verdict,
    exitCode: exitCodeFor(result),
    estateDirty: result.estateDirty,
    reportDir: request.runDir,
    scenarios: result.scenarios.map(outcomeOf),
  };
}

import { basename } from 'node:path';
import { assembleSuiteResult, completeRecording, judgeSuite, notRunRecording, recordedSpan } from '../checkers/judge-suite.ts';
import { judgeScenario } from '../checkers/judge-scenario.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import type { PartialRecording, ScenarioRecording } from '../checkers/scenario-recording.ts';
import { readConformance } from '../records/conformance-file.ts';
import { readScenarioResult, writeScenarioResult } from '../records/result-files.ts';
import { scenarioFolder } from '../records/run-layout.ts';
import { readScenarioRecording } from '../records/scenario-recording-files.ts';
import { readSuite } from '../records/suite-file.ts';
import type { ExpectationSpec, ResolvedSuite, ScenarioSpec } from '../suites/suite-model.ts';
import { writeRunReport } from './write-run-report.ts';

export interface AnalyzeOptions {
  /**
   * Judge every scenario against this expectation instead of its own (a tightened threshold).
   * The stored judgement and report are left as they are.
   */
  expect?: ExpectationSpec;
}

/**
 * Judges a stored run again from its folder alone — `suite.json` and each scenario's
 * recording — and, unless other expectations are given, rewrites each scenario's
 * `result.json` and the run's report. Needs no Temporal, SSH or estate.
 */
export async function analyzeRun(runDir: string, options: AnalyzeOptions = {}): Promise<SuiteResult> {
  const suite = await readSuite(runDir);
  const stored = await readRecordings(runDir, suite);
  const runId = runIdOf(stored, runDir);
  const recordings = stored.map(({ spec, recording }) => completeRecording(recording, spec, suite.name, runId));
  const expect = options.expect;
  const judgedSuite = expect ? { ...suite, scenarios: suite.scenarios.map((spec) => ({ ...spec, expect })) } : suite;
  const conformance = await readConformance(runDir);
  const result = judgeSuite({ suite: judgedSuite, recordings, run: { runId }, ...(conformance ? { conformance } : {}) });
  if (expect) return result;
  for (const scenario of result.scenarios) {
    if (stored.some(({ spec }) => spec.name === scenario.scenario)) await writeScenarioResult(scenarioFolder(runDir, scenario.scenario), scenario);
  }
  await writeRunReport(runDir, result, { suite, recordings });
  return result;
}

/**
 * Writes the run's report from the scenarios' own results, each judged once where it was
 * recorded. A scenario without a stored result is judged here from what its folder holds: not
 * run, or cut off before it was recorded. `carried` are results whose folders are out of
 * reach (they were recorded on a worker that was lost); they are stored here too.
 */
export async function reportRun(runDir: string, carried: readonly ScenarioResult[] = []): Promise<SuiteResult> {
  const suite = await readSuite(runDir);
  const stored = await readRecordings(runDir, suite);
  const runId = runIdOf(stored, runDir);
  const scenarios: ScenarioResult[] = [];
  for (const spec of suite.scenarios) {
    const dir = scenarioFolder(runDir, spec.name);
    const carriedResult = carried.find((result) => result.scenario === spec.name);
    if (carriedResult) await writeScenarioResult(dir, carriedResult);
    const result = carriedResult ?? (await readScenarioResult(dir)) ?? judgeUnrecorded(spec, stored, suite.name, runId);
    scenarios.push(result);
  }
  const recordings = stored.map(({ recording }) => recording);
  const [startedAt, endedAt] = recordedSpan(recordings);
  const conformance = await readConformance(runDir);
  const result = assembleSuiteResult({ suite: suite.name, scenarios, run: { runId, startedAt, endedAt }, ...(conformance ? { conformance } : {}) });
  await writeRunReport(runDir, result, { suite, recordings });
  return result;
}

interface StoredRecording {
  spec: ScenarioSpec;
  recording: PartialRecording;
}

async function readRecordings(runDir: string, suite: ResolvedSuite): Promise<StoredRecording[]> {
  const stored: StoredRecording[] = [];
  for (const spec of suite.scenarios) {
    const recording = await readScenarioRecording(scenarioFolder(runDir, spec.name), { allowMissing: true });
    if (recording) stored.push({ spec, recording });
  }
  return stored;
}

function runIdOf(stored: readonly StoredRecording[], runDir: string): string {
  return stored.find(({ recording }) => recording.runId)?.recording.runId ?? basename(runDir);
}

function judgeUnrecorded(spec: ScenarioSpec, stored: readonly StoredRecording[], suite: string, runId: string): ScenarioResult {
  const partial = stored.find((candidate) => candidate.spec.name === spec.name)?.recording;
  const recording: ScenarioRecording = partial ? completeRecording(partial, spec, suite, runId) : notRunRecording(spec, suite, runId);
  return judgeScenario(recording, spec);
}

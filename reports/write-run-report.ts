import { mkdir } from 'node:fs/promises';
import { observationsOfMemberSamples } from '../checkers/cluster-observations.ts';
import { instanceStateSeries } from '../checkers/failover-phases.ts';
import type { SuiteResult } from '../checkers/result-document.ts';
import type { ScenarioRecording } from '../checkers/scenario-recording.ts';
import type { ResolvedSuite } from '../suites/suite-model.ts';
import { writeFileAtomically } from '../records/atomic-write.ts';
import { htmlFile, junitFile, runResultFile, scenarioFolder } from '../records/run-layout.ts';
import { readScenarioRecording } from '../records/scenario-recording-files.ts';
import { readSuiteIfPresent } from '../records/suite-file.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderJunitXml } from './junit-report.ts';
import { assertValidSuiteResult } from './result-validation.ts';
import type { ScenarioExtras } from './scenario-section.ts';

export interface RunReportContext {
  /** The suite as run; read from `<run-dir>/suite.json` when not given. */
  suite?: ResolvedSuite;
  /** Recordings by scenario, for the charts; read from the run folder when not given. */
  recordings?: readonly Partial<ScenarioRecording>[];
}

export interface RunReportFiles {
  result: string;
  junit: string;
  html: string;
}

/**
 * Writes a run's report into its folder: `result.json` (validated against
 * suites/schemas/result.schema.json first; nothing is written if it does not match),
 * `junit.xml` and a self-contained `index.html`.
 */
export async function writeRunReport(
  runDir: string,
  result: SuiteResult,
  context: RunReportContext = {},
): Promise<RunReportFiles> {
  assertValidSuiteResult(result);
  const suite = context.suite ?? (await readSuiteIfPresent(runDir));
  const recordings = context.recordings ?? (await readRecordings(runDir, result));
  const extras = new Map<string, ScenarioExtras>();
  for (const scenario of result.scenarios) {
    const recording = recordings.find((candidate) => candidate.scenario === scenario.scenario);
    const samples = (recording?.samples ?? []).filter((sample) => sample.queueManager === scenario.queueManager);
    const spec = suite?.scenarios.find((candidate) => candidate.name === scenario.scenario);
    extras.set(scenario.scenario, {
      series: instanceStateSeries(samples),
      ...(recording?.traffic ? { traffic: recording.traffic } : {}),
      ...(recording?.cluster ? { cluster: observationsOfMemberSamples(recording.cluster) } : {}),
      ...(spec ? { spec } : {}),
    });
  }
  const files = { result: runResultFile(runDir), junit: junitFile(runDir), html: htmlFile(runDir) };
  await mkdir(runDir, { recursive: true });
  await writeFileAtomically(files.result, `${JSON.stringify(result, null, 2)}\n`);
  await writeFileAtomically(files.junit, renderJunitXml(result));
  await writeFileAtomically(files.html, renderHtmlReport(result, extras));
  return files;
}

async function readRecordings(runDir: string, result: SuiteResult): Promise<Partial<ScenarioRecording>[]> {
  const recordings: Partial<ScenarioRecording>[] = [];
  for (const scenario of result.scenarios) {
    const stored = await readScenarioRecording(scenarioFolder(runDir, scenario.scenario), { allowMissing: true });
    if (stored) recordings.push({ ...stored, scenario: scenario.scenario });
  }
  return recordings;
}

import { basename, join } from 'node:path';
import { judgeSuite, notRunRecording } from '../checkers/judge-suite.ts';
import type { SuiteResult } from '../checkers/result-document.ts';
import type { ScenarioRecording } from '../checkers/scenario-recording.ts';
import type { ResolvedSuite, ScenarioSpec } from '../suites/suite-model.ts';
import { readScenarioRecording, scenarioRecordingDir, type PartialRecording } from './scenario-recording-files.ts';
import { readSuiteIfPresent, SUITE_FILE, writeRunReport } from './write-run-report.ts';

/**
 * Judges a stored run again from its folder alone — `suite.json` and each scenario's
 * recording — and rewrites its report. Needs no Temporal, SSH or lab.
 */
export async function analyzeRun(runDir: string): Promise<SuiteResult> {
  const suite = await readSuiteIfPresent(runDir);
  if (!suite) throw new Error(`${join(runDir, SUITE_FILE)} is missing: ${runDir} is not an mqchaos run folder`);
  const stored = await readRecordings(runDir, suite);
  const runId = stored.find(({ recording }) => recording.runId)?.recording.runId ?? basename(runDir);
  const recordings = stored.map(({ spec, recording }) => completeRecording(recording, spec, suite.name, runId));
  const result = judgeSuite({ suite, recordings, run: { runId } });
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
    const recording = await readScenarioRecording(scenarioRecordingDir(runDir, spec.name), { allowMissing: true });
    if (recording) stored.push({ spec, recording });
  }
  return stored;
}

/**
 * A folder with samples and events but no `recording.json` is a scenario whose run ended
 * before it was recorded: the harness failed, and nobody can say the estate was restored.
 */
function completeRecording(stored: PartialRecording, spec: ScenarioSpec, suite: string, runId: string): ScenarioRecording {
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

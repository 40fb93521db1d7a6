import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteResult } from '../../checkers/result-document.ts';
import { readTruthLog, type TruthEvent } from '../../lab/truth-log.ts';
import { progressQuery, runSuite } from '../../workflows/index.ts';
import type { SuiteOutcome } from '../../records/run-contracts.ts';
import { loadTestSuite, type LabHarness } from './lab-harness.ts';

/** Runs a repository suite file against the harness's lab; returns the outcome, result.json, the run's folder and the truth since the start. */
export async function runTestSuite(
  harness: LabHarness,
  relativePath: string,
): Promise<{ outcome: SuiteOutcome; result: SuiteResult; runDir: string; truth: () => TruthEvent[] }> {
  const suite = await loadTestSuite(relativePath);
  const { runsDir, runId, runDir } = harness.newRun();
  const fromMs = Date.now();
  const outcome = await harness.client.workflow.execute(runSuite, {
    taskQueue: harness.taskQueue,
    workflowId: `it-${runId}`,
    args: [{ runId, runsDir, suite: { ...suite, estate: harness.estate } }],
  });
  const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult;
  return { outcome, result, runDir, truth: () => readTruthLog(harness.lab.truthLogFile).filter((e) => e.t >= fromMs) };
}

/** Resolves once the scenario workflow reports its fault injected (polling its progress query). */
export async function waitForFaultInjected(handle: { query: (q: typeof progressQuery) => Promise<{ faultInjected: boolean }> }): Promise<void> {
  for (let polls = 0; polls < 600; polls++) {
    if ((await handle.query(progressQuery)).faultInjected) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the fault was never injected');
}

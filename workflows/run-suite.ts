import { CancellationScope, executeChild, isCancellation, ParentClosePolicy, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { acquireEstate } from './estate-lock.ts';
import type { MqchaosActivities } from '../activities/index.ts';
import { runConformance } from './run-conformance.ts';
import { runScenario } from './run-scenario.ts';
import type { RunSuiteInput, ScenarioOutcome, SuiteOutcome } from '../records/run-contracts.ts';

const reporting = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 3 },
});

/**
 * Runs a suite's conformance checks (when it declares them) and its scenarios one after
 * another, each as a child workflow, then writes the run's report. The run first takes its
 * estate (one run per estate, estate-lock.ts). After a failed recovery the estate may be
 * left faulted: later scenarios are not started. A scenario is cancelled, not terminated,
 * when the suite ends under it (its recovery runs).
 */
export async function runSuite(input: RunSuiteInput): Promise<SuiteOutcome> {
  const outcomes: ScenarioOutcome[] = [];
  let estateDirty = false;
  let cancellation: unknown = null;
  const { suite } = input;
  const runId = input.runId ?? workflowInfo().workflowId.replace(/[^A-Za-z0-9._-]+/g, '-');
  const runDir = `${input.runsDir}/${runId}`;
  await acquireEstate(suite.estate, { runId, suite: suite.name }, { wait: input.waitForEstate ?? false });
  await reporting.openRunDir({ runDir, suite });
  try {
    // The suite's conformance checks come first: they only read, and the report shows them above the scenarios.
    if (suite.conformance) {
      const report = await executeChild(runConformance, {
        workflowId: `${workflowInfo().workflowId}/conformance`,
        args: [{ estate: suite.estate, config: suite.conformance }],
      });
      await reporting.recordConformance({ runDir, report });
    }
    for (const scenario of suite.scenarios) {
      const scenarioInput = { runId, suite: suite.name, runDir, scenario, estate: suite.estate };
      if (estateDirty) {
        outcomes.push(await reporting.recordScenarioNotRun(scenarioInput, 'an earlier scenario left the estate dirty'));
        continue;
      }
      const outcome = await executeChild(runScenario, {
        workflowId: `${workflowInfo().workflowId}/${scenario.name}`,
        args: [scenarioInput],
        parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      });
      outcomes.push(outcome);
      if (!outcome.recoveryOk) estateDirty = true;
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    cancellation = err;
  }
  const outcome = await CancellationScope.nonCancellable(() => reporting.writeSuiteReport({ runDir }));
  if (cancellation) throw cancellation;
  return outcome;
}

import { ApplicationFailure, executeChild, workflowInfo } from '@temporalio/workflow';
import type { TimelineEvent } from '../checkers/result-document.ts';
import type { EstateSpec, ScenarioSpec } from '../suites/suite-model.ts';
import { DEFAULT_CONFORMANCE } from '../suites/conformance-model.ts';
import { runConformance } from './run-conformance.ts';

/**
 * A scenario's `requires: conformance`, in preflight: the conformance checks of its queue
 * manager as a child workflow, recorded on the timeline; a failed check, or one that could
 * not run, refuses the fault (nothing has been injected).
 */
export async function requireConformance(scenario: ScenarioSpec, estate: EstateSpec, steps: TimelineEvent[]): Promise<void> {
  const report = await executeChild(runConformance, {
    workflowId: `${workflowInfo().workflowId}/conformance`,
    args: [{ estate, config: scenario.conformance ?? DEFAULT_CONFORMANCE, queueManagers: [scenario.queueManager] }],
  });
  const notHolding = report.lines.filter((line) => line.verdict !== 'pass');
  const words = notHolding.flatMap((line) => (line.failures.length + line.missing.length > 0 ? [...line.failures, ...line.missing] : [`${line.node}: ${line.check} ${line.verdict}`]));
  steps.push({
    at: new Date().toISOString(),
    kind: 'observation',
    summary: `conformance ${report.verdict}: ${report.lines.length - notHolding.length} of ${report.lines.length} checks hold${words.length > 0 ? `; ${words.join('; ')}` : ''}`,
    detail: { conformance: report },
  });
  if (report.verdict !== 'pass') {
    throw ApplicationFailure.nonRetryable(`the estate does not conform (requires: conformance), the fault was not injected: ${words.join('; ')}`, 'ConformanceNotMet');
  }
}

import { proxyActivities } from '@temporalio/workflow';
import type { MqchaosActivities } from '../activities/index.ts';
import { conformanceVerdict, type ConformanceLine, type ConformanceReport } from '../checkers/conformance-facts.ts';
import { planConformance } from '../checkers/conformance-plan.ts';
import type { ConformanceSpec } from '../suites/conformance-model.ts';
import type { EstateSpec } from '../suites/suite-model.ts';

export interface RunConformanceInput {
  estate: EstateSpec;
  config: ConformanceSpec;
  /** Only these queue managers' checks (a scenario's gate); all when absent. */
  queueManagers?: string[];
}

/** Checks only read, so a failed attempt may be retried; amqmfsck -c waits up to a minute for its partner. */
const checks = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '4 minutes',
  retry: { maximumAttempts: 2, initialInterval: '2s' },
});

/**
 * The conformance checks alone, one activity per check, in checklist order: the HA
 * prerequisites on every node before anything is broken. A check whose activity failed is
 * unknown on every node, never a pass. Nothing here changes the estate.
 */
export async function runConformance(input: RunConformanceInput): Promise<ConformanceReport> {
  const { checks: planned, notApplicable } = planConformance(input.estate, input.config, input.queueManagers);
  const lines: ConformanceLine[] = [];
  for (const check of planned) {
    try {
      lines.push(...(await checks.runConformanceCheck({ planned: check, estate: input.estate, config: input.config })));
    } catch (err) {
      lines.push({
        check: check.check,
        title: check.check,
        queueManager: check.queueManager,
        node: check.queueManager ?? check.cluster ?? 'estate',
        verdict: 'unknown',
        failures: [],
        missing: [`could not run: ${(err as Error).message}`],
        facts: null,
      });
    }
  }
  return { verdict: conformanceVerdict(lines), lines, notApplicable };
}

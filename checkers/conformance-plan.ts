import type { ConformanceSpec } from '../suites/conformance-model.ts';
import type { EstateSpec } from '../suites/suite-model.ts';
import type { ConformanceReport } from './conformance-facts.ts';

/** One check to run: per queue manager, per cluster, or once for the declared applications. */
export interface PlannedCheck {
  check: string;
  queueManager: string | null;
  cluster?: string;
}

/** Checks run for every queue manager, in checklist order. */
export const QUEUE_MANAGER_CHECKS = ['mq-user', 'qm-storage', 'amqmfsck', 'qm-stanza', 'standby', 'mq-version', 'auto-start', 'listener', 'health-queue'] as const;

/**
 * The checklist for an estate: every queue-manager check for each queue manager (or the
 * ones named), automatic start-up only with a probe configured, cluster hygiene per declared
 * cluster, client side when applications are declared. Deterministic: workflows plan with it.
 */
export function planConformance(estate: EstateSpec, config: ConformanceSpec, queueManagers?: readonly string[]): { checks: PlannedCheck[]; notApplicable: ConformanceReport['notApplicable'] } {
  const names = queueManagers ?? Object.keys(estate.queueManagers);
  const checks: PlannedCheck[] = [];
  const notApplicable: ConformanceReport['notApplicable'] = [];
  for (const qm of names) {
    for (const check of QUEUE_MANAGER_CHECKS) {
      if (check === 'auto-start' && !config.autoStart) continue;
      checks.push({ check, queueManager: qm });
    }
  }
  if (!config.autoStart) notApplicable.push({ check: 'auto-start', title: 'automatic start-up disabled', reason: 'no start-up probe configured (conformance.autoStart)' });
  const clusters = config.clusters.filter((c) => queueManagers === undefined || c.queueManagers.some((qm) => names.includes(qm)));
  for (const cluster of clusters) checks.push({ check: 'cluster', queueManager: null, cluster: cluster.name });
  if (clusters.length === 0) notApplicable.push({ check: 'cluster', title: 'cluster hygiene', reason: 'the estate declares no clusters (conformance.clusters)' });
  const applications = config.applications.filter((a) => names.includes(a.queueManager));
  if (applications.length > 0) checks.push({ check: 'client', queueManager: null });
  else notApplicable.push({ check: 'client', title: 'client reconnect options and connection names', reason: 'no applications declared (conformance.applications)' });
  return { checks, notApplicable };
}

import { appendPointer } from './json-pointer.ts';
import { checkName } from './mq-names.ts';
import type { Issue } from './definition-error.ts';
import type { EstateNames } from './estate-file.ts';

/**
 * Queue managers the `conformance:` block names (cluster members, applications' queue
 * managers) that the estate does not declare: reported before anything runs.
 */
export function findConformanceReferenceProblems(suiteData: unknown, estate: EstateNames, where: string): Issue[] {
  const conformance = (suiteData as { conformance?: unknown } | null)?.conformance;
  if (conformance === null || typeof conformance !== 'object') return [];
  const { clusters, applications } = conformance as { clusters?: unknown; applications?: unknown };
  const issues: Issue[] = [];
  const declared = [...estate.queueManagers.keys()];
  const check = (name: unknown, pointer: string, what: string) => {
    if (typeof name !== 'string' || checkName('queueManager', name) !== null || estate.queueManagers.has(name)) return;
    issues.push({
      code: 'MQC-SUITE-UNDECLARED-QMGR',
      pointer,
      message: `${what} names queue manager "${name}", which is not declared in ${where}`,
      hint: `declared queue managers: ${declared.join(', ') || 'none'}`,
    });
  };
  (Array.isArray(clusters) ? clusters : []).forEach((cluster, index) => {
    const members = (cluster as { queueManagers?: unknown } | null)?.queueManagers;
    (Array.isArray(members) ? members : []).forEach((name, at) =>
      check(name, appendPointer('/conformance/clusters', index, 'queueManagers', at), `conformance cluster ${String((cluster as { name?: unknown }).name)}`),
    );
  });
  (Array.isArray(applications) ? applications : []).forEach((app, index) =>
    check((app as { queueManager?: unknown } | null)?.queueManager, appendPointer('/conformance/applications', index, 'queueManager'), `conformance application ${String((app as { name?: unknown }).name)}`),
  );
  return issues;
}

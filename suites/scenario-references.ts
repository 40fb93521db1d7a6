import type { Issue } from './definition-error.ts';
import type { EstateNames } from './estate-file.ts';
import { appendPointer } from './json-pointer.ts';
import { checkName } from './mq-names.ts';
import { findLikelyMeant } from './nearest-names.ts';

/**
 * What a suite's scenarios refer to: each other (names are unique; they become workflow
 * ids and report folders) and the estate (the queue manager must be declared there).
 * Tolerates data that failed the schema: only well-formed names are cross-checked.
 */

type RawScenario = { name?: unknown; queueManager?: unknown };

export function listScenarios(suiteData: unknown): RawScenario[] {
  const scenarios = (suiteData as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(scenarios)) return [];
  return scenarios.map((scenario) => (scenario !== null && typeof scenario === 'object' ? (scenario as RawScenario) : {}));
}

export function findDuplicateScenarioNames(scenarios: readonly RawScenario[]): Issue[] {
  const firstUse = new Map<string, number>();
  const issues: Issue[] = [];
  scenarios.forEach((scenario, index) => {
    if (typeof scenario.name !== 'string') return;
    const first = firstUse.get(scenario.name);
    if (first === undefined) {
      firstUse.set(scenario.name, index);
      return;
    }
    issues.push({
      code: 'MQC-SUITE-DUPLICATE-NAME',
      pointer: `/scenarios/${index}/name`,
      message: `scenario name "${scenario.name}" is already used by scenario ${first + 1} (/scenarios/${first})`,
      hint: 'scenario names must be unique within a suite: they name workflows and report folders',
    });
  });
  return issues;
}

/** `where` says where the estate's names come from, e.g. "the inline estate" or "lab topology lab/topologies/demo.yaml". */
export function findUndeclaredQueueManagers(scenarios: readonly RawScenario[], estate: EstateNames, where: string): Issue[] {
  const declared = [...estate.queueManagers.keys()];
  const issues: Issue[] = [];
  scenarios.forEach((scenario, index) => {
    const name = scenario.queueManager;
    if (typeof name !== 'string' || checkName('queueManager', name) !== null || estate.queueManagers.has(name)) return;
    const meant = findLikelyMeant(name, declared);
    issues.push({
      code: 'MQC-SUITE-UNDECLARED-QMGR',
      pointer: appendPointer(`/scenarios/${index}`, 'queueManager'),
      message: `queue manager "${name}" is not declared in ${where}`,
      hint: `${meant === undefined ? '' : `did you mean "${meant}"? `}declared queue managers: ${declared.join(', ') || 'none'}`,
    });
  });
  return issues;
}

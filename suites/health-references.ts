import type { Issue } from './definition-error.ts';
import type { EstateNames } from './estate-file.ts';
import { findLikelyMeant } from './nearest-names.ts';


/**
 * What a scenario's health checks refer to: their names are unique within the scenario (they
 * key the result's health map), each runs on a host the estate declares, and each `expect`
 * compiles as a regular expression.
 */
export function findHealthCheckProblems(scenarios: readonly object[], estate: EstateNames | undefined, where: string): Issue[] {
  const issues: Issue[] = [];
  scenarios.forEach((scenario, index) => {
    const health = (scenario as { health?: unknown }).health;
    if (!Array.isArray(health)) return;
    const seen = new Set<string>();
    health.forEach((check: unknown, at) => {
      const pointer = `/scenarios/${index}/health/${at}`;
      const { name, command } = (check ?? {}) as { name?: unknown; command?: { host?: unknown; expect?: unknown } };
      if (typeof name === 'string') {
        if (seen.has(name)) {
          issues.push({ code: 'MQC-SUITE-DUPLICATE-NAME', pointer: `${pointer}/name`, message: `health check name "${name}" is used twice in this scenario`, hint: 'names key the result document\'s health map' });
        }
        seen.add(name);
      }
      const host = command?.host;
      if (estate && typeof host === 'string' && !estate.hosts.includes(host)) {
        const meant = findLikelyMeant(host, estate.hosts);
        issues.push({
          code: 'MQC-SUITE-UNDECLARED-HOST',
          pointer: `${pointer}/command/host`,
          message: `health check host "${host}" is not declared in ${where}`,
          hint: `${meant === undefined ? '' : `did you mean "${meant}"? `}declared hosts: ${estate.hosts.join(', ') || 'none'}`,
        });
      }
      if (typeof command?.expect === 'string') {
        try {
          new RegExp(command.expect);
        } catch (error) {
          issues.push({ code: 'MQC-SUITE-SCHEMA', pointer: `${pointer}/command/expect`, message: `not a regular expression: ${(error as Error).message}` });
        }
      }
    });
  });
  return issues;
}

import type { ExpectationOutcome, Finding } from './result-document.ts';

/**
 * Findings (two actives) are never a pass. An expectation that constrains `findings` itself
 * decides about them (e.g. a split-brain demo that expects one); any other expectation fails,
 * one worded failure per finding.
 */
export function judgeFindings(outcome: ExpectationOutcome, findings: readonly Finding[], constrainedPaths: readonly string[]): ExpectationOutcome {
  if (findings.length === 0 || constrainedPaths.some((path) => path === 'findings' || path.startsWith('findings.') || path.startsWith('findings['))) {
    return outcome;
  }
  const failures = findings.map(
    (finding) => `findings has ${finding.kind}: ${finding.summary}; the expectation does not allow it (constrain findings to allow it)`,
  );
  return { ...outcome, verdict: 'fail', failures: [...outcome.failures, ...failures] };
}

import type { HarnessStatus, ScenarioResult, Verdict } from '../checkers/result-document.ts';

/** How reports say what a scenario's verdict rests on, in the same words everywhere. */

export function verdictLabel(verdict: Verdict): string {
  return verdict === 'unknown' ? 'NO VERDICT' : verdict.toUpperCase();
}

export function describeHarness(status: HarnessStatus): string {
  switch (status) {
    case 'completed':
      return 'the harness completed the scenario';
    case 'aborted':
      return 'the harness aborted the scenario';
    case 'failed':
      return 'the harness failed before the scenario completed';
    case 'not-run':
      return 'the harness did not run the scenario';
  }
}

/** Why a scenario has no verdict: the harness did not complete, or measurements are missing. */
export function noVerdictReasons(scenario: ScenarioResult): string[] {
  if (scenario.verdict !== 'unknown') return [];
  const notInjected = scenario.harnessStatus !== 'not-run' && !scenario.events.some((event) => event.kind === 'fault-injected');
  const reasons = scenario.harnessStatus === 'completed' ? [] : [`${describeHarness(scenario.harnessStatus)}${notInjected ? ' (nothing was injected)' : ''}`];
  return [...reasons, ...scenario.expectation.missing];
}

/** The recovery failure in words, or null when the estate was restored. */
export function recoveryProblem(scenario: ScenarioResult): string | null {
  if (scenario.recovery.ok) return null;
  const why = scenario.recovery.error ? `: ${scenario.recovery.error}` : '';
  return `recovery failed, the estate may be left faulted${why}`;
}

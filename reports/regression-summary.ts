import type { SuiteResult } from '../checkers/result-document.ts';
import { describeRegression, findRegressions, figureHistories, scenarioKey, type RegressionPolicy } from './figure-regressions.ts';

/**
 * The lines `mqchaos run` prints after its summary table: each figure of this run that is
 * worse than the median of the scenario's last runs by more than the margin, or that none
 * is, or that there are too few earlier runs to say.
 */
export function renderRegressionSummary(current: SuiteResult, earlier: readonly SuiteResult[], policy: RegressionPolicy): string {
  const sameSuite = earlier.filter((run) => run.suite === current.suite && run.runId !== current.runId);
  const regressions = findRegressions(current, sameSuite, policy);
  const against = `the median of each scenario's last ${policy.window} runs by more than ${policy.marginPercent}%`;
  if (regressions.length > 0) {
    return [`REGRESSIONS: ${regressions.length} figure${regressions.length === 1 ? '' : 's'} worse than ${against}:`, ...regressions.map((r) => `  ${r.scenario}: ${describeRegression(r)}`)].join('\n');
  }
  const histories = figureHistories(sameSuite);
  const comparable = current.scenarios.some((scenario) =>
    [...(histories.get(scenarioKey(current.suite, scenario.scenario))?.values() ?? [])].some(
      ({ history }) => history.filter((point) => point.value !== null).length >= policy.minimumRuns,
    ),
  );
  if (!comparable) return `Trends: fewer than ${policy.minimumRuns} earlier runs of this suite with figures; nothing to compare with yet.`;
  return `Trends: no figure is worse than ${against}.`;
}

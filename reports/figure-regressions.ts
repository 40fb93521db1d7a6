import type { SuiteResult } from '../checkers/result-document.ts';
import { runFiguresOf, type RunFigure } from './run-figures.ts';

/**
 * A figure regressed when it is worse (higher) than the median of the same scenario's last
 * `window` runs by more than `marginPercent` percent. With fewer than `minimumRuns` earlier
 * measurements there is no median worth comparing with, and nothing is flagged.
 */
export interface RegressionPolicy {
  window: number;
  marginPercent: number;
  minimumRuns: number;
}

export const DEFAULT_REGRESSION_POLICY: RegressionPolicy = { window: 5, marginPercent: 25, minimumRuns: 3 };

export interface Regression {
  suite: string;
  scenario: string;
  path: string;
  unit: RunFigure['unit'];
  value: number;
  median: number;
  /** The highest value that would not have been flagged. */
  limit: number;
  /** How many earlier runs the median was taken over. */
  runs: number;
}

/** One scenario's figure across runs, oldest first: the run's id and the value it measured (null: not measured). */
export type FigureHistory = Array<{ runId: string; value: number | null }>;

export function scenarioKey(suite: string, scenario: string): string {
  return `${suite} / ${scenario}`;
}

/** Per scenario key and figure path, the values of every run given (oldest first). */
export function figureHistories(runs: readonly SuiteResult[]): Map<string, Map<string, { unit: RunFigure['unit']; history: FigureHistory }>> {
  const histories = new Map<string, Map<string, { unit: RunFigure['unit']; history: FigureHistory }>>();
  for (const run of runs) {
    for (const scenario of run.scenarios) {
      const key = scenarioKey(run.suite, scenario.scenario);
      const byPath = histories.get(key) ?? new Map<string, { unit: RunFigure['unit']; history: FigureHistory }>();
      for (const figure of runFiguresOf(scenario)) {
        const entry = byPath.get(figure.path) ?? { unit: figure.unit, history: [] };
        entry.history.push({ runId: run.runId, value: figure.value });
        byPath.set(figure.path, entry);
      }
      histories.set(key, byPath);
    }
  }
  return histories;
}

/** Whether `value` regressed against the values before it; the comparison, or null when there is too little history. */
export function judgeFigure(value: number | null, earlier: readonly (number | null)[], policy: RegressionPolicy): { regressed: boolean; median: number; limit: number; runs: number } | null {
  const measured = earlier.filter((v): v is number => v !== null).slice(-policy.window);
  if (value === null || measured.length < policy.minimumRuns) return null;
  const median = medianOf(measured);
  const limit = median * (1 + policy.marginPercent / 100);
  return { regressed: value > limit && value > median, median, limit, runs: measured.length };
}

/** The figures of `current` that regressed against the runs before it (`earlier`, oldest first, `current` not among them). */
export function findRegressions(current: SuiteResult, earlier: readonly SuiteResult[], policy: RegressionPolicy = DEFAULT_REGRESSION_POLICY): Regression[] {
  const histories = figureHistories(earlier.filter((run) => run.suite === current.suite && run.runId !== current.runId));
  const regressions: Regression[] = [];
  for (const scenario of current.scenarios) {
    const byPath = histories.get(scenarioKey(current.suite, scenario.scenario));
    for (const figure of runFiguresOf(scenario)) {
      const history = byPath?.get(figure.path)?.history ?? [];
      const judged = judgeFigure(figure.value, history.map((point) => point.value), policy);
      if (judged?.regressed) {
        regressions.push({ suite: current.suite, scenario: scenario.scenario, path: figure.path, unit: figure.unit, value: figure.value!, median: judged.median, limit: judged.limit, runs: judged.runs });
      }
    }
  }
  return regressions;
}

/** "transmit.QM1.peakDepth was 480 messages, 100% above the median 240 of the last 5 runs (limit 300)". */
export function describeRegression(regression: Regression): string {
  const unit = regression.unit === 'seconds' ? ' s' : ' messages';
  const above = regression.median === 0 ? 'above' : `${Math.round(((regression.value - regression.median) / regression.median) * 100)}% above`;
  return `${regression.path} was ${formatNumber(regression.value)}${unit}, ${above} the median ${formatNumber(regression.median)}${unit} of the last ${regression.runs} runs (limit ${formatNumber(regression.limit)})`;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A figure as people read it: whole numbers as they are, others to three decimals without trailing zeros. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

import type { SuiteResult, Verdict } from '../checkers/result-document.ts';
import { chartId, renderChart } from './chart-embed.ts';
import { seriesColour, type TrendFigure } from './chart-figure.ts';
import { figureHistories, formatNumber, judgeFigure, scenarioKey, type FigureHistory, type RegressionPolicy } from './figure-regressions.ts';
import { escapeMarkup as esc } from './markup-escape.ts';
import type { RunFigure } from './run-figures.ts';
import { renderVerdictBadge } from './scenario-section.ts';

const UNIT_TITLES: Record<RunFigure['unit'], string> = { seconds: 'seconds', messages: 'messages' };

/**
 * The runs index's trends: per scenario, its figures across runs (one chart per unit, a red
 * triangle where a run regressed) and a table of the latest value against the median of the
 * runs before it, flagged when worse by more than the policy's margin.
 */
export function renderTrendsSection(runs: readonly SuiteResult[], policy: RegressionPolicy): string {
  const histories = figureHistories(runs);
  if (histories.size === 0) return '<section class="card"><h2>Trends</h2><p class="no-data">No runs yet.</p></section>';
  const cards = [...histories.entries()].map(([key, byPath]) => {
    const verdicts = verdictsOf(runs, key);
    const entries = [...byPath.entries()].filter(([, { history }]) => history.some((point) => point.value !== null));
    const judged = entries.map(([path, { unit, history }]) => ({ path, unit, history, flags: flagsOf(history, policy), latest: judgeLatest(history, policy) }));
    const runIds = scenarioRunIds(runs, key);
    const charts = (['seconds', 'messages'] as const)
      .map((unit) => trendFigure(key, unit, runIds, judged.filter((figure) => figure.unit === unit)))
      .filter((figure): figure is TrendFigure => figure !== null)
      .map(renderChart);
    const passed = verdicts.filter((verdict) => verdict === 'pass').length;
    return [
      `<div class="trend" data-scenario="${esc(key)}">`,
      `<h3>${esc(key)} <span class="muted">${passed}/${verdicts.length} runs passed; latest ${verdicts.length > 0 ? renderVerdictBadge(verdicts.at(-1)!) : ''}</span></h3>`,
      charts.length > 0 ? `<div class="trend-charts">${charts.join('\n')}</div>` : '<p class="no-data">No figure was measured in these runs.</p>',
      judged.length > 0 ? renderLatestTable(judged, policy) : '',
      '</div>',
    ].join('\n');
  });
  return [
    '<section class="card"><h2>Trends</h2>',
    `<p class="muted">A figure is flagged when the latest run is worse than the median of the scenario's last ${policy.window} runs by more than ${policy.marginPercent}% (at least ${policy.minimumRuns} earlier runs needed). Every figure here is better lower.</p>`,
    ...cards,
    '</section>',
  ].join('\n');
}

interface JudgedFigure {
  path: string;
  unit: RunFigure['unit'];
  history: FigureHistory;
  flags: boolean[];
  latest: ReturnType<typeof judgeLatest>;
}

function trendFigure(key: string, unit: RunFigure['unit'], runIds: readonly string[], figures: readonly JudgedFigure[]): TrendFigure | null {
  if (figures.length === 0) return null;
  return {
    kind: 'trend',
    id: chartId('trend', key, unit),
    title: `In ${UNIT_TITLES[unit]}, oldest run to newest`,
    runs: runIds.map(shortRunLabel),
    yTitle: UNIT_TITLES[unit],
    series: figures.map((figure, index) => ({
      label: figure.path,
      colour: seriesColour(index),
      values: alignTo(runIds, figure.history),
      flagged: alignFlags(runIds, figure.history, figure.flags),
    })),
  };
}

function renderLatestTable(figures: readonly JudgedFigure[], policy: RegressionPolicy): string {
  const rows = figures.map((figure) => {
    const latest = figure.history.at(-1)?.value ?? null;
    const judged = figure.latest;
    const status = judged === null
      ? `<td class="muted">fewer than ${policy.minimumRuns} earlier runs</td>`
      : judged.regressed
        ? `<td class="regression">\u25b2 regression: above the limit ${esc(formatNumber(judged.limit))}</td>`
        : '<td class="steady">within the margin</td>';
    return `<tr${judged?.regressed ? ' class="regressed"' : ''}><td><code>${esc(figure.path)}</code></td><td class="count">${latest === null ? '\u2014' : esc(formatNumber(latest))}</td><td class="count">${judged === null ? '\u2014' : esc(formatNumber(judged.median))}</td>${status}</tr>`;
  });
  return [
    '<table class="trend-table"><thead><tr><th>Figure</th><th>Latest</th><th>Median before</th><th>Regression check</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** For each run, whether its value regressed against the runs before it. */
function flagsOf(history: FigureHistory, policy: RegressionPolicy): boolean[] {
  return history.map((point, index) => judgeFigure(point.value, history.slice(0, index).map((earlier) => earlier.value), policy)?.regressed ?? false);
}

function judgeLatest(history: FigureHistory, policy: RegressionPolicy) {
  if (history.length === 0) return null;
  return judgeFigure(history.at(-1)!.value, history.slice(0, -1).map((point) => point.value), policy);
}

function alignTo(runIds: readonly string[], history: FigureHistory): Array<number | null> {
  const byRun = new Map(history.map((point) => [point.runId, point.value]));
  return runIds.map((runId) => byRun.get(runId) ?? null);
}

function alignFlags(runIds: readonly string[], history: FigureHistory, flags: readonly boolean[]): boolean[] {
  const byRun = new Map(history.map((point, index) => [point.runId, flags[index] ?? false]));
  return runIds.map((runId) => byRun.get(runId) ?? false);
}

function verdictsOf(runs: readonly SuiteResult[], key: string): Verdict[] {
  return runs.flatMap((run) => run.scenarios.filter((scenario) => scenarioKey(run.suite, scenario.scenario) === key).map((scenario) => scenario.verdict));
}

function scenarioRunIds(runs: readonly SuiteResult[], key: string): string[] {
  return runs.filter((run) => run.scenarios.some((scenario) => scenarioKey(run.suite, scenario.scenario) === key)).map((run) => run.runId);
}

/** Run ids start with their UTC stamp (20261206-034114-…): "12-06 03:41:14"; others as they are. */
function shortRunLabel(runId: string): string {
  const stamp = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId);
  return stamp ? `${stamp[2]}-${stamp[3]} ${stamp[4]}:${stamp[5]}:${stamp[6]}` : runId;
}

import { describeExitCode, exitCodeFor } from '../checkers/exit-code.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import { escapeMarkup as esc } from './markup-escape.ts';
import { chartScripts } from './chart-library.ts';
import { REPORT_CSS } from './report-styles.ts';
import { renderSuiteConformanceSection } from './conformance-section.ts';
import { renderScenarioSection, scenarioAnchor, renderVerdictBadge, type ScenarioExtras } from './scenario-section.ts';
import { noVerdictReasons, recoveryProblem } from './verdict-words.ts';

/**
 * The run's self-contained HTML report: inline CSS, the charting library inlined
 * (chart-library.ts), nothing fetched, so it opens from file:// anywhere.
 * `extras` adds, per scenario name, its definition and probe series; without them the report
 * still shows every verdict and finding.
 */
export function renderHtmlReport(result: SuiteResult, extras: ReadonlyMap<string, ScenarioExtras> = new Map()): string {
  const title = `mqchaos \u00b7 ${result.suite} \u00b7 ${result.runId}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    renderHeader(result),
    '<main>',
    renderOverview(result),
    renderSuiteConformanceSection(result.conformance),
    ...result.scenarios.map((scenario) =>
      renderScenarioSection(scenario, extras.get(scenario.scenario) ?? { series: [] }),
    ),
    '</main>',
    `<footer>mqchaos result document schema version ${result.schemaVersion}; all times UTC. Machine-readable: result.json, junit.xml. Charts drawn with Chart.js (MIT).</footer>`,
    chartScripts(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderHeader(result: SuiteResult): string {
  const code = exitCodeFor(result);
  const durationSeconds = (Date.parse(result.endedAt) - Date.parse(result.startedAt)) / 1000;
  const duration = Number.isFinite(durationSeconds) ? `${durationSeconds.toFixed(1)} s` : '\u2014';
  const banner = result.estateDirty
    ? '<div class="banner">A recovery failed: the estate may be left faulted. Check it before running anything else against it.</div>'
    : '';
  return [
    '<header class="run">',
    '<div class="brand">mqchaos run report</div>',
    `<h1>Suite ${esc(result.suite)}</h1>`,
    '<dl>',
    `<div><dt>Run</dt><dd>${esc(result.runId)}</dd></div>`,
    `<div><dt>Started</dt><dd>${esc(result.startedAt)}</dd></div>`,
    `<div><dt>Ended</dt><dd>${esc(result.endedAt)}</dd></div>`,
    `<div><dt>Duration</dt><dd>${esc(duration)}</dd></div>`,
    `<div><dt>Scenarios</dt><dd>${result.scenarios.length}</dd></div>`,
    '</dl>',
    `<div class="overall">${renderVerdictBadge(result.verdict)} <span>exit code ${code}: ${esc(describeExitCode(code))}</span></div>`,
    banner,
    '</header>',
  ].join('\n');
}

function renderOverview(result: SuiteResult): string {
  if (result.scenarios.length === 0) {
    return '<section class="card"><h2>Verdicts</h2><p class="no-data">The suite has no scenarios, so there is no verdict.</p></section>';
  }
  const rows = result.scenarios.map((scenario) => {
    const seconds = scenario.failover.instanceFailoverSeconds;
    return [
      '<tr>',
      `<td><a href="#${esc(scenarioAnchor(scenario.scenario))}">${esc(scenario.scenario)}</a></td>`,
      `<td>${renderVerdictBadge(scenario.verdict)}</td>`,
      `<td class="time">${seconds === null ? '\u2014' : esc(seconds.toFixed(3))}</td>`,
      `<td>${scenario.recovery.ok ? 'restored' : '<strong>not restored</strong>'}</td>`,
      `<td>${esc(headline(scenario))}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<section class="card"><h2>Verdicts</h2>',
    '<table class="overview"><thead><tr><th>Scenario</th><th>Verdict</th><th>Failover s</th><th>Estate</th><th>Finding</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/** The one line that best explains a scenario's verdict. */
function headline(scenario: ScenarioResult): string {
  const notes = [...scenario.expectation.failures, ...noVerdictReasons(scenario)];
  const recovery = recoveryProblem(scenario);
  if (recovery) notes.push(recovery);
  if (notes.length === 0) return 'every expectation held';
  return notes.length === 1 ? notes[0]! : `${notes[0]} (and ${notes.length - 1} more)`;
}

import type { ScenarioResult, TimelineEvent } from '../checkers/result-document.ts';
import type { ScenarioSpec } from '../suites/suite-model.ts';
import { buildExpectationRows } from './expectation-rows.ts';
import { renderScenarioConformance } from './conformance-section.ts';
import { renderHealthSection } from './health-section.ts';
import { renderMessagesSection } from './messages-section.ts';
import { escapeMarkup as esc } from './markup-escape.ts';
import { isClusterResult, renderScenarioCharts, type ScenarioChartData } from './scenario-charts.ts';
import { formatRelativeSeconds } from './scenario-time-axis.ts';
import { describeHarness, noVerdictReasons, recoveryProblem, verdictLabel } from './verdict-words.ts';

/** What the report knows about a scenario beyond its result: its definition and what its charts draw. */
export interface ScenarioExtras extends ScenarioChartData {
  spec?: ScenarioSpec;
}

export function scenarioAnchor(scenario: string): string {
  return `scenario-${scenario.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function renderVerdictBadge(verdict: ScenarioResult['verdict']): string {
  return `<span class="badge ${esc(verdict)}">${esc(verdictLabel(verdict))}</span>`;
}

/** One scenario's card: verdict, findings in words, expected vs measured, phases, chart, events, recovery. */
export function renderScenarioSection(result: ScenarioResult, extras: ScenarioExtras): string {
  const anchor = scenarioAnchor(result.scenario);
  return [
    `<section class="card scenario" id="${esc(anchor)}">`,
    `<h2>${renderVerdictBadge(result.verdict)} ${esc(result.scenario)}</h2>`,
    extras.spec?.description ? `<p class="description">${esc(extras.spec.description)}</p>` : '',
    renderFacts(result),
    renderFindings(result),
    renderExpectationTable(result, extras.spec),
    isClusterResult(result) ? '' : renderPhases(result),
    renderMessagesSection(result),
    renderScenarioConformance(result),
    renderHealthSection(result),
    renderScenarioCharts(result, extras),
    renderEvents(result),
    renderRecovery(result),
    '</section>',
  ].join('\n');
}

function renderFacts(result: ScenarioResult): string {
  const target = result.fault.target ? ` <code>${esc(JSON.stringify(result.fault.target))}</code>` : '';
  return [
    '<dl class="facts">',
    `<dt>Queue manager</dt><dd><code>${esc(result.queueManager)}</code></dd>`,
    `<dt>Fault</dt><dd><code>${esc(result.fault.kind)}</code>${target}</dd>`,
    `<dt>Harness</dt><dd>${esc(describeHarness(result.harnessStatus))}</dd>`,
    `<dt>Expectation</dt><dd><code>${esc(result.expectation.source)}</code></dd>`,
    '</dl>',
  ].join('\n');
}

function renderFindings(result: ScenarioResult): string {
  const parts: string[] = [];
  const { failures } = result.expectation;
  if (failures.length > 0) {
    parts.push('<h3>Expectation failures</h3>', list('failures', failures));
  }
  const reasons = noVerdictReasons(result);
  if (reasons.length > 0) parts.push('<h3>Why there is no verdict</h3>', list('missing', reasons));
  const recovery = recoveryProblem(result);
  if (recovery) parts.push('<h3>Estate</h3>', list('failures', [recovery]));
  return parts.join('\n');
}

function list(kind: 'failures' | 'missing', items: readonly string[]): string {
  return `<ul class="findings ${kind}">${items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
}

function renderExpectationTable(result: ScenarioResult, spec: ScenarioSpec | undefined): string {
  if (!spec) return '';
  const rows = buildExpectationRows(result, spec.expect);
  if (rows.length === 0) return '';
  const marks = { ok: '\u2713 ok', failed: '\u2717 failed', 'not measured': '? not measured' } as const;
  const body = rows.map((row) => {
    const status = row.status.replace(' ', '-');
    return `<tr class="status-${status}"><td><code>${esc(row.path)}</code></td><td class="expected">${esc(row.expected)}</td><td class="observed">${esc(row.observed)}</td><td class="ok ok-${status}">${marks[row.status]}</td></tr>`;
  });
  return [
    '<h3>Expected vs measured</h3>',
    '<table class="expectations"><thead><tr><th>Measurement</th><th>Expected</th><th>Observed</th><th>Held</th></tr></thead>',
    `<tbody>${body.join('\n')}</tbody></table>`,
  ].join('\n');
}

function renderPhases(result: ScenarioResult): string {
  const f = result.failover;
  const faultMs = f.faultAt === null ? null : Date.parse(f.faultAt);
  const when = (at: string | null) => {
    if (at === null) return '<span class="no-data">not seen</span>';
    const offset = faultMs === null ? '' : ` (${formatRelativeSeconds((Date.parse(at) - faultMs) / 1000)} s)`;
    return `<code>${esc(at)}</code>${esc(offset)}`;
  };
  const host = (name: string | null) => (name === null ? '<span class="no-data">unknown</span>' : `<code>${esc(name)}</code>`);
  const seconds = f.instanceFailoverSeconds === null ? '<span class="no-data">not measured</span>' : `<strong>${f.instanceFailoverSeconds.toFixed(3)} s</strong>`;
  return [
    '<h3>Failover</h3>',
    '<dl class="facts">',
    `<dt>Active before the fault</dt><dd>${host(f.oldActiveHost)}</dd>`,
    `<dt>Fault injected</dt><dd>${when(f.faultAt)}</dd>`,
    `<dt>Old instance seen ended</dt><dd>${when(f.oldInstanceEndedAt)}</dd>`,
    `<dt>New instance seen active</dt><dd>${host(f.newActiveHost)} ${f.newInstanceActiveAt === null ? '' : when(f.newInstanceActiveAt)}</dd>`,
    `<dt>Instance failover</dt><dd>${seconds} <span class="no-data">(probe every ${esc(f.probeIntervalMs)} ms)</span></dd>`,
    '</dl>',
  ].join('\n');
}

function renderEvents(result: ScenarioResult): string {
  if (result.events.length === 0) return '<h3>Timeline</h3><p class="no-data">No events were recorded.</p>';
  const faultMs = result.failover.faultAt === null ? null : Date.parse(result.failover.faultAt);
  const rows = result.events.map((event: TimelineEvent) => {
    const offset = faultMs === null ? '' : `${formatRelativeSeconds((Date.parse(event.at) - faultMs) / 1000)} s`;
    return `<tr><td class="time">${esc(offset)}</td><td class="time">${esc(event.at.slice(11, 23))}</td><td><span class="kind ${esc(event.kind)}">${esc(event.kind)}</span></td><td>${esc(event.host ?? '')}</td><td>${esc(event.summary)}</td></tr>`;
  });
  return [
    '<h3>Timeline</h3>',
    '<table class="events"><thead><tr><th>From fault</th><th>UTC</th><th>Kind</th><th>Host</th><th>What happened</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function renderRecovery(result: ScenarioResult): string {
  const { recovery } = result;
  const state = recovery.ok ? '<span class="badge pass">RESTORED</span>' : '<span class="badge fail">NOT RESTORED</span>';
  const actions = recovery.actions.length === 0 ? '<p class="no-data">No restore actions were needed.</p>' : `<ol>${recovery.actions.map((action) => `<li><code>${esc(action)}</code></li>`).join('')}</ol>`;
  const error = recovery.error ? `<p class="findings failures">${esc(recovery.error)}</p>` : '';
  return ['<h3>Recovery</h3>', `<p>${state}</p>`, actions, error].join('\n');
}

import type { ConformanceReport } from '../checkers/conformance-facts.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { escapeMarkup as esc } from './markup-escape.ts';

const MARKS = { pass: '\u2713', fail: '\u2717', unknown: '?' } as const;

/** The conformance checks as a table: one row per check and node, its verdict, and each failed or unread fact in words. */
export function renderConformanceTable(report: ConformanceReport): string {
  const rows = report.lines.map((line) => {
    const words = [...line.failures, ...line.missing].map((text) => esc(text)).join('<br>') || '\u2014';
    const node = line.role ? `${line.node} (${line.role})` : line.node;
    return `<tr class="verdict-${line.verdict}"><td>${MARKS[line.verdict]}</td><td>${esc(line.check)}</td><td>${esc([line.queueManager, node].filter(Boolean).join(' '))}</td><td>${esc(line.title)}</td><td>${words}</td></tr>`;
  });
  const skipped = report.notApplicable.map((item) => `<li>${esc(item.check)}: ${esc(item.reason)}</li>`).join('');
  return [
    `<p>Conformance: <strong>${esc(report.verdict)}</strong> \u2014 ${report.lines.filter((l) => l.verdict === 'pass').length} of ${report.lines.length} checks hold.</p>`,
    '<table><thead><tr><th></th><th>Check</th><th>Node</th><th>Prerequisite</th><th>Facts that failed</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    skipped ? `<p>Not checked:</p><ul>${skipped}</ul>` : '',
  ].join('\n');
}

/** The suite's conformance checks, run before its scenarios. */
export function renderSuiteConformanceSection(report: ConformanceReport | undefined): string {
  if (!report) return '';
  return ['<section class="card"><h2>Conformance</h2>', renderConformanceTable(report), '</section>'].join('\n');
}

/** A scenario's `requires: conformance` gate, as its preflight recorded it on the timeline. */
export function renderScenarioConformance(result: ScenarioResult): string {
  const recorded = result.events.find((event) => event.kind === 'observation' && event.detail?.conformance !== undefined);
  if (!recorded) return '';
  return ['<h3>Conformance before the fault</h3>', renderConformanceTable(recorded.detail!.conformance as ConformanceReport)].join('\n');
}

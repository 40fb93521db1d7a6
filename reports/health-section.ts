import type { ScenarioResult } from '../checkers/result-document.ts';
import { escapeMarkup as esc } from './markup-escape.ts';

/** The scenario's health checks: when each was healthy again after the fault, and what it saw while it was not. */
export function renderHealthSection(result: ScenarioResult): string {
  const checks = Object.entries(result.health ?? {});
  if (checks.length === 0) return '';
  const rows = checks.map(([name, check]) => {
    const codes = Object.entries(check.reasonCodes)
      .map(([code, count]) => `${esc(code)} \u00d7${count}`)
      .join(', ');
    const healthy = check.timeToHealthySeconds === null ? '<strong>never</strong>' : `${check.timeToHealthySeconds} s`;
    return `<tr><td>${esc(name)}</td><td>${healthy}</td><td>${check.attempts}</td><td>${codes || '\u2014'}</td><td>${esc(check.lastError ?? '\u2014')}</td></tr>`;
  });
  return [
    '<h3>Health after the fault</h3>',
    '<table><thead><tr><th>Check</th><th>Healthy after</th><th>Attempts</th><th>Reason codes seen</th><th>Last failure</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

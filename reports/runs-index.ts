import { readdir } from 'node:fs/promises';
import type { SuiteResult, Verdict } from '../checkers/result-document.ts';
import { writeFileAtomically } from '../records/atomic-write.ts';
import { readSuiteResult } from '../records/result-files.ts';
import { runFolder, runsIndexFile } from '../records/run-layout.ts';
import { escapeMarkup as esc } from './markup-escape.ts';
import { REPORT_CSS } from './report-styles.ts';
import { renderVerdictBadge } from './scenario-section.ts';

interface RunEntry {
  dir: string;
  result: SuiteResult;
}

const VERDICTS: readonly string[] = ['pass', 'fail', 'unknown'];

/**
 * Whether what a result.json holds has the shape the index reads (run folders are plain
 * files anyone can write: what does not fit is left out, never rendered).
 */
export function isIndexableResult(value: unknown): value is SuiteResult {
  const result = value as Partial<SuiteResult> | null;
  if (typeof result !== 'object' || result === null || result.schemaVersion !== 1) return false;
  if (typeof result.runId !== 'string' || typeof result.suite !== 'string' || typeof result.startedAt !== 'string') return false;
  if (Number.isNaN(Date.parse(result.startedAt)) || !VERDICTS.includes(result.verdict as string) || typeof result.estateDirty !== 'boolean') return false;
  if (!Array.isArray(result.scenarios)) return false;
  return result.scenarios.every((scenario: unknown) => {
    const s = scenario as Partial<SuiteResult['scenarios'][number]> | null;
    if (typeof s !== 'object' || s === null || typeof s.scenario !== 'string' || !VERDICTS.includes(s.verdict as string)) return false;
    const seconds = (s.failover as { instanceFailoverSeconds?: unknown } | undefined)?.instanceFailoverSeconds;
    return seconds === null || (typeof seconds === 'number' && Number.isFinite(seconds));
  });
}

/** Every run folder under `runsDir` that holds a readable, well-formed result.json, oldest first. */
export async function readRuns(runsDir: string): Promise<RunEntry[]> {
  const names = await readdir(runsDir, { withFileTypes: true }).catch(() => []);
  const runs: RunEntry[] = [];
  for (const entry of names) {
    if (!entry.isDirectory()) continue;
    try {
      const result = await readSuiteResult(runFolder(runsDir, entry.name));
      if (isIndexableResult(result)) runs.push({ dir: entry.name, result });
    } catch {
      // A run still in progress or an unrelated folder: not part of the index.
    }
  }
  return runs.sort((a, b) => a.result.startedAt.localeCompare(b.result.startedAt));
}

const VERDICT_COLOUR: Record<Verdict, string> = { pass: '#1b7a3a', fail: '#b42318', unknown: '#8a6d00' };

/** One scenario's failover seconds across runs, as an inline SVG: a line with a dot per run coloured by verdict. */
function renderTrend(points: Array<{ seconds: number | null; verdict: Verdict; runId: string }>): string {
  const width = 220;
  const height = 44;
  const measured = points.map((p) => p.seconds).filter((s): s is number => s !== null);
  if (measured.length === 0) return '<span class="muted">no measurements</span>';
  const max = Math.max(...measured) || 1;
  const step = points.length > 1 ? (width - 12) / (points.length - 1) : 0;
  const xy = (seconds: number, index: number) => [6 + index * step, height - 6 - (seconds / max) * (height - 12)] as const;
  const line = points
    .map((p, i) => (p.seconds === null ? null : xy(p.seconds, i)))
    .filter((p): p is readonly [number, number] => p !== null)
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
  const dots = points
    .map((p, i) => {
      if (p.seconds === null) return '';
      const [x, y] = xy(p.seconds, i);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${esc(VERDICT_COLOUR[p.verdict])}"><title>${esc(p.runId)}: ${esc(p.seconds)} s (${esc(p.verdict)})</title></circle>`;
    })
    .join('');
  return `<svg width="${width}" height="${height}" role="img" aria-label="failover seconds across runs, highest ${esc(max)} s"><polyline points="${line}" fill="none" stroke="#5b6b7f" stroke-width="1.5"/>${dots}</svg> <span class="muted">max ${esc(max)} s</span>`;
}

export function renderRunsIndex(runs: readonly RunEntry[]): string {
  const trends = new Map<string, Array<{ seconds: number | null; verdict: Verdict; runId: string }>>();
  for (const { result } of runs) {
    for (const scenario of result.scenarios) {
      const key = `${result.suite} / ${scenario.scenario}`;
      const series = trends.get(key) ?? [];
      series.push({ seconds: scenario.failover.instanceFailoverSeconds, verdict: scenario.verdict, runId: result.runId });
      trends.set(key, series);
    }
  }
  const trendRows = [...trends.entries()]
    .map(([key, series]) => {
      const passed = series.filter((p) => p.verdict === 'pass').length;
      return `<tr><td>${esc(key)}</td><td>${series.length}</td><td>${passed}/${series.length}</td><td>${renderTrend(series)}</td></tr>`;
    })
    .join('\n');
  const runRows = [...runs]
    .reverse()
    .map(({ dir, result }) => {
      const failovers = result.scenarios
        .map((s) => `${esc(s.scenario)}: ${esc(s.failover.instanceFailoverSeconds ?? '\u2014')}`)
        .join('<br>');
      return `<tr><td><a href="${esc(encodeURIComponent(dir))}/index.html">${esc(result.runId)}</a></td><td>${esc(result.suite)}</td><td>${esc(result.startedAt)}</td><td>${renderVerdictBadge(result.verdict)}${result.estateDirty ? ' <strong>estate dirty</strong>' : ''}</td><td>${failovers}</td></tr>`;
    })
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>mqchaos runs</title><style>${REPORT_CSS}</style></head><body>`,
    `<header class="run"><div class="brand">mqchaos</div><h1>Runs</h1><dl><div><dt>Runs</dt><dd>${runs.length}</dd></div></dl></header>`,
    '<main>',
    '<section class="card"><h2>Trends</h2><table><thead><tr><th>Suite / scenario</th><th>Runs</th><th>Passed</th><th>Instance failover seconds, oldest to newest</th></tr></thead>',
    `<tbody>${trendRows}</tbody></table></section>`,
    '<section class="card"><h2>Runs, newest first</h2><table><thead><tr><th>Run</th><th>Suite</th><th>Started (UTC)</th><th>Verdict</th><th>Failover s</th></tr></thead>',
    `<tbody>${runRows}</tbody></table></section>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** Rewrites `<runsDir>/index.html` from every run's result.json. */
export async function writeRunsIndex(runsDir: string): Promise<void> {
  await writeFileAtomically(runsIndexFile(runsDir), renderRunsIndex(await readRuns(runsDir)));
}

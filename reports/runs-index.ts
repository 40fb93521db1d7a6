import { readdir } from 'node:fs/promises';
import type { SuiteResult } from '../checkers/result-document.ts';
import { writeFileAtomically } from '../records/atomic-write.ts';
import { readSuiteResult } from '../records/result-files.ts';
import { runFolder, runsIndexFile } from '../records/run-layout.ts';
import { escapeMarkup as esc } from './markup-escape.ts';
import { chartScripts } from './chart-library.ts';
import { DEFAULT_REGRESSION_POLICY, describeRegression, findRegressions, type RegressionPolicy } from './figure-regressions.ts';
import { REPORT_CSS } from './report-styles.ts';
import { renderTrendsSection } from './runs-trends-section.ts';
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

/**
 * The index of every run in a folder: regressions of each suite's latest run at the top, the
 * trends of every scenario's figures (charts inlined, like the run reports), then the runs.
 */
export function renderRunsIndex(runs: readonly RunEntry[], policy: RegressionPolicy = DEFAULT_REGRESSION_POLICY): string {
  const results = runs.map((run) => run.result);
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
    renderLatestRegressions(results, policy),
    renderTrendsSection(results, policy),
    '<section class="card"><h2>Runs, newest first</h2><table><thead><tr><th>Run</th><th>Suite</th><th>Started (UTC)</th><th>Verdict</th><th>Failover s</th></tr></thead>',
    `<tbody>${runRows}</tbody></table></section>`,
    '</main>',
    chartScripts(),
    '</body></html>',
    '',
  ].join('\n');
}

/** Rewrites `<runsDir>/index.html` from every run's result.json. */
export async function writeRunsIndex(runsDir: string, policy: RegressionPolicy = DEFAULT_REGRESSION_POLICY): Promise<void> {
  await writeFileAtomically(runsIndexFile(runsDir), renderRunsIndex(await readRuns(runsDir), policy));
}

/** Each suite's latest run against the runs before it: the regressions in words, or that there are none. */
function renderLatestRegressions(results: readonly SuiteResult[], policy: RegressionPolicy): string {
  const latestBySuite = new Map<string, SuiteResult>();
  for (const result of results) latestBySuite.set(result.suite, result);
  const regressions = [...latestBySuite.values()].flatMap((latest) => findRegressions(latest, results.slice(0, results.indexOf(latest)), policy));
  if (regressions.length === 0) return '';
  const items = regressions.map((regression) => `<li><strong>${esc(regression.suite)} / ${esc(regression.scenario)}</strong>: ${esc(describeRegression(regression))}</li>`);
  return `<section class="card regressions"><h2>Regressions in the latest runs</h2><ul class="findings failures">${items.join('')}</ul></section>`;
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { chartScripts } from './chart-library.ts';
import { readRuns, renderRunsIndex, writeRunsIndex } from './runs-index.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function suiteResult(runId: string, startedAt: string, seconds: number | null, verdict: 'pass' | 'fail' | 'unknown'): SuiteResult {
  return {
    schemaVersion: 1,
    runId,
    suite: 'mi-kill-active',
    startedAt,
    endedAt: startedAt,
    verdict,
    estateDirty: false,
    scenarios: [
      {
        scenario: 'kill-active-qm1',
        verdict,
        failover: { instanceFailoverSeconds: seconds },
      } as SuiteResult['scenarios'][number],
    ],
  };
}

function runsFolder(results: SuiteResult[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mqchaos-runs-'));
  folders.push(dir);
  for (const result of results) {
    mkdirSync(join(dir, result.runId));
    writeFileSync(join(dir, result.runId, 'result.json'), JSON.stringify(result));
  }
  mkdirSync(join(dir, 'in-progress'));
  return dir;
}

describe('runs index', () => {
  it('runs index - reads finished runs oldest first and skips folders without a result', async () => {
    const dir = runsFolder([
      suiteResult('run-b', '2026-11-21T03:00:00.000Z', 2.1, 'fail'),
      suiteResult('run-a', '2026-11-20T03:00:00.000Z', 1.4, 'pass'),
    ]);
    expect((await readRuns(dir)).map((r) => r.result.runId)).toEqual(['run-a', 'run-b']);
  });

  it('runs index - lists runs newest first with links and charts each scenario\'s figures across runs', async () => {
    const dir = runsFolder([
      suiteResult('run-a', '2026-11-20T03:00:00.000Z', 1.4, 'pass'),
      suiteResult('run-b', '2026-11-21T03:00:00.000Z', null, 'unknown'),
      suiteResult('run-c', '2026-11-22T03:00:00.000Z', 2.1, 'fail'),
    ]);
    await writeRunsIndex(dir);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html.indexOf('run-c/index.html')).toBeLessThan(html.indexOf('run-a/index.html'));
    expect(html).toContain('mi-kill-active / kill-active-qm1');
    expect(html).toContain('1/3 runs passed');
    const island = /<script type="application\/json" id="trend-mi-kill-active___kill-active-qm1-seconds-data">([^<]*)<\/script>/.exec(html)!;
    const config = JSON.parse(island[1]!).config;
    expect(config.data.labels).toEqual(['run-a', 'run-b', 'run-c']);
    expect(config.data.datasets[0].label).toBe('failover.instanceFailoverSeconds');
    expect(config.data.datasets[0].data).toEqual([1.4, null, 2.1]);
    expect(html).toContain(chartScripts());
  });

  it('runs index - the latest run worse than the median of the runs before it by more than the margin is flagged at the top and in its table', () => {
    const runs = [1.0, 1.2, 1.1, 1.0, 2.0].map((seconds, index) => ({ dir: `r${index}`, result: suiteResult(`r${index}`, `2026-11-2${index}T03:00:00.000Z`, seconds, 'pass') }));
    const html = renderRunsIndex(runs, { window: 5, marginPercent: 25, minimumRuns: 3 });
    expect(html).toContain('<h2>Regressions in the latest runs</h2>');
    expect(html).toContain('failover.instanceFailoverSeconds was 2 s, 90% above the median 1.05 s of the last 4 runs (limit 1.313)');
    expect(html).toContain('<tr class="regressed"><td><code>failover.instanceFailoverSeconds</code></td><td class="count">2</td><td class="count">1.05</td><td class="regression">');
  });

  it('runs index - within the margin nothing is flagged', () => {
    const runs = [1.0, 1.2, 1.1, 1.0, 1.3].map((seconds, index) => ({ dir: `r${index}`, result: suiteResult(`r${index}`, `2026-11-2${index}T03:00:00.000Z`, seconds, 'pass') }));
    const html = renderRunsIndex(runs, { window: 5, marginPercent: 25, minimumRuns: 3 });
    expect(html).not.toContain('Regressions in the latest runs');
    expect(html).toContain('<td class="steady">within the margin</td>');
  });

  it('runs index - a scenario never measured says so instead of drawing', () => {
    const html = renderRunsIndex([{ dir: 'r', result: suiteResult('r', '2026-11-20T03:00:00.000Z', null, 'unknown') }]);
    expect(html).toContain('No figure was measured in these runs.');
  });

  it('runs index - planted markup in a result.json is escaped wherever the index shows it', async () => {
    const planted = '<img src=x onerror=alert(1)>';
    const result = suiteResult(`run-${planted}`, '2026-11-20T03:00:00.000Z', 1.4, 'pass');
    result.suite = `suite"><script>alert(2)</script>`;
    result.scenarios[0]!.scenario = `scenario${planted}`;
    const dir = runsFolder([]);
    mkdirSync(join(dir, 'planted&"dir'));
    writeFileSync(join(dir, 'planted&"dir', 'result.json'), JSON.stringify(result));
    await writeRunsIndex(dir);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('run-&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('suite&quot;&gt;&lt;script&gt;');
    // The inlined charting library and the charts' JSON data islands are the page's only scripts; an island holds no '<' at all.
    const islands = [...html.matchAll(/<script type="application\/json" id="[^"]*">([^<]*)<\/script>/g)];
    expect(islands.length).toBeGreaterThan(0);
    expect(islands.some((island) => island[1]!.includes('\\u003cimg'))).toBe(true);
    const page = html.replace(chartScripts(), '').replace(/<script type="application\/json" id="[^"]*">[^<]*<\/script>/g, '');
    expect(page).not.toMatch(/<img|<script/);
    expect(html).toContain('href="planted%26%22dir/index.html"');
  });

  it('runs index - a result.json whose values are not what the index reads is left out, not rendered', async () => {
    const good = suiteResult('run-good', '2026-11-20T03:00:00.000Z', 1.4, 'pass');
    const badVerdict = { ...suiteResult('run-verdict', '2026-11-21T03:00:00.000Z', 1.4, 'pass'), verdict: 'pass"><img src=x onerror=alert(1)>' };
    const badSeconds = suiteResult('run-seconds', '2026-11-22T03:00:00.000Z', 1.4, 'pass');
    (badSeconds.scenarios[0]!.failover as { instanceFailoverSeconds: unknown }).instanceFailoverSeconds = '<img src=x onerror=alert(3)>';
    const badDate = suiteResult('run-date', 'yesterday', 1.4, 'pass');
    const dir = runsFolder([good, badVerdict as SuiteResult, badSeconds, badDate]);
    writeFileSync(join(dir, 'in-progress', 'result.json'), '{"schemaVersion":1,');
    expect((await readRuns(dir)).map((r) => r.result.runId)).toEqual(['run-good']);
    await writeRunsIndex(dir);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain('onerror');
    expect(html).toContain('run-good');
  });
});

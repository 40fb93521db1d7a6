import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
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

  it('runs index - lists runs newest first with links and draws one trend per scenario', async () => {
    const dir = runsFolder([
      suiteResult('run-a', '2026-11-20T03:00:00.000Z', 1.4, 'pass'),
      suiteResult('run-b', '2026-11-21T03:00:00.000Z', null, 'unknown'),
      suiteResult('run-c', '2026-11-22T03:00:00.000Z', 2.1, 'fail'),
    ]);
    await writeRunsIndex(dir);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html.indexOf('run-c/index.html')).toBeLessThan(html.indexOf('run-a/index.html'));
    expect(html).toContain('mi-kill-active / kill-active-qm1');
    expect(html).toContain('1/3');
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html).toContain('run-c: 2.1 s (fail)');
  });

  it('runs index - a scenario never measured says so instead of drawing', () => {
    const html = renderRunsIndex([{ dir: 'r', result: suiteResult('r', '2026-11-20T03:00:00.000Z', null, 'unknown') }]);
    expect(html).toContain('no measurements');
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
    expect(html).not.toMatch(/<img|<script/);
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

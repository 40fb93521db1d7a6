import { describe, expect, it } from 'vitest';
import { instanceStateSeries } from '../checkers/failover-phases.ts';
import { renderHtmlReport } from './html-report.ts';
import { fixtureRecordings, fixtureResult, fixtureSuite, HOSTILE_TEXT } from '../test/support/run-fixtures.ts';
import type { ScenarioExtras } from './scenario-section.ts';
import { chartScripts } from './chart-library.ts';
import { clusterObservations, clusterSuiteResult } from '../test/support/cluster-run-fixtures.ts';

function renderFixture(): string {
  const suite = fixtureSuite();
  const extras = new Map<string, ScenarioExtras>(
    fixtureRecordings().map((recording) => [
      recording.scenario,
      { series: instanceStateSeries(recording.samples), spec: suite.scenarios.find((s) => s.name === recording.scenario)! },
    ]),
  );
  return renderHtmlReport(fixtureResult(), extras);
}

describe('renderHtmlReport', () => {
  const html = renderFixture();

  it('renderHtmlReport - the header gives suite, run, overall verdict and what the exit code means', () => {
    expect(html).toContain('<h1>Suite multi-instance</h1>');
    expect(html).toContain('run-20261121-1000');
    expect(html).toContain('<div class="overall"><span class="badge fail">FAIL</span> <span>exit code 1: an expectation failed</span></div>');
  });

  it('renderHtmlReport - each scenario has its verdict badge', () => {
    expect(html).toContain('<h2><span class="badge pass">PASS</span> kill-active</h2>');
    expect(html).toContain('<h2><span class="badge fail">FAIL</span> kill-active-strict</h2>');
    expect(html).toContain('<h2><span class="badge unknown">NO VERDICT</span> standby-stuck</h2>');
  });

  it('renderHtmlReport - failures and missing measurements are in plain words', () => {
    expect(html).toContain('<li>failover.instanceFailoverSeconds was 2.3, must be at most 1</li>');
    expect(html).toContain('<li>failover.instanceFailoverSeconds was not measured</li>');
  });

  it('renderHtmlReport - expected vs measured shows source, observed and whether it held', () => {
    expect(html).toContain(
      '<tr class="status-failed"><td><code>failover.instanceFailoverSeconds</code></td><td class="expected">≤ 1, number</td><td class="observed">2.3</td><td class="ok ok-failed">✗ failed</td></tr>',
    );
    expect(html).toContain('<td class="observed">not measured</td><td class="ok ok-not-measured">? not measured</td>');
    expect(html).toContain('<td class="ok ok-ok">✓ ok</td>');
    expect(html).not.toContain('<td><code>failover</code></td>');
  });

  it('renderHtmlReport - each sampled scenario has an instance-state chart whose data island holds its lanes', () => {
    const islands = [...html.matchAll(/<script type="application\/json" id="(instances-[^"]+)-data">([^<]*)<\/script>/g)];
    expect(islands.map((match) => match[1])).toEqual(['instances-kill-active', 'instances-kill-active-strict', 'instances-standby-stuck']);
    const lanes = JSON.parse(islands[0]![2]!).config.data.labels;
    expect(lanes).toEqual(['mq1', 'mq2']);
    for (const match of islands) expect(html).toContain(`<canvas id="${match[1]}" data-chart`);
  });

  it('renderHtmlReport - the event timeline and the recovery actions are tables of words', () => {
    expect(html).toContain('<td>mq2 reports Active</td>');
    expect(html).toContain('<li><code>strmqm -x QM1 on mq1</code></li>');
  });

  it('renderHtmlReport - is self-contained: the charting library inlined once, only data islands besides, nothing fetched', () => {
    expect(html.split(chartScripts()).length).toBe(2);
    const page = html.replace(chartScripts(), '');
    expect(page).not.toMatch(/<script(?! type="application\/json")|<link|src=|@import|https?:\/\//);
    expect(chartScripts()).toContain('Released under the MIT License');
  });

  it('renderHtmlReport - every text from the estate or the suite is escaped', () => {
    expect(html).not.toContain(HOSTILE_TEXT);
    expect(html).toContain('Kill the active instance &lt;script&gt;');
    expect(html).toContain('kill -9 on mq1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('renderHtmlReport - a dirty estate is announced at the top', () => {
    const recordings = fixtureRecordings();
    recordings[2]!.recovery = { ok: false, actions: ['iptables -D'], error: 'ssh refused' };
    const dirty = renderHtmlReport(fixtureResult(recordings));
    expect(dirty).toContain('<div class="banner">A recovery failed');
    expect(dirty).toContain('exit code 3: recovery failed: the estate may be left faulted');
    expect(dirty).toContain('<p class="no-data">No probe samples were recorded.</p>');
  });

  it('renderHtmlReport - a cluster scenario shows its cluster charts, not failover phases that do not apply', () => {
    const cluster = renderHtmlReport(clusterSuiteResult(), new Map([['stop-qm3-bind-comparison', { series: [], cluster: clusterObservations() }]]));
    expect(cluster).toContain('<h3>Cluster</h3>');
    expect(cluster).not.toContain('<h3>Failover</h3>');
    expect(html).toContain('<h3>Failover</h3>');
  });
});

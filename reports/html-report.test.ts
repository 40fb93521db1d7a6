import { describe, expect, it } from 'vitest';
import { instanceStateSeries } from '../checkers/failover-phases.ts';
import { renderHtmlReport } from './html-report.ts';
import { fixtureRecordings, fixtureResult, fixtureSuite, HOSTILE_TEXT } from '../test/support/run-fixtures.ts';
import type { ScenarioExtras } from './scenario-section.ts';
import { findXmlProblems } from '../test/support/well-formed-xml.ts';

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

  it('renderHtmlReport - each sampled scenario has a well-formed inline SVG timeline', () => {
    const charts = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => match[0]);
    expect(charts).toHaveLength(3);
    for (const chart of charts) expect(findXmlProblems(chart)).toEqual([]);
  });

  it('renderHtmlReport - the event timeline and the recovery actions are tables of words', () => {
    expect(html).toContain('<td>mq2 reports Active</td>');
    expect(html).toContain('<li><code>strmqm -x QM1 on mq1</code></li>');
  });

  it('renderHtmlReport - is self-contained: no scripts, no external fetches', () => {
    expect(html).not.toMatch(/<script|<link|src=|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
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
});

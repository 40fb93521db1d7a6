import { describe, expect, it } from 'vitest';
import { renderJunitXml } from './junit-report.ts';
import { fixtureRecordings, fixtureResult, HOSTILE_TEXT } from '../test/support/run-fixtures.ts';
import { findXmlProblems } from '../test/support/well-formed-xml.ts';

describe('renderJunitXml', () => {
  const xml = renderJunitXml(fixtureResult());

  it('renderJunitXml - is well-formed XML', () => {
    expect(findXmlProblems(xml)).toEqual([]);
  });

  it('renderJunitXml - one testsuite with one testcase per scenario and honest counts', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="multi-instance" id="run-20261121-1000"');
    expect(xml).toMatch(/<testsuites name="mqchaos" tests="3" failures="1" errors="1" skipped="0"/);
  });

  it('renderJunitXml - a failed expectation is a failure carrying the worded failure', () => {
    expect(xml).toContain(
      '<failure message="failover.instanceFailoverSeconds was 2.3, must be at most 1" type="expectation">',
    );
  });

  it('renderJunitXml - a scenario without a verdict is an error, never skipped', () => {
    expect(xml).toContain('<error message="no verdict: failover.instanceFailoverSeconds was not measured" type="no-verdict">');
    expect(xml).not.toContain('<skipped');
  });

  it('renderJunitXml - a failed recovery is an error even when the expectation held', () => {
    const recordings = fixtureRecordings();
    recordings[0]!.recovery = { ok: false, actions: [], error: 'strmqm exited 71' };
    const dirty = renderJunitXml(fixtureResult(recordings));
    expect(dirty).toContain('<error message="estate dirty: recovery failed, the estate may be left faulted: strmqm exited 71" type="recovery-failed">');
  });

  it('renderJunitXml - text from the estate is escaped', () => {
    expect(xml).not.toContain(HOSTILE_TEXT);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });
});

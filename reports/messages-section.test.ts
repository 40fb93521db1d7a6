import { describe, expect, it } from 'vitest';
import { judgeScenario } from '../checkers/judge-scenario.ts';
import { atMs, recordingOf, saneKillFailover, scenarioSpecOf } from '../test/support/recording-fixtures.ts';
import type { SuiteResult } from '../checkers/result-document.ts';
import type { TrafficRecording } from '../checkers/traffic-log.ts';
import { renderMessagesSection, summarizeMessages } from './messages-section.ts';
import { renderSummaryTable } from './summary-table.ts';

/** A persistent producer whose seventh message never arrives, and a reconnection after the fault at 4.2 s. */
function trafficWithOneLost(): TrafficRecording {
  return {
    clients: [
      {
        header: { k: 'producer', id: 'p1', queue: 'APP.Q', persistence: 'persistent', syncpoint: 0, sliceMs: 50, t: atMs(3) },
        lines: [
          { k: 'p', s: 1, n: 10, a: 0, o: 'c', t: atMs(3), e: atMs(3.01), u: atMs(3.1) },
          { k: 'p', s: 11, n: 1, a: 0, o: 'c', t: atMs(4.1), e: atMs(7.3), u: atMs(7.3) },
          { k: 'ev', t: atMs(7.3), what: 'reconnect-status', cc: 1, rc: 2545, cause: 2009 },
          { k: 'p', s: 12, n: 9, a: 0, o: 'c', t: atMs(7.31), e: atMs(7.32), u: atMs(7.4) },
          { k: 'end', t: atMs(8), count: 20, reason: 'stopped' },
        ],
      },
      {
        header: { k: 'consumer', id: 'c1', queue: 'APP.Q', syncpoint: 0, t: atMs(3) },
        lines: [
          { k: 'g', r: { p1: '1-6,8-20' }, n: 19, a: 0, t: atMs(3.2), u: atMs(7.5) },
          { k: 'drain', t: atMs(8), depth: 0, complete: true },
          { k: 'end', t: atMs(8), count: 19, reason: 'stopped' },
        ],
      },
    ],
  };
}

const LOST_AT_MOST_0 = { properties: { messages: { properties: { persistent: { properties: { lost: { maximum: 0 } } } } } } };

describe('messages in results and reports', () => {
  it('judgeScenario - a lost persistent message fails the expectation in words, and the service restoration is timed', () => {
    const result = judgeScenario(recordingOf(saneKillFailover(), { traffic: trafficWithOneLost() }), scenarioSpecOf(LOST_AT_MOST_0));
    expect(result.verdict).toBe('fail');
    expect(result.expectation.failures).toEqual(['messages.persistent.lost was 1, must be at most 0']);
    expect(result.failover.serviceRestoredSeconds).toBe(3.1);
    expect(result.events.some((event) => event.kind === 'application' && event.summary === 'producer p1: reconnect status 2545 MQRC_RECONNECTED (connection lost with 2009 MQRC_CONNECTION_BROKEN)')).toBe(true);
  });

  it('judgeScenario - an expectation on messages of a scenario without traffic is unknown, never a pass', () => {
    const result = judgeScenario(recordingOf(saneKillFailover()), scenarioSpecOf(LOST_AT_MOST_0));
    expect(result.verdict).toBe('unknown');
    expect(result.expectation.missing).toEqual(['messages.persistent.lost was not measured']);
  });

  it('renderMessagesSection - a table per class with a row per phase; a lost message stands out', () => {
    const result = judgeScenario(recordingOf(saneKillFailover(), { traffic: trafficWithOneLost() }), scenarioSpecOf(LOST_AT_MOST_0));
    const html = renderMessagesSection(result);
    expect(html).toContain('<h3>Messages</h3>');
    expect(html).toContain('<th>Persistent</th>');
    expect(html).not.toContain('<th>Non-persistent</th>');
    expect(html).toMatch(/<td>before<\/td><td class="count">11<\/td>(<td class="count">\d+<\/td>){4}<td class="count anomaly">1<\/td>/);
    expect(html).toContain('<strong>3.100 s</strong>');
  });

  it('renderSummaryTable - a scenario with traffic gets a messages line', () => {
    const scenario = judgeScenario(recordingOf(saneKillFailover(), { traffic: trafficWithOneLost() }), scenarioSpecOf(LOST_AT_MOST_0));
    expect(summarizeMessages(scenario)).toBe('messages: persistent 20 sent, 20 confirmed, 1 lost, 0 duplicated; service restored after 3.100 s');
    const suite: SuiteResult = { schemaVersion: 1, runId: 'r', suite: 's', startedAt: scenario.failover.faultAt!, endedAt: scenario.failover.faultAt!, verdict: 'fail', estateDirty: false, scenarios: [scenario] };
    expect(renderSummaryTable(suite).split('\n')).toContain(`${' '.repeat('kill-active'.length)}  ${' '.repeat('Verdict'.length)}  ${' '.repeat('Failover s'.length)}  messages: persistent 20 sent, 20 confirmed, 1 lost, 0 duplicated; service restored after 3.100 s`);
  });
});

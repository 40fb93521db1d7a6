import { describe, expect, it } from 'vitest';
import type { ScenarioRecording } from './scenario-recording.ts';
import { judgeScenario } from './judge-scenario.ts';
import { atIso, event, recordingOf, saneKillFailover, scenarioSpecOf, steadyBefore } from '../test/support/recording-fixtures.ts';

const PATHS = ['failover.instanceFailoverSeconds'];
const withinThirtySeconds = scenarioSpecOf({
  properties: { failover: { properties: { instanceFailoverSeconds: { type: 'number', maximum: 30 } } } },
});
const withinOneSecond = scenarioSpecOf({
  properties: { failover: { properties: { instanceFailoverSeconds: { type: 'number', maximum: 1 } } } },
});

describe('judgeScenario', () => {
  it('judgeScenario - a sane failover within the limit passes with its measurements in the document', () => {
    const result = judgeScenario(recordingOf(saneKillFailover()), withinThirtySeconds, PATHS);
    expect(result.verdict).toBe('pass');
    expect(result.schemaVersion).toBe(1);
    expect(result.fault).toEqual({ kind: 'kill-active', target: { host: 'mq1', signal: 'KILL' } });
    expect(result.failover.instanceFailoverSeconds).toBe(2.3);
    expect(result.expectation.source).toBe('suites/lab/multi-instance.yaml:12');
  });

  it('judgeScenario - recorded events and sample observations form one timeline in time order', () => {
    const recording = recordingOf(saneKillFailover(), {
      events: [event(8, 'recovery', 'strmqm -x QM1 on mq1'), event(4.2, 'fault-injected', 'kill -9 amqzxma0 on mq1')],
    });
    const result = judgeScenario(recording, withinThirtySeconds, PATHS);
    expect(result.events.map((e) => e.summary)).toEqual([
      'kill -9 amqzxma0 on mq1',
      'mq1: Running → Ended unexpectedly',
      'mq1: Ended unexpectedly → Running elsewhere',
      'mq2: Running as standby → Running',
      'mq2 reports Active',
      'strmqm -x QM1 on mq1',
    ]);
    expect(result.events[0]!.at).toBe(atIso(4.2));
  });

  it('judgeScenario - a slow failover fails in words', () => {
    const result = judgeScenario(recordingOf(saneKillFailover()), withinOneSecond, PATHS);
    expect(result.verdict).toBe('fail');
    expect(result.expectation.failures).toEqual(['failover.instanceFailoverSeconds was 2.3, must be at most 1']);
  });

  it('judgeScenario - a failover never seen has no verdict', () => {
    const result = judgeScenario(recordingOf(steadyBefore(10)), withinThirtySeconds, PATHS);
    expect(result.verdict).toBe('unknown');
    expect(result.expectation.missing).toEqual(['failover.instanceFailoverSeconds was not measured']);
  });

  it.each(['aborted', 'failed', 'not-run'] as const)('judgeScenario - a harness that %s cannot pass', (harnessStatus) => {
    const result = judgeScenario(recordingOf(saneKillFailover(), { harnessStatus }), withinThirtySeconds, PATHS);
    expect(result.expectation.verdict).toBe('pass');
    expect(result.verdict).toBe('unknown');
  });

  it('judgeScenario - an aborted harness still fails an expectation that already failed', () => {
    const result = judgeScenario(recordingOf(saneKillFailover(), { harnessStatus: 'aborted' }), withinOneSecond, PATHS);
    expect(result.verdict).toBe('fail');
  });

  it('judgeScenario - a failed recovery stays in the document and does not change the verdict', () => {
    const recovery = { ok: false, actions: ['strmqm -x QM1 on mq1'], error: 'strmqm exited 71' };
    const result = judgeScenario(recordingOf(saneKillFailover(), { recovery }), withinThirtySeconds, PATHS);
    expect(result.recovery).toEqual(recovery);
    expect(result.verdict).toBe('pass');
  });

  it('judgeScenario - a checker that throws gives no verdict and says why', () => {
    const broken = { ...recordingOf([]), samples: null } as unknown as ScenarioRecording;
    const result = judgeScenario(broken, scenarioSpecOf({}), []);
    expect(result.verdict).toBe('unknown');
    expect(result.expectation.missing[0]).toMatch(/^the failover checker failed: /);
    expect(result.events.some((e) => e.kind === 'error' && e.summary.startsWith('the failover checker failed'))).toBe(true);
  });
});

describe('judgeScenario constrained paths', () => {
  it('judgeScenario - by default a measurement the schema tolerates as null is still needed', () => {
    const lenient = scenarioSpecOf({
      properties: { failover: { properties: { instanceFailoverSeconds: { type: ['number', 'null'], maximum: 30 } } } },
    });
    const result = judgeScenario(recordingOf(steadyBefore(10)), lenient);
    expect(result.verdict).toBe('unknown');
    expect(result.expectation.missing).toEqual(['failover.instanceFailoverSeconds was not measured']);
  });
});

import { describe, expect, it } from 'vitest';
import type { HealthAttempt } from './health-attempts.ts';
import { measureHealth } from './health-measurement.ts';
import { atIso, atMs, recordingOf, saneKillFailover, scenarioSpecOf, steadyBefore } from '../test/support/recording-fixtures.ts';
import { judgeScenario } from './judge-scenario.ts';
import { measureFailover } from './failover-phases.ts';

function attempt(startSeconds: number, durationSeconds: number, ok: boolean, error?: string, reasonCode?: number): HealthAttempt {
  return {
    probe: 'agent-ping',
    startedAt: atMs(startSeconds),
    endedAt: atMs(startSeconds + durationSeconds),
    ok,
    ...(error ? { error } : {}),
    ...(reasonCode === undefined ? {} : { reasonCode }),
  };
}

describe('measureHealth - time to healthy', () => {
  it('measureHealth - no attempts, no probes', () => {
    expect(measureHealth([], atMs(4))).toEqual({});
  });

  it('measureHealth - the first success after the last failure, stamped when it was asked', () => {
    const attempts = [attempt(4.0, 0.01, true), attempt(4.25, 0.01, false, 'exit 1: BFGCL0035E'), attempt(4.5, 0.01, false, 'exit 2: BFGCL0214I'), attempt(6.75, 0.01, true)];
    expect(measureHealth(attempts, atMs(4))).toEqual({
      'agent-ping': { timeToHealthySeconds: 2.75, healthyAt: atIso(6.75), attempts: 4, lastError: 'exit 2: BFGCL0214I', reasonCodes: {} },
    });
  });

  it('measureHealth - a check that waited for the service is stamped when it answered', () => {
    const attempts = [attempt(4.0, 0.02, true), attempt(4.25, 0.02, false, 'exit 1'), attempt(4.5, 2.02, true)];
    expect(measureHealth(attempts, atMs(4))['agent-ping']).toMatchObject({ timeToHealthySeconds: 2.5, healthyAt: atIso(6.5) });
  });

  it('measureHealth - a probe that ended on a failure never became healthy', () => {
    const attempts = [attempt(4.0, 0.01, false, 'exit 1: down'), attempt(4.25, 0.01, false, 'exit 1: still down')];
    expect(measureHealth(attempts, atMs(4))['agent-ping']).toEqual({ timeToHealthySeconds: null, healthyAt: null, attempts: 2, lastError: 'exit 1: still down', reasonCodes: {} });
  });

  it('measureHealth - a probe that ran from before the fault and never failed was healthy at the fault (0)', () => {
    const attempts = [attempt(3.5, 0.01, true), attempt(3.75, 0.01, true), attempt(4.0, 0.01, true), attempt(4.25, 0.01, true)];
    expect(measureHealth(attempts, atMs(3.9))['agent-ping']).toMatchObject({ timeToHealthySeconds: 0, healthyAt: atIso(3.9), lastError: null });
  });

  it('measureHealth - reason codes of the MQI attempts that failed after the fault, counted; earlier failures left out', () => {
    const attempts = [
      attempt(3.0, 0.01, false, 'MQCONNX 2059', 2059),
      attempt(3.5, 0.01, true),
      attempt(4.0, 2.0, false, 'MQPUT failed 2009', 2009),
      attempt(6.25, 0.01, false, 'MQCONNX 2538', 2538),
      attempt(6.5, 0.01, false, 'MQCONNX 2538', 2538),
      attempt(6.75, 0.01, true),
    ];
    expect(measureHealth(attempts, atMs(4.1))['agent-ping']).toMatchObject({ timeToHealthySeconds: 2.65, reasonCodes: { '2009': 1, '2538': 2 } });
  });

  it('measureHealth - without a fault there is nothing to time', () => {
    expect(measureHealth([attempt(1, 0.01, true)], null)['agent-ping']?.timeToHealthySeconds).toBeNull();
  });

  it('judgeScenario - a time-to-healthy expectation fails and holds on the measured value', () => {
    const health = [attempt(4.25, 0.01, false, 'exit 1'), attempt(7, 0.01, true)];
    const within = (seconds: number) => ({ properties: { health: { required: ['agent-ping'], properties: { 'agent-ping': { properties: { timeToHealthySeconds: { maximum: seconds } } } } } } });
    expect(judgeScenario(recordingOf(saneKillFailover(), { health }), scenarioSpecOf(within(5))).verdict).toBe('pass');
    const failed = judgeScenario(recordingOf(saneKillFailover(), { health }), scenarioSpecOf(within(2)));
    expect(failed.expectation.failures).toEqual(['health.agent-ping.timeToHealthySeconds was 2.8, must be at most 2']);
  });
});

describe('measureFailover - occurred', () => {
  it('measureFailover - a seen takeover occurred', () => {
    expect(measureFailover(recordingOf(saneKillFailover())).occurred).toBe(true);
  });

  it('measureFailover - a completed observation with every host answering and no takeover is "no failover"', () => {
    expect(measureFailover(recordingOf(steadyBefore(10))).occurred).toBe(false);
  });

  it('measureFailover - an aborted observation cannot say', () => {
    expect(measureFailover(recordingOf(steadyBefore(10), { harnessStatus: 'aborted' })).occurred).toBeNull();
  });

  it('judgeScenario - "no failover" (occurred false) is judged, never unknown', () => {
    const noFailover = { properties: { failover: { required: ['occurred'], properties: { occurred: { const: false } } } } };
    expect(judgeScenario(recordingOf(steadyBefore(10)), scenarioSpecOf(noFailover)).verdict).toBe('pass');
    const failed = judgeScenario(recordingOf(saneKillFailover()), scenarioSpecOf(noFailover));
    expect(failed.expectation.failures).toEqual(['failover.occurred was true, must be false']);
  });
});

import { describe, expect, it } from 'vitest';
import { instanceStateSeries, measureFailover } from './failover-phases.ts';
import { atIso, atMs, recordingOf, saneKillFailover, seen, steadyBefore, unreachable } from '../test/support/recording-fixtures.ts';

describe('measureFailover', () => {
  it('measureFailover - empty history gives the fault time and nothing else', () => {
    const result = measureFailover(recordingOf([]));
    expect(result).toEqual({
      faultAt: atIso(4.2),
      oldActiveHost: 'mq1',
      oldInstanceEndedAt: null,
      newActiveHost: null,
      newInstanceActiveAt: null,
      instanceFailoverSeconds: null,
      probeIntervalMs: 1000,
      occurred: null,
    });
  });

  it('measureFailover - no fault injected measures nothing', () => {
    const result = measureFailover(recordingOf(saneKillFailover(), { fault: { kind: 'kill-active', injectedAt: null, target: null } }));
    expect(result.faultAt).toBeNull();
    expect(result.newInstanceActiveAt).toBeNull();
    expect(result.instanceFailoverSeconds).toBeNull();
  });

  it('measureFailover - unknown old active host measures nothing rather than guessing', () => {
    const result = measureFailover(recordingOf(saneKillFailover(), { activeHostBefore: null }));
    expect(result.oldInstanceEndedAt).toBeNull();
    expect(result.newActiveHost).toBeNull();
    expect(result.instanceFailoverSeconds).toBeNull();
  });

  it('measureFailover - no samples after the fault gives nulls', () => {
    const result = measureFailover(recordingOf(steadyBefore(4)));
    expect(result.oldInstanceEndedAt).toBeNull();
    expect(result.newInstanceActiveAt).toBeNull();
    expect(result.instanceFailoverSeconds).toBeNull();
  });

  it('measureFailover - sane kill failover measures each phase', () => {
    const result = measureFailover(recordingOf(saneKillFailover()));
    expect(result.oldInstanceEndedAt).toBe(atIso(5));
    expect(result.newActiveHost).toBe('mq2');
    expect(result.newInstanceActiveAt).toBe(atIso(6.5));
    expect(result.instanceFailoverSeconds).toBe(2.3);
  });

  it('measureFailover - samples recorded out of order are read in time order', () => {
    const result = measureFailover(recordingOf(saneKillFailover().reverse()));
    expect(result.oldInstanceEndedAt).toBe(atIso(5));
    expect(result.newInstanceActiveAt).toBe(atIso(6.5));
  });

  it('measureFailover - probe errors during the gap are no evidence either way', () => {
    const samples = [
      ...steadyBefore(4),
      unreachable(5, 'mq1'),
      seen(5.5, 'mq2', 'Running as standby', 'mq1:Active mq2:Standby'),
      unreachable(6, 'mq1', 'timed out'),
      seen(6.5, 'mq2', 'Running as standby', 'mq2:Standby'),
      unreachable(7, 'mq1'),
      unreachable(7.5, 'mq2'),
      seen(8.5, 'mq2', 'Running', 'mq2:Active'),
    ];
    const result = measureFailover(recordingOf(samples));
    expect(result.oldInstanceEndedAt).toBe(atIso(6.5));
    expect(result.newInstanceActiveAt).toBe(atIso(8.5));
    expect(result.instanceFailoverSeconds).toBe(4.3);
  });

  it('measureFailover - mixed-case and -n upper-case statuses and host names compare equal', () => {
    const samples = [
      seen(4, 'mq1', 'RUNNING', 'MQ1:ACTIVE MQ2:STANDBY'),
      seen(4.5, 'mq2', 'RUNNING AS STANDBY', 'MQ1:ACTIVE MQ2:STANDBY'),
      seen(5, 'mq1', 'running', 'mq1:active mq2:standby'),
      seen(5.5, 'mq2', 'Running  as standby', 'mq1:Active mq2:Standby'),
      seen(6, 'mq1', 'ENDED UNEXPECTEDLY'),
      seen(6.5, 'mq2', 'RUNNING', 'MQ2:ACTIVE'),
    ];
    const result = measureFailover(recordingOf(samples));
    expect(result.oldInstanceEndedAt).toBe(atIso(6));
    expect(result.newActiveHost).toBe('mq2');
    expect(result.instanceFailoverSeconds).toBe(2.3);
  });

  it('measureFailover - a flapping standby before the fault is not a failover', () => {
    const samples = [...steadyBefore(4), seen(2.7, 'mq2', 'Running', 'mq2:Active'), ...saneKillFailover().slice(10)];
    const result = measureFailover(recordingOf(samples));
    expect(result.newInstanceActiveAt).toBe(atIso(6.5));
  });

  it('measureFailover - the old instance flapping back keeps the first time it was seen ended', () => {
    const samples = [
      ...steadyBefore(4),
      seen(5, 'mq1', 'Ended unexpectedly'),
      seen(5.5, 'mq2', 'Running as standby', 'mq1:Active mq2:Standby'),
      seen(6, 'mq1', 'Running', 'mq1:Active mq2:Standby'),
      seen(7, 'mq1', 'Ended unexpectedly'),
      seen(7.5, 'mq2', 'Running', 'mq2:Active'),
    ];
    const result = measureFailover(recordingOf(samples));
    expect(result.oldInstanceEndedAt).toBe(atIso(5));
    expect(result.newInstanceActiveAt).toBe(atIso(7.5));
  });

  it('measureFailover - the old host reporting itself active again is not a new instance', () => {
    const samples = [...steadyBefore(4), seen(5, 'mq1', 'Running', 'mq1:Active')];
    expect(measureFailover(recordingOf(samples)).newActiveHost).toBeNull();
  });

  it('measureFailover - a standby that never takes over leaves the failover unmeasured', () => {
    const samples = [
      ...steadyBefore(4),
      unreachable(5, 'mq1'),
      seen(5.5, 'mq2', 'Running as standby', 'mq1:Active mq2:Standby'),
      unreachable(6, 'mq1'),
      seen(6.5, 'mq2', 'Running as standby', 'mq1:Active mq2:Standby'),
    ];
    const result = measureFailover(recordingOf(samples));
    expect(result.oldInstanceEndedAt).toBeNull();
    expect(result.newActiveHost).toBeNull();
    expect(result.newInstanceActiveAt).toBeNull();
    expect(result.instanceFailoverSeconds).toBeNull();
  });

  it('measureFailover - samples of other queue managers are ignored', () => {
    const other = { ...seen(5.5, 'mq2', 'Running', 'mq2:Active'), queueManager: 'QM2' };
    const result = measureFailover(recordingOf([...steadyBefore(4), other]));
    expect(result.newInstanceActiveAt).toBeNull();
  });
});

describe('instanceStateSeries', () => {
  it('instanceStateSeries - empty history has no lanes', () => {
    expect(instanceStateSeries([])).toEqual([]);
  });

  it('instanceStateSeries - sane kill failover draws contiguous runs per host', () => {
    const series = instanceStateSeries(saneKillFailover());
    expect(series.map((lane) => lane.host)).toEqual(['mq1', 'mq2']);
    expect(series[0]!.runs).toEqual([
      { fromMs: atMs(0), toMs: atMs(5), state: 'active' },
      { fromMs: atMs(5), toMs: atMs(6), state: 'ended' },
      { fromMs: atMs(6), toMs: atMs(7), state: 'elsewhere' },
    ]);
    expect(series[1]!.runs).toEqual([
      { fromMs: atMs(0.5), toMs: atMs(6.5), state: 'standby' },
      { fromMs: atMs(6.5), toMs: atMs(7.5), state: 'active' },
    ]);
  });

  it('instanceStateSeries - unreachable, starting and upper-case statuses map to their states', () => {
    const series = instanceStateSeries([
      seen(0, 'mq1', 'RUNNING AS STANDBY'),
      unreachable(1, 'mq1'),
      seen(2, 'mq1', 'Starting'),
      seen(3, 'mq1', 'Status not available'),
    ]);
    expect(series[0]!.runs.map((run) => run.state)).toEqual(['standby', 'unreachable', 'starting', 'ended']);
  });

  it('instanceStateSeries - a flapping sample makes its own short run', () => {
    const series = instanceStateSeries([
      seen(0, 'mq2', 'Running as standby'),
      seen(1, 'mq2', 'Running', 'mq2:Active'),
      seen(2, 'mq2', 'Running as standby'),
    ]);
    expect(series[0]!.runs.map((run) => [run.state, run.toMs - run.fromMs])).toEqual([
      ['standby', 1000],
      ['active', 1000],
      ['standby', 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { clusterSuiteResult } from '../test/support/cluster-run-fixtures.ts';
import { describeRegression, findRegressions, judgeFigure } from './figure-regressions.ts';
import { runFiguresOf } from './run-figures.ts';

const policy = { window: 5, marginPercent: 25, minimumRuns: 3 };

describe('judgeFigure', () => {
  it('judgeFigure - worse than the median of the last N by more than the margin regresses', () => {
    expect(judgeFigure(13, [10, 10, 10], policy)).toEqual({ regressed: true, median: 10, limit: 12.5, runs: 3 });
  });

  it('judgeFigure - within the margin holds', () => {
    expect(judgeFigure(12.5, [10, 10, 10], policy)?.regressed).toBe(false);
  });

  it('judgeFigure - only the last N measured runs count; unmeasured ones are skipped', () => {
    expect(judgeFigure(13, [100, 100, 100, 10, null, 10, 10, 10, 10], policy)).toEqual({ regressed: true, median: 10, limit: 12.5, runs: 5 });
  });

  it('judgeFigure - a median of zero: any loss regresses', () => {
    expect(judgeFigure(1, [0, 0, 0], policy)?.regressed).toBe(true);
    expect(judgeFigure(0, [0, 0, 0], policy)?.regressed).toBe(false);
  });

  it('judgeFigure - too few earlier runs or no value: no judgement', () => {
    expect(judgeFigure(50, [10, 10], policy)).toBeNull();
    expect(judgeFigure(null, [10, 10, 10], policy)).toBeNull();
  });
});

describe('findRegressions', () => {
  const earlier = ['r1', 'r2', 'r3'].map((runId) => clusterSuiteResult(runId));

  it('findRegressions - a cluster run whose transmit queue peaked far higher than before is flagged in words', () => {
    const regressions = findRegressions(clusterSuiteResult('r4', undefined, 480), earlier, policy);
    expect(regressions.map((r) => [r.scenario, r.path, r.value, r.median])).toEqual([['stop-qm3-bind-comparison', 'transmit.QM1.peakDepth', 480, 240]]);
    expect(describeRegression(regressions[0]!)).toBe('transmit.QM1.peakDepth was 480 messages, 100% above the median 240 messages of the last 3 runs (limit 300)');
  });

  it('findRegressions - the same figures as before: nothing is flagged', () => {
    expect(findRegressions(clusterSuiteResult('r4'), earlier, policy)).toEqual([]);
  });

  it('findRegressions - runs of other suites are not compared', () => {
    const other = earlier.map((run) => ({ ...run, suite: 'another' }));
    expect(findRegressions(clusterSuiteResult('r4', undefined, 480), other, policy)).toEqual([]);
  });
});

describe('runFiguresOf', () => {
  it('runFiguresOf - a cluster result gives its transmit and channel figures', () => {
    const paths = runFiguresOf(clusterSuiteResult().scenarios[0]!).map((figure) => figure.path);
    expect(paths).toEqual([
      'failover.instanceFailoverSeconds',
      'transmit.QM1.peakDepth',
      'transmit.QM1.drainSeconds',
      'transmit.QM1.stuckMessages',
      'transmit.QM4.peakDepth',
      'transmit.QM4.drainSeconds',
      'transmit.QM4.stuckMessages',
      'channels.QM1.CLUS.TO.QM3.timeInRetryingSeconds',
      'channels.QM4.CLUS.TO.QM3.timeInRetryingSeconds',
    ]);
  });
});

describe('runFiguresOf - a result.json written by hand', () => {
  it('runFiguresOf - figures that are not numbers are unmeasured, records that are not objects are left out', () => {
    const result = clusterSuiteResult().scenarios[0]!;
    const odd = { ...result, health: { ping: null }, transmit: 'lots', channels: { QM1: { x: { timeInRetryingSeconds: '11' } }, QM4: 'odd' } } as unknown as typeof result;
    expect(runFiguresOf(odd).map((figure) => [figure.path, figure.value])).toEqual([
      ['failover.instanceFailoverSeconds', null],
      ['channels.QM1.x.timeInRetryingSeconds', null],
    ]);
  });
});

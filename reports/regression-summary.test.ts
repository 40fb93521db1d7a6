import { describe, expect, it } from 'vitest';
import { clusterSuiteResult } from '../test/support/cluster-run-fixtures.ts';
import { renderRegressionSummary } from './regression-summary.ts';

const policy = { window: 5, marginPercent: 25, minimumRuns: 3 };
const earlier = ['r1', 'r2', 'r3'].map((runId) => clusterSuiteResult(runId));

describe('renderRegressionSummary', () => {
  it('renderRegressionSummary - a figure worse than the median by more than the margin is listed in words', () => {
    expect(renderRegressionSummary(clusterSuiteResult('r4', undefined, 480), earlier, policy)).toBe(
      [
        "REGRESSIONS: 1 figure worse than the median of each scenario's last 5 runs by more than 25%:",
        '  stop-qm3-bind-comparison: transmit.QM1.peakDepth was 480 messages, 100% above the median 240 messages of the last 3 runs (limit 300)',
      ].join('\n'),
    );
  });

  it('renderRegressionSummary - figures like before: none is worse', () => {
    expect(renderRegressionSummary(clusterSuiteResult('r4'), earlier, policy)).toBe("Trends: no figure is worse than the median of each scenario's last 5 runs by more than 25%.");
  });

  it('renderRegressionSummary - a first run has nothing to compare with', () => {
    expect(renderRegressionSummary(clusterSuiteResult('r1'), [], policy)).toBe('Trends: fewer than 3 earlier runs of this suite with figures; nothing to compare with yet.');
  });
});

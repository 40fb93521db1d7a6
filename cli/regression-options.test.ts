import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { regressionPolicyFrom } from './regression-options.ts';

describe('regressionPolicyFrom', () => {
  it('regressionPolicyFrom - defaults: the last 5 runs, 25%', () => {
    expect(regressionPolicyFrom({})).toEqual({ window: 5, marginPercent: 25, minimumRuns: 3 });
  });

  it('regressionPolicyFrom - a window and a margin with or without its percent sign', () => {
    expect(regressionPolicyFrom({ 'regression-window': '10', 'regression-margin': '12.5%' })).toEqual({ window: 10, marginPercent: 12.5, minimumRuns: 3 });
    expect(regressionPolicyFrom({ 'regression-window': '2', 'regression-margin': '40' })).toEqual({ window: 2, marginPercent: 40, minimumRuns: 2 });
  });

  it('regressionPolicyFrom - a bad window or margin is a usage error naming the flag', () => {
    expect(() => regressionPolicyFrom({ 'regression-window': '0' })).toThrow(UsageError);
    expect(() => regressionPolicyFrom({ 'regression-window': 'five' })).toThrow('--regression-window must be a whole number of runs, at least 1 (got "five")');
    expect(() => regressionPolicyFrom({ 'regression-margin': '-3' })).toThrow('--regression-margin must be a percentage such as 25 or 25% (got "-3")');
  });
});

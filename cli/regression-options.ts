import { DEFAULT_REGRESSION_POLICY, type RegressionPolicy } from '../reports/figure-regressions.ts';
import { UsageError } from './exit-codes.ts';

/** `--regression-window N` (runs) and `--regression-margin P` (percent, "25" or "25%"), checked before anything runs. */
export function regressionPolicyFrom(values: { 'regression-window'?: string | undefined; 'regression-margin'?: string | undefined }): RegressionPolicy {
  const policy = { ...DEFAULT_REGRESSION_POLICY };
  const window = values['regression-window'];
  if (window !== undefined) {
    if (!/^\d+$/.test(window) || Number(window) < 1) throw new UsageError(`--regression-window must be a whole number of runs, at least 1 (got "${window}")`);
    policy.window = Number(window);
    policy.minimumRuns = Math.min(policy.minimumRuns, policy.window);
  }
  const margin = values['regression-margin'];
  if (margin !== undefined) {
    const match = /^(\d+(?:\.\d+)?)%?$/.exec(margin);
    if (!match) throw new UsageError(`--regression-margin must be a percentage such as 25 or 25% (got "${margin}")`);
    policy.marginPercent = Number(match[1]);
  }
  return policy;
}

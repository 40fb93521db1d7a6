import type { SuiteResult } from './result-document.ts';

/**
 * Exit codes of `mqchaos run` and `mqchaos analyze` (DESIGN.md). 2 (bad input) is decided
 * before anything runs, so it never comes from a result.
 */
export type ExitCode = 0 | 1 | 2 | 3 | 4;

const MEANINGS: Record<ExitCode, string> = {
  0: 'every expectation held',
  1: 'an expectation failed',
  2: 'bad input: nothing was touched',
  3: 'recovery failed: the estate may be left faulted',
  4: 'no verdict could be reached',
};

/** A dirty estate dominates; then a failed expectation or conformance check; then anything short of a pass. */
export function exitCodeFor(result: SuiteResult): ExitCode {
  if (result.estateDirty || result.scenarios.some((scenario) => !scenario.recovery.ok)) return 3;
  const conformance = result.conformance?.verdict;
  if (result.scenarios.some((scenario) => scenario.verdict === 'fail') || conformance === 'fail') return 1;
  // A suite of conformance checks alone has its verdict without scenarios.
  if (result.scenarios.length === 0 && conformance === undefined) return 4;
  if (result.scenarios.some((scenario) => scenario.verdict !== 'pass') || conformance === 'unknown') return 4;
  return 0;
}

export function describeExitCode(code: ExitCode): string {
  return MEANINGS[code];
}

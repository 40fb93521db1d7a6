import { describe, expect, it } from 'vitest';
import type { ScenarioResult, SuiteResult, Verdict } from './result-document.ts';
import { describeExitCode, exitCodeFor } from './exit-code.ts';

function scenario(verdict: Verdict, recoveryOk = true): ScenarioResult {
  return { verdict, recovery: { ok: recoveryOk, actions: [] } } as unknown as ScenarioResult;
}

function suiteOf(scenarios: ScenarioResult[], estateDirty = false): SuiteResult {
  return { scenarios, estateDirty } as SuiteResult;
}

function withConformance(result: SuiteResult, verdict: Verdict): SuiteResult {
  return { ...result, conformance: { verdict, lines: [], notApplicable: [] } };
}

describe('exitCodeFor', () => {
  it.each([
    { name: 'every expectation held gives 0', result: suiteOf([scenario('pass'), scenario('pass')]), code: 0 },
    { name: 'a failed expectation gives 1', result: suiteOf([scenario('pass'), scenario('fail')]), code: 1 },
    { name: 'a failure beats a missing verdict', result: suiteOf([scenario('unknown'), scenario('fail')]), code: 1 },
    { name: 'a missing verdict gives 4', result: suiteOf([scenario('pass'), scenario('unknown')]), code: 4 },
    { name: 'a suite with no scenarios gives 4', result: suiteOf([]), code: 4 },
    { name: 'a dirty estate gives 3 even when everything else failed', result: suiteOf([scenario('fail')], true), code: 3 },
    { name: 'a failed recovery gives 3 even if the flag was not set', result: suiteOf([scenario('pass', false)]), code: 3 },
    { name: 'conformance checks alone that hold give 0', result: withConformance(suiteOf([]), 'pass'), code: 0 },
    { name: 'a failed conformance check gives 1 even when the scenarios passed', result: withConformance(suiteOf([scenario('pass')]), 'fail'), code: 1 },
    { name: 'a conformance check that could not run gives 4', result: withConformance(suiteOf([scenario('pass')]), 'unknown'), code: 4 },
  ])('exitCodeFor - $name', ({ result, code }) => {
    expect(exitCodeFor(result)).toBe(code);
  });

  it('describeExitCode - every code has a meaning', () => {
    expect([0, 1, 2, 3, 4].map((code) => describeExitCode(code as 0 | 1 | 2 | 3 | 4))).toEqual([
      'every expectation held',
      'an expectation failed',
      'bad input: nothing was touched',
      'recovery failed: the estate may be left faulted',
      'no verdict could be reached',
    ]);
  });
});

import { describeExitCode, exitCodeFor } from '../checkers/exit-code.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import { escapeMarkup } from './markup-escape.ts';
import { noVerdictReasons, recoveryProblem } from './verdict-words.ts';

/**
 * JUnit XML for CI systems: one testsuite per suite, one testcase per scenario. A failed
 * expectation is a <failure>; no verdict or a failed recovery is an <error>, which CI systems
 * show as not green, never as skipped.
 */
export function renderJunitXml(result: SuiteResult): string {
  const cases = result.scenarios.map((scenario) => ({ scenario, problems: problemsOf(scenario) }));
  const failures = cases.filter(({ problems }) => problems.failure).length;
  const errors = cases.filter(({ problems }) => problems.error).length;
  const seconds = spanSeconds([result.startedAt, result.endedAt]);
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds}"`;
  const code = exitCodeFor(result);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mqchaos" ${counts}>`,
    `  <testsuite name="${escapeMarkup(result.suite)}" id="${escapeMarkup(result.runId)}" timestamp="${escapeMarkup(result.startedAt)}" ${counts}>`,
    '    <properties>',
    property('runId', result.runId),
    property('verdict', result.verdict),
    property('exitCode', `${code} (${describeExitCode(code)})`),
    property('estateDirty', String(result.estateDirty)),
    '    </properties>',
    ...cases.map(({ scenario, problems }) => testcase(result, scenario, problems)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

interface CaseProblems {
  failure?: { message: string; text: string };
  error?: { message: string; text: string };
}

function problemsOf(scenario: ScenarioResult): CaseProblems {
  const problems: CaseProblems = {};
  const { failures } = scenario.expectation;
  if (scenario.verdict === 'fail') {
    problems.failure = { message: failures.join('; '), text: failures.join('\n') };
  }
  const recovery = recoveryProblem(scenario);
  const reasons = [...noVerdictReasons(scenario), ...(recovery ? [recovery] : [])];
  if (reasons.length > 0) {
    const prefix = scenario.verdict === 'unknown' ? 'no verdict' : 'estate dirty';
    problems.error = { message: `${prefix}: ${reasons.join('; ')}`, text: reasons.join('\n') };
  }
  return problems;
}

function testcase(result: SuiteResult, scenario: ScenarioResult, problems: CaseProblems): string {
  const seconds = spanSeconds(scenario.events.map((event) => event.at));
  const open = `    <testcase classname="mqchaos.${escapeMarkup(result.suite)}" name="${escapeMarkup(scenario.scenario)}" time="${seconds}">`;
  const body: string[] = [];
  if (problems.failure) body.push(element('failure', 'expectation', problems.failure));
  if (problems.error) body.push(element('error', scenario.verdict === 'unknown' ? 'no-verdict' : 'recovery-failed', problems.error));
  const timeline = scenario.events.map((event) => `${event.at} ${event.kind} ${event.summary}`).join('\n');
  if (timeline) body.push(`      <system-out>${escapeMarkup(timeline)}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

function element(name: 'failure' | 'error', type: string, problem: { message: string; text: string }): string {
  return `      <${name} message="${escapeMarkup(problem.message)}" type="${type}">${escapeMarkup(problem.text)}</${name}>`;
}

function property(name: string, value: string): string {
  return `      <property name="${escapeMarkup(name)}" value="${escapeMarkup(value)}"/>`;
}

/** Seconds between the first and last of some ISO instants, 3 decimals; 0 when fewer than two. */
function spanSeconds(instants: readonly string[]): string {
  const ms = instants.map((at) => Date.parse(at)).filter((t) => Number.isFinite(t));
  if (ms.length < 2) return '0';
  const spanMs = ms.reduce((a, b) => Math.max(a, b)) - ms.reduce((a, b) => Math.min(a, b));
  return (spanMs / 1000).toFixed(3);
}

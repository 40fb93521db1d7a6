import { describeExitCode, exitCodeFor } from '../checkers/exit-code.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import { summarizeMessages } from './messages-section.ts';
import { noVerdictReasons, recoveryProblem, verdictLabel } from './verdict-words.ts';

const HEADINGS = ['Scenario', 'Verdict', 'Failover s', 'Failures'] as const;

/**
 * The plain-text table the CLI prints after a run: one row per scenario, further lines for
 * each additional failure, then the suite's verdict and exit code in words.
 */
export function renderSummaryTable(result: SuiteResult): string {
  const rows = result.scenarios.flatMap(rowsOf);
  const widths = [0, 1, 2].map((column) =>
    Math.max(HEADINGS[column]!.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd();
  const code = exitCodeFor(result);
  return [
    line(HEADINGS),
    line(widths.map((width) => '-'.repeat(width)).concat('-'.repeat(HEADINGS[3].length))),
    ...rows.map(line),
    '',
    `Suite ${result.suite} (run ${result.runId}): ${verdictLabel(result.verdict)}; exit ${code}: ${describeExitCode(code)}`,
    ...(result.estateDirty ? ['WARNING: a recovery failed; the estate may be left faulted. Check it before running again.'] : []),
  ].join('\n');
}

function rowsOf(scenario: ScenarioResult): string[][] {
  const seconds = scenario.failover.instanceFailoverSeconds;
  const recovery = recoveryProblem(scenario);
  const messages = summarizeMessages(scenario);
  const notes = [...scenario.expectation.failures, ...noVerdictReasons(scenario), ...(recovery ? [recovery] : []), ...(messages ? [messages] : [])];
  const first = [scenario.scenario, verdictLabel(scenario.verdict), seconds === null ? '-' : seconds.toFixed(3), notes[0] ?? ''];
  return [first, ...notes.slice(1).map((note) => ['', '', '', note])];
}

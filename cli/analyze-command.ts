import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { htmlFile, suiteFile } from '../records/run-layout.ts';
import { analyzeRun } from '../reports/analyze-run.ts';
import { renderSummaryTable } from '../reports/summary-table.ts';
import { formatDefinitionErrors } from '../suites/definition-error.ts';
import { loadExpectationFile } from '../suites/load-expectation-file.ts';
import { EXIT_BAD_INPUT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { neutraliseControls } from './terminal-text.ts';

/**
 * `mqchaos analyze <run-dir> [--expect FILE]`: judge a stored run again — no Temporal, SSH
 * or estate. Without `--expect` it rewrites the run's results and report; with it, every
 * scenario is judged against the expectation in FILE instead (a tightened threshold) and the
 * stored run is left as it is. A folder that is not a readable run (missing, no suite.json, a
 * file that does not parse) is bad input: exit 2 naming what is wrong, no stack trace.
 */
export async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { expect: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('expected exactly one run directory');
  const runDir = resolve(positionals[0]!);
  let expect;
  if (values.expect !== undefined) {
    const loaded = await loadExpectationFile(values.expect);
    if (!loaded.ok) {
      process.stderr.write(`${formatDefinitionErrors(loaded.errors, { cwd: process.cwd() })}\n`);
      return EXIT_BAD_INPUT;
    }
    expect = loaded.expect;
  }
  const shown = relative(process.cwd(), runDir) || '.';
  const problem = !existsSync(runDir)
    ? `${shown}: no such folder`
    : !statSync(runDir).isDirectory()
      ? `${shown}: not a folder`
      : !existsSync(suiteFile(runDir))
        ? `${join(shown, relative(runDir, suiteFile(runDir)))} is missing: ${shown} is not an mqchaos run folder`
        : null;
  if (problem) return badRun(problem);
  let result;
  try {
    result = await analyzeRun(runDir, expect ? { expect } : {});
  } catch (err) {
    // Judging reads nothing but the folder's files (their readers name the file and what is wrong with it).
    return badRun(`${shown}: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.stdout.write(`${neutraliseControls(renderSummaryTable(result))}\n`);
  if (expect) process.stdout.write(`Judged against ${expect.source}; the stored report is unchanged.\n`);
  else process.stdout.write(`Report: ${relative(process.cwd(), htmlFile(runDir))}\n`);
  return exitCodeFor(result);
}

function badRun(problem: string): number {
  process.stderr.write(`mqchaos analyze: ${neutraliseControls(problem)}; nothing was rewritten.\n`);
  return EXIT_BAD_INPUT;
}

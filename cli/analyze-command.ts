import { relative, resolve } from 'node:path';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { htmlFile } from '../records/run-layout.ts';
import { analyzeRun } from '../reports/analyze-run.ts';
import { renderSummaryTable } from '../reports/summary-table.ts';
import { formatDefinitionErrors } from '../suites/definition-error.ts';
import { loadExpectationFile } from '../suites/load-expectation-file.ts';
import { EXIT_BAD_INPUT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';

/**
 * `mqchaos analyze <run-dir> [--expect FILE]`: judge a stored run again — no Temporal, SSH
 * or estate. Without `--expect` it rewrites the run's results and report; with it, every
 * scenario is judged against the expectation in FILE instead (a tightened threshold) and the
 * stored run is left as it is.
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
  const result = await analyzeRun(runDir, expect ? { expect } : {});
  process.stdout.write(`${renderSummaryTable(result)}\n`);
  if (expect) process.stdout.write(`Judged against ${expect.source}; the stored report is unchanged.\n`);
  else process.stdout.write(`Report: ${relative(process.cwd(), htmlFile(runDir))}\n`);
  return exitCodeFor(result);
}

import { join, relative, resolve } from 'node:path';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { analyzeRun } from '../reports/analyze-run.ts';
import { renderSummaryTable } from '../reports/summary-table.ts';
import { UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';

/** `mqchaos analyze <run-dir>`: judge a stored run again — no Temporal, SSH or lab — and rewrite its report. */
export async function analyzeCommand(args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {});
  if (positionals.length !== 1) throw new UsageError('expected exactly one run directory');
  const runDir = resolve(positionals[0]!);
  const result = await analyzeRun(runDir);
  process.stdout.write(`${renderSummaryTable(result)}\n`);
  process.stdout.write(`Report: ${relative(process.cwd(), join(runDir, 'index.html'))}\n`);
  return exitCodeFor(result);
}

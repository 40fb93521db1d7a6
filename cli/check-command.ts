import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { parse } from 'yaml';
import type { ConformanceReport } from '../checkers/conformance-facts.ts';
import { renderConformanceChecklist } from '../reports/conformance-checklist.ts';
import { DEFAULT_CONFORMANCE, type ConformanceSpec } from '../suites/conformance-model.ts';
import { formatDefinitionErrors, loadEstateFile } from '../suites/load-suite.ts';
import type { EstateSpec } from '../suites/suite-model.ts';
import { runConformance } from '../workflows/index.ts';
import { DEFAULT_TASK_QUEUE } from './create-worker.ts';
import { EXIT_BAD_INPUT, EXIT_EXPECTATION_FAILED, EXIT_NO_VERDICT, EXIT_PASS, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { loadSuiteOrReport, resolveEstate } from './suite-input.ts';
import { connectTemporal } from './temporal-connection.ts';

/**
 * `mqchaos check <suite|estate>`: the conformance checks alone, as the runConformance
 * workflow, printed as a checklist. A suite gives the estate (a lab estate starts the lab)
 * and its `conformance:` settings; an estate file is checked with the defaults. Exit 0 when
 * every check holds, 1 when one fails, 4 when one could not run, 2 on bad input.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'task-queue': { type: 'string' },
    'in-process-worker': { type: 'boolean' },
    'keep-lab': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one suite or estate file');
  const file = positionals[0]!;
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const target = await readTarget(file, values['keep-lab'] ?? false, cleanups);
    if (!target) return EXIT_BAD_INPUT;
    const taskQueue = values['task-queue'] ?? process.env.MQCHAOS_TASK_QUEUE ?? DEFAULT_TASK_QUEUE;
    const { client, address } = await connectTemporal({ taskQueue, inProcessWorker: values['in-process-worker'] ?? !process.env.TEMPORAL_ADDRESS, cleanups });
    const workflowId = `mqchaos-check-${randomBytes(3).toString('hex')}`;
    process.stdout.write(`Conformance checks on Temporal ${address} (${workflowId})\n\n`);
    let report: ConformanceReport;
    try {
      report = await client.workflow.execute(runConformance, { taskQueue, workflowId, args: [{ estate: target.estate, config: target.config }] });
    } catch (err) {
      if (!(err instanceof WorkflowFailedError)) throw err;
      process.stderr.write(`The checks did not complete: ${err.cause?.message ?? err.message}\n`);
      return EXIT_NO_VERDICT;
    }
    process.stdout.write(`${renderConformanceChecklist(report)}\n`);
    return report.verdict === 'pass' ? EXIT_PASS : report.verdict === 'fail' ? EXIT_EXPECTATION_FAILED : EXIT_NO_VERDICT;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** A suite (it has `suite:`) or an estate file; undefined after reporting bad input. */
async function readTarget(file: string, keepLab: boolean, cleanups: Array<() => Promise<void>>): Promise<{ estate: EstateSpec; config: ConformanceSpec } | undefined> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (err) {
    process.stderr.write(`${file}: ${(err as Error).message}\n`);
    return undefined;
  }
  if (data !== null && typeof data === 'object' && 'suite' in data) {
    const suite = await loadSuiteOrReport(file);
    if (!suite) return undefined;
    const estate = await resolveEstate(suite, { keepLab });
    if (!estate.ok) return undefined;
    cleanups.push(estate.release);
    return { estate: estate.estate, config: suite.conformance ?? DEFAULT_CONFORMANCE };
  }
  const loaded = await loadEstateFile(file);
  if (!loaded.ok) {
    process.stderr.write(`${formatDefinitionErrors(loaded.errors, { cwd: process.cwd() })}\n`);
    return undefined;
  }
  return { estate: loaded.estate, config: DEFAULT_CONFORMANCE };
}

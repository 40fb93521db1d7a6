import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { readSuiteResult } from '../records/result-files.ts';
import { htmlFile, runFolder, runsIndexFile } from '../records/run-layout.ts';
import { renderConformanceChecklist } from '../reports/conformance-checklist.ts';
import { renderSummaryTable } from '../reports/summary-table.ts';
import type { ResolvedSuite } from '../suites/suite-model.ts';
import { runSuite } from '../workflows/index.ts';
import type { RunSuiteInput, SuiteOutcome } from '../records/run-contracts.ts';
import { DEFAULT_TASK_QUEUE } from './create-worker.ts';
import { connectTemporal } from './temporal-connection.ts';
import { EXIT_BAD_INPUT, EXIT_NO_VERDICT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { loadSuiteOrReport, resolveEstate } from './suite-input.ts';
import { runsDir } from './state-paths.ts';

function newRunId(suite: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${suite}-${randomBytes(2).toString('hex')}`;
}

/**
 * `mqchaos run <suite>`: validate (exit 2, nothing touched), resolve the estate (starting the
 * lab if the suite names it), then run the suite as a workflow — on the cluster at
 * TEMPORAL_ADDRESS, or on an embedded dev server with an in-process worker.
 */
export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'task-queue': { type: 'string' },
    'in-process-worker': { type: 'boolean' },
    'keep-lab': { type: 'boolean' },
    'run-id': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one suite file');
  const loaded = await loadSuiteOrReport(positionals[0]!);
  if (!loaded) return EXIT_BAD_INPUT;

  const estate = await resolveEstate(loaded, { keepLab: values['keep-lab'] ?? false });
  if (!estate.ok) return EXIT_BAD_INPUT;
  const cleanups: Array<() => Promise<void>> = [estate.release];
  try {
    const suite: ResolvedSuite = { ...loaded, estate: estate.estate };
    const runId = values['run-id'] ?? newRunId(suite.name);
    const input: RunSuiteInput = { runId, runsDir: runsDir(), suite };
    const runDir = runFolder(input.runsDir, runId);
    const outcome = await executeOnTemporal(input, {
      taskQueue: values['task-queue'] ?? process.env.MQCHAOS_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
      inProcessWorker: values['in-process-worker'] ?? !process.env.TEMPORAL_ADDRESS,
      cleanups,
    });
    // The report is written even when the run was cancelled; with a remote worker it is on that worker's disk.
    const result = await readSuiteResult(runDir);
    if (result) {
      if (result.conformance) process.stdout.write(`\n${renderConformanceChecklist(result.conformance)}\n`);
      process.stdout.write(`\n${renderSummaryTable(result)}\n`);
      process.stdout.write(`Report: ${relative(process.cwd(), htmlFile(runDir))}\n`);
      process.stdout.write(`All runs: ${relative(process.cwd(), runsIndexFile(input.runsDir))}\n`);
    } else if (outcome) {
      process.stdout.write(`Verdict ${outcome.verdict}; report on the worker at ${outcome.reportDir}\n`);
    }
    // The exit code is the suite's judgement as the run assembled it (a cancelled run returns none: its report's).
    if (outcome) return outcome.exitCode;
    return result ? exitCodeFor(result) : EXIT_NO_VERDICT;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

async function executeOnTemporal(
  input: RunSuiteInput,
  options: { taskQueue: string; inProcessWorker: boolean; cleanups: Array<() => Promise<void>> },
): Promise<SuiteOutcome | undefined> {
  const { client, address, server, namespace } = await connectTemporal(options);
  const workflowId = `mqchaos-${input.runId}`;
  process.stdout.write(`Run ${input.runId} on Temporal ${address}`);
  process.stdout.write(server ? ` (Web UI ${server.uiAddress}/namespaces/${namespace}/workflows/${workflowId})\n` : '\n');

  const handle = await client.workflow.start(runSuite, { taskQueue: options.taskQueue, workflowId, args: [input] });
  const onInterrupt = () => {
    process.stderr.write('\nInterrupted: cancelling the run; recovery restores the estate before it ends (Ctrl-C again to leave now).\n');
    process.once('SIGINT', () => process.exit(130));
    void handle.cancel();
  };
  process.once('SIGINT', onInterrupt);
  options.cleanups.push(async () => void process.removeListener('SIGINT', onInterrupt));
  try {
    return await handle.result();
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) throw err;
    process.stderr.write(`The run did not complete: ${err.cause?.message ?? err.message}\n`);
    return undefined;
  }
}

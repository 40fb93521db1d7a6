import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { readSuiteResult } from '../records/result-files.ts';
import { htmlFile, runFolder, runsIndexFile } from '../records/run-layout.ts';
import { renderConformanceChecklist } from '../reports/conformance-checklist.ts';
import { renderRegressionSummary } from '../reports/regression-summary.ts';
import { readRuns, writeRunsIndex } from '../reports/runs-index.ts';
import { renderSummaryTable } from '../reports/summary-table.ts';
import type { ResolvedSuite } from '../suites/suite-model.ts';
import { ESTATE_BUSY } from '../workflows/estate-lock.ts';
import { runSuite } from '../workflows/index.ts';
import type { RunSuiteInput, SuiteOutcome } from '../records/run-contracts.ts';
import { DEFAULT_TASK_QUEUE } from './create-worker.ts';
import { describeEstateHolder } from './estate-holder.ts';
import { connectTemporal } from './temporal-connection.ts';
import { EXIT_BAD_INPUT, EXIT_NO_VERDICT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { regressionPolicyFrom } from './regression-options.ts';
import { handleRunInterrupts, type RunInterrupts } from './run-interrupts.ts';
import { loadSuiteOrReport, resolveEstate } from './suite-input.ts';
import { runsDir } from './state-paths.ts';
import { neutraliseControls } from './terminal-text.ts';

function newRunId(suite: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${suite}-${randomBytes(2).toString('hex')}`;
}

/** A run id names a workflow and a folder: the characters of a scenario name, a little longer (the generated ones carry a time stamp). */
const RUN_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

type Cleanup = () => Promise<void>;

/**
 * `mqchaos run <suite>`: validate (exit 2, nothing touched), resolve the estate (starting the
 * lab if the suite names it), then run the suite as a workflow — on the cluster at
 * TEMPORAL_ADDRESS, or on an embedded dev server with an in-process worker. The command
 * owns SIGINT/SIGTERM (run-interrupts.ts).
 */
export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'task-queue': { type: 'string' },
    'in-process-worker': { type: 'boolean' },
    'keep-lab': { type: 'boolean' },
    'run-id': { type: 'string' },
    wait: { type: 'boolean' },
    'regression-window': { type: 'string' },
    'regression-margin': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one suite file');
  const regressionPolicy = regressionPolicyFrom(values);
  const requestedRunId = values['run-id'];
  if (requestedRunId !== undefined && !RUN_ID.test(requestedRunId)) {
    throw new UsageError(
      `--run-id "${neutraliseControls(requestedRunId)}": lower-case letters, digits and hyphens, starting with a letter or digit, at most 100 characters (it becomes a workflow id and a folder name)`,
    );
  }
  const cleanups: Cleanup[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  const leaveNowCleanups: Cleanup[] = [];
  const interrupts = handleRunInterrupts({
    // Leaving before the recovery ended: the dev server and the lab are left as every other exit leaves them, the worker is not drained.
    leaveNow: async (code) => {
      for (const cleanup of leaveNowCleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
      process.exit(code);
    },
  });
  try {
    const loaded = await loadSuiteOrReport(positionals[0]!);
    if (!loaded) return EXIT_BAD_INPUT;
    const runId = requestedRunId ?? newRunId(loaded.name);
    const inProcessWorker = values['in-process-worker'] ?? !process.env.TEMPORAL_ADDRESS;
    // An in-process worker polls a task queue of this run's own: no other CLI's worker takes this run's tasks, and this one takes no other run's.
    const taskQueue = values['task-queue'] ?? process.env.MQCHAOS_TASK_QUEUE ?? (inProcessWorker ? `mqchaos-run-${runId}` : DEFAULT_TASK_QUEUE);
    // Temporal (the dev server, the worker and its workflow bundle) and the lab each take a second or more: they start together.
    const temporalCleanups: Cleanup[] = [];
    const connecting = connectTemporal({ taskQueue, inProcessWorker, cleanups: temporalCleanups });
    connecting.catch(() => undefined); // awaited below, where its failure is reported
    const stopTemporal = async () => {
      await connecting.catch(() => undefined);
      for (const cleanup of temporalCleanups.splice(0).reverse()) await cleanup();
    };
    let estate: Awaited<ReturnType<typeof resolveEstate>>;
    try {
      estate = await resolveEstate(loaded, { keepLab: values['keep-lab'] ?? false });
    } catch (error) {
      await stopTemporal();
      throw error;
    }
    if (!estate.ok) {
      await stopTemporal();
      return EXIT_BAD_INPUT;
    }
    cleanups.push(estate.release);
    leaveNowCleanups.push(estate.release);
    cleanups.push(stopTemporal);
    if (interrupts.beforeStart) return EXIT_NO_VERDICT;

    const suite: ResolvedSuite = { ...loaded, estate: estate.estate };
    const input: RunSuiteInput = { runId, runsDir: runsDir(), suite, waitForEstate: values.wait ?? false };
    const runDir = runFolder(input.runsDir, runId);
    const ran = await executeOnTemporal(input, { connecting, leaveNowCleanups, interrupts, taskQueue });
    if (ran.kind === 'busy') return EXIT_BAD_INPUT;
    if (ran.kind === 'not-started') return EXIT_NO_VERDICT;
    interrupts.finished();
    // The report is written even when the run was cancelled; with a remote worker it is on that worker's disk.
    const result = await readSuiteResult(runDir);
    if (result) {
      if (result.conformance) process.stdout.write(`\n${neutraliseControls(renderConformanceChecklist(result.conformance))}\n`);
      process.stdout.write(`\n${neutraliseControls(renderSummaryTable(result))}\n`);
      const earlier = (await readRuns(input.runsDir)).map((run) => run.result).filter((run) => run.startedAt < result.startedAt);
      process.stdout.write(`${neutraliseControls(renderRegressionSummary(result, earlier, regressionPolicy))}\n`);
      await writeRunsIndex(input.runsDir, regressionPolicy);
      process.stdout.write(`Report: ${relative(process.cwd(), htmlFile(runDir))}\n`);
      process.stdout.write(`All runs: ${relative(process.cwd(), runsIndexFile(input.runsDir))}\n`);
    } else if (ran.outcome) {
      process.stdout.write(`Verdict ${ran.outcome.verdict}; report on the worker at ${ran.outcome.reportDir}\n`);
    }
    // The exit code is the suite's judgement as the run assembled it (a cancelled run returns none: its report's).
    if (ran.outcome) return ran.outcome.exitCode;
    return result ? exitCodeFor(result) : EXIT_NO_VERDICT;
  } finally {
    await cleanUp();
    interrupts.dispose();
  }
}

type Ran = { kind: 'done'; outcome: SuiteOutcome | undefined } | { kind: 'busy' } | { kind: 'not-started' };

async function executeOnTemporal(
  input: RunSuiteInput,
  options: { connecting: ReturnType<typeof connectTemporal>; taskQueue: string; leaveNowCleanups: Cleanup[]; interrupts: RunInterrupts },
): Promise<Ran> {
  const { client, address, server, namespace } = await options.connecting;
  if (server) options.leaveNowCleanups.push(() => server.stop());
  if (options.interrupts.beforeStart) return { kind: 'not-started' };
  const workflowId = `mqchaos-${input.runId}`;
  process.stdout.write(`Run ${input.runId} on Temporal ${address}`);
  process.stdout.write(server ? ` (Web UI ${server.uiAddress}/namespaces/${namespace}/workflows/${workflowId})\n` : '\n');

  const handle = await client.workflow.start(runSuite, { taskQueue: options.taskQueue, workflowId, args: [input] });
  options.interrupts.attach({ client, handle, workflowId, scenarios: input.suite.scenarios.map((s) => s.name), taskQueue: options.taskQueue });
  try {
    return { kind: 'done', outcome: await handle.result() };
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) throw err;
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && cause.type === ESTATE_BUSY) {
      const lockId = String(cause.details?.[0] ?? '');
      process.stderr.write(`${neutraliseControls(await describeEstateHolder(client, lockId, address))}\n`);
      return { kind: 'busy' };
    }
    process.stderr.write(`The run did not complete: ${neutraliseControls(cause?.message ?? err.message)}\n`);
    return { kind: 'done', outcome: undefined };
  }
}

import { resolve } from 'node:path';
import { Client, Connection, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { runSuite } from '../workflows/index.ts';
import type { RunSuiteInput } from '../records/run-contracts.ts';
import { DEFAULT_TASK_QUEUE } from './create-worker.ts';
import { runningDevServer } from './dev-server.ts';
import { EXIT_BAD_INPUT, UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';
import { runsDir } from './state-paths.ts';
import { loadSuiteOrReport, resolveEstate } from './suite-input.ts';

const SCHEDULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The cluster schedules live on: TEMPORAL_ADDRESS, else the embedded server `mqchaos server` keeps running. */
async function connect(): Promise<{ client: Client; close: () => Promise<void> }> {
  const address = process.env.TEMPORAL_ADDRESS ?? runningDevServer()?.address;
  if (!address) {
    throw new UsageError('schedules need a Temporal server that stays up: set TEMPORAL_ADDRESS, or start `mqchaos server` (embedded server, Web UI and worker)');
  }
  const connection = await Connection.connect({ address });
  return { client: new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }), close: () => connection.close() };
}

/**
 * `mqchaos schedule create|list|trigger|delete`: scheduled resilience runs as Temporal
 * schedules that start `runSuite`. The suite is validated and its estate resolved when the
 * schedule is created; each run gets its own run id (the workflow id the schedule gives it).
 */
export async function scheduleCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    id: { type: 'string' },
    cron: { type: 'string' },
    every: { type: 'string' },
    'task-queue': { type: 'string' },
    note: { type: 'string' },
    'runs-dir': { type: 'string' },
  });
  const [action, target] = positionals;
  if (action === 'create') {
    if (!target) throw new UsageError('schedule create needs a suite file');
    if (!values.id || !SCHEDULE_ID.test(values.id)) throw new UsageError('schedule create needs --id (letters, digits, . _ -)');
    if (!values.cron === !values.every) throw new UsageError('give exactly one of --cron "<expr>" or --every <duration, e.g. 6h>');
    const suite = await loadSuiteOrReport(target);
    if (!suite) return EXIT_BAD_INPUT;
    // A lab estate has to outlive this command for the runs to find it.
    const estate = await resolveEstate(suite, { keepLab: true });
    if (!estate.ok) return EXIT_BAD_INPUT;
    const input: RunSuiteInput = { runsDir: resolve(values['runs-dir'] ?? runsDir()), suite: { ...suite, estate: estate.estate } };
    const { client, close } = await connect();
    try {
      await client.schedule.create({
        scheduleId: values.id,
        spec: values.cron ? { cronExpressions: [values.cron], timezone: 'UTC' } : { intervals: [{ every: values.every! }] },
        action: {
          type: 'startWorkflow',
          workflowType: runSuite,
          args: [input],
          taskQueue: values['task-queue'] ?? process.env.MQCHAOS_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
          workflowId: `mqchaos-${values.id}`,
        },
        // A drill never overlaps another on the same estate; a missed slot is not made up later.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes', pauseOnFailure: false },
        state: { note: values.note ?? `mqchaos suite ${suite.name} (${suite.file})` },
      });
      process.stdout.write(`Schedule ${values.id} created: suite ${suite.name}, ${values.cron ? `cron ${values.cron} UTC` : `every ${values.every}`}; reports in ${input.runsDir}\n`);
      return 0;
    } finally {
      await close();
    }
  }
  const { client, close } = await connect();
  try {
    switch (action) {
      case 'list': {
        for await (const schedule of client.schedule.list()) {
          const next = schedule.info.nextActionTimes[0]?.toISOString() ?? '-';
          process.stdout.write(`${schedule.scheduleId}\tnext ${next}\t${schedule.state.paused ? 'paused' : 'active'}\t${schedule.state.note ?? ''}\n`);
        }
        return 0;
      }
      case 'trigger':
      case 'delete': {
        if (!target) throw new UsageError(`schedule ${action} needs a schedule id`);
        const handle = client.schedule.getHandle(target);
        try {
          await (action === 'trigger' ? handle.trigger() : handle.delete());
        } catch (err) {
          if (err instanceof ScheduleNotFoundError) throw new UsageError(`no schedule "${target}"`);
          throw err;
        }
        process.stdout.write(`Schedule ${target} ${action === 'trigger' ? 'triggered' : 'deleted'}.\n`);
        return 0;
      }
      default:
        throw new UsageError('expected "schedule create <suite> --id ID --cron EXPR|--every DURATION", "schedule list", "schedule trigger ID" or "schedule delete ID"');
    }
  } finally {
    await close();
  }
}

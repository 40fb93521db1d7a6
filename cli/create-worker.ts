import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkerOptions, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { reportRun } from '../reports/analyze-run.ts';
import { writeRunsIndex } from '../reports/runs-index.ts';
import { cacheDir, packageRoot } from './state-paths.ts';
import { cachedWorkflowBundle } from './workflow-bundle-cache.ts';

export const DEFAULT_TASK_QUEUE = 'mqchaos';

let runtimeInstalled = false;
/**
 * The Temporal runtime of an mqchaos process. Warnings only (it logs at INFO by default),
 * to the file `$MQCHAOS_WORKER_LOG` names when set (tests, daemons) rather than the terminal.
 * It installs no signal handlers: by default it would shut every worker down on SIGINT/SIGTERM,
 * stopping the in-process worker while a scenario still has to restore the estate. Each
 * command owns its signals instead (`run` cancels and waits for recovery, `worker` drains).
 */
export function installQuietRuntime(env: NodeJS.ProcessEnv = process.env): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: workerLogger(env), shutdownSignals: [] });
  runtimeInstalled = true;
}

/** Warnings and errors only, to `$MQCHAOS_WORKER_LOG` when set, else the terminal (also for activity test environments). */
export function workerLogger(env: NodeJS.ProcessEnv = process.env): DefaultLogger {
  const logFile = env.MQCHAOS_WORKER_LOG;
  if (!logFile) return new DefaultLogger('WARN');
  mkdirSync(dirname(logFile), { recursive: true });
  return new DefaultLogger('WARN', ({ level, message, meta, timestampNanos }) => {
    const at = new Date(Number(timestampNanos / 1_000_000n)).toISOString();
    appendFileSync(logFile, `${at} [${level}] ${message}${meta === undefined ? '' : ` ${inspect(meta, { depth: 4, breakLength: Infinity })}`}\n`);
  });
}

let bundle: Promise<WorkflowBundle> | undefined;
/**
 * The workflow bundle: read from the cache directory when the workflows' sources have not
 * changed since it was built, otherwise built (a few seconds) and cached; once per process.
 */
export function workflowBundle(): Promise<WorkflowBundle> {
  const workflowsPath = join(packageRoot, 'workflows', 'index.ts');
  bundle ??= cachedWorkflowBundle(workflowsPath, join(cacheDir(), 'workflow-bundles'), () =>
    bundleWorkflowCode({
      workflowsPath,
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    }),
  ).then(({ code }) => ({ code }));
  return bundle;
}

export interface MqchaosWorker {
  worker: Worker;
  /** Closes the worker's SSH connections; call after the worker has stopped. */
  close(): Promise<void>;
}

export async function createMqchaosWorker(options: {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  /** Activity interceptors (tracing, metrics; tests use one to stop a worker at a chosen step). */
  activityInterceptors?: NonNullable<WorkerOptions['interceptors']>['activity'];
}): Promise<MqchaosWorker> {
  const ssh = new SshPool();
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ ssh, reporter: { reportRun, writeRunsIndex } }),
    // Cancellation reaches an activity only with a heartbeat: keep them frequent so an abort is prompt.
    maxHeartbeatThrottleInterval: '1 second',
    ...(options.activityInterceptors ? { interceptors: { activity: options.activityInterceptors } } : {}),
  });
  return { worker, close: () => ssh.closeAll() };
}

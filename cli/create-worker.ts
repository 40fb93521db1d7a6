import { join } from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { reportRun } from '../reports/analyze-run.ts';
import { writeRunsIndex } from '../reports/runs-index.ts';
import { packageRoot } from './state-paths.ts';

export const DEFAULT_TASK_QUEUE = 'mqchaos';

let runtimeInstalled = false;
/** Temporal's runtime logs at INFO by default; a CLI user wants warnings only. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

let bundle: Promise<WorkflowBundle> | undefined;
/** The workflow bundle, built once per process (about a second). */
export function workflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: join(packageRoot, 'workflows', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
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
  });
  return { worker, close: () => ssh.closeAll() };
}

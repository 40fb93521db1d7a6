import { DEFAULT_TASK_QUEUE } from './create-worker.ts';
import { startDevServer } from './dev-server.ts';
import { startInProcessWorker } from './in-process-worker.ts';

/**
 * `mqchaos server`: the embedded Temporal dev server, its Web UI and a worker, in the
 * foreground — to browse run history and to serve schedules without a cluster. SIGINT/SIGTERM
 * drain the worker and stop the server (which runs in a session of its own, so it is never
 * orphaned by a signal to this one's process group).
 */
export async function serverCommand(): Promise<number> {
  const server = await startDevServer();
  process.stdout.write(`Temporal dev server at ${server.address}; Web UI ${server.uiAddress}\n`);
  if (!server.owned) {
    process.stdout.write('(already running from this state directory; leaving it as it is)\n');
    return 0;
  }
  const taskQueue = process.env.MQCHAOS_TASK_QUEUE ?? DEFAULT_TASK_QUEUE;
  const worker = await startInProcessWorker({ address: server.address, taskQueue });
  process.stdout.write(`Worker polling task queue "${taskQueue}". Ctrl-C to stop.\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`${signal}: draining the worker, then stopping the dev server (unless a run still uses it: the last one out stops it).\n`);
  await worker.stop();
  await server.stop();
  return 0;
}

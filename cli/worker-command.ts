import { NativeConnection } from '@temporalio/worker';
import { createMqchaosWorker, DEFAULT_TASK_QUEUE, installQuietRuntime } from './create-worker.ts';
import { UsageError } from './exit-codes.ts';
import { parseOptions } from './parse-options.ts';

/** `mqchaos worker`: a standalone worker for a real Temporal cluster; runs until SIGINT/SIGTERM. */
export async function workerCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    'task-queue': { type: 'string' },
    address: { type: 'string' },
    namespace: { type: 'string' },
  });
  const address = values.address ?? process.env.TEMPORAL_ADDRESS;
  if (!address) throw new UsageError('no Temporal cluster: set TEMPORAL_ADDRESS or pass --address host:port');
  const namespace = values.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = values['task-queue'] ?? process.env.MQCHAOS_TASK_QUEUE ?? DEFAULT_TASK_QUEUE;
  installQuietRuntime();
  const connection = await NativeConnection.connect({ address });
  const { worker, close } = await createMqchaosWorker({ connection, namespace, taskQueue });
  process.stdout.write(`mqchaos worker polling task queue "${taskQueue}" on ${address} (namespace ${namespace})\n`);
  // The runtime installs no signal handlers (create-worker.ts): SIGINT/SIGTERM drain the worker here.
  const drain = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal}: draining the worker (running activities finish or are cancelled)\n`);
    worker.shutdown();
  };
  process.once('SIGINT', drain);
  process.once('SIGTERM', drain);
  try {
    await worker.run();
  } finally {
    process.off('SIGINT', drain);
    process.off('SIGTERM', drain);
  }
  await close();
  await connection.close();
  return 0;
}

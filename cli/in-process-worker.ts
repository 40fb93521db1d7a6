import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createMqchaosWorker, installQuietRuntime } from './create-worker.ts';

/** A client and an mqchaos worker in this process, both on one Temporal server. */
export interface InProcessWorker {
  client: Client;
  taskQueue: string;
  /** Drains the worker, then closes its SSH connections and both Temporal connections. */
  stop(): Promise<void>;
}

export async function startInProcessWorker(options: {
  address: string;
  taskQueue: string;
  namespace?: string;
}): Promise<InProcessWorker> {
  installQuietRuntime();
  const namespace = options.namespace ?? 'default';
  const connection = await Connection.connect({ address: options.address });
  const nativeConnection = await NativeConnection.connect({ address: options.address });
  const { worker, close } = await createMqchaosWorker({ connection: nativeConnection, namespace, taskQueue: options.taskQueue });
  const running = worker.run();
  return {
    client: new Client({ connection, namespace }),
    taskQueue: options.taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await close();
      await nativeConnection.close();
      await connection.close();
    },
  };
}

import { Client, Connection } from '@temporalio/client';
import { installQuietRuntime } from './create-worker.ts';
import { startInProcessWorker } from './in-process-worker.ts';
import { startDevServer, type DevServer } from './dev-server.ts';

export interface TemporalConnectOptions {
  taskQueue: string;
  inProcessWorker: boolean;
  /** Stops of what this call started, run by the caller in reverse order. */
  cleanups: Array<() => Promise<void>>;
}

/**
 * A Temporal client for a command: the cluster at TEMPORAL_ADDRESS, or an embedded dev
 * server; with an in-process worker when asked (no TEMPORAL_ADDRESS, or --in-process-worker).
 */
export async function connectTemporal(options: TemporalConnectOptions): Promise<{ client: Client; address: string; server: DevServer | undefined; namespace: string }> {
  let server: DevServer | undefined;
  let address = process.env.TEMPORAL_ADDRESS;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  if (!address) {
    server = await startDevServer();
    options.cleanups.push(() => server!.stop());
    address = server.address;
  }
  if (options.inProcessWorker) {
    const worker = await startInProcessWorker({ address, namespace, taskQueue: options.taskQueue });
    options.cleanups.push(worker.stop);
    return { client: worker.client, address, server, namespace };
  }
  installQuietRuntime();
  const connection = await Connection.connect({ address });
  options.cleanups.push(() => connection.close());
  return { client: new Client({ connection, namespace }), address, server, namespace };
}

import { loadMqiModule } from '../mq/mqi-module.ts';
import type { ClientControl } from './client-connection.ts';
import { ConsumerClient } from './consumer-client.ts';
import { ProducerClient } from './producer-client.ts';
import type { ClientStatus, FromClient, ToClient } from './traffic-ipc.ts';

/**
 * Entry point of one traffic client process, forked by the traffic activity with
 * LD_LIBRARY_PATH naming the MQ client library directory. It speaks the protocol of
 * traffic-ipc.ts, writes its own traffic log, and ends by itself at its hard deadline or when
 * the activity goes away (the IPC channel closes).
 */

// The ibmmq package builds an MQError (and a TypeError) with a stack on every call, even one
// that succeeds; the stacks are most of its cost per message and nothing here reads them.
Error.stackTraceLimit = 0;

const control: ClientControl = { stopRequested: false, aborted: false };
let client: ProducerClient | ConsumerClient | undefined;
let clientId = '';

function send(message: FromClient): void {
  if (process.connected) process.send!(message);
}

function statusOf(): ClientStatus {
  return { id: clientId, count: client?.count ?? 0, connected: client?.connected ?? false };
}

async function start(message: Extract<ToClient, { type: 'start' }>): Promise<void> {
  const { plan } = message;
  clientId = plan.id;
  // Past the deadline the process ends, even if a call never returns.
  setTimeout(() => process.exit(3), Math.max(0, plan.hardDeadlineMs - Date.now()) + 5_000).unref();
  const mq = await loadMqiModule(message.libraryDir);
  client = plan.role === 'producer' ? new ProducerClient(mq, plan, control) : new ConsumerClient(mq, plan, control);
  // A client that never connects still runs, to end its log; the activity sees `finished` without `ready`.
  if (await client.connect()) send({ type: 'ready', status: statusOf() });
  const summary = await client.run();
  send({ type: 'finished', summary });
}

process.on('message', (message: ToClient) => {
  switch (message.type) {
    case 'start':
      start(message)
        .catch((error: unknown) => send({ type: 'failed', error: error instanceof Error ? error.message : String(error) }))
        .finally(() => process.disconnect?.());
      break;
    case 'stop':
      control.stopRequested = true;
      break;
    case 'abort':
      control.aborted = true;
      break;
    case 'status':
      send({ type: 'status', status: statusOf() });
      break;
  }
});
process.on('disconnect', () => {
  control.aborted = true;
});

import { createHash } from 'node:crypto';
import { heartbeat, sleep } from '@temporalio/activity';
import { trafficLogFile } from '../../records/run-layout.ts';
import type { EstateSpec } from '../../suites/suite-model.ts';
import type { TrafficSpec } from '../../suites/traffic-model.ts';
import { resolveClientEndpoint, type ClientEndpoint } from '../mq/client-endpoint.ts';
import { TrafficClientProcess } from './traffic-client-process.ts';
import type { ClientPlan, ClientSummary, ConsumerPlan, ProducerPlan } from './traffic-ipc.ts';
import { isStopRequested, writeTrafficState } from './traffic-state.ts';

export interface RunTrafficRequest {
  runId: string;
  scenario: string;
  scenarioDir: string;
  queueManager: string;
  estate: EstateSpec;
  traffic: TrafficSpec;
  /** Longest the producers put, from the start, if no stop is requested before. */
  maxProducingMs: number;
}

export interface TrafficSummary {
  stoppedBy: 'request' | 'deadline';
  clients: ClientSummary[];
}

const CONNECT_TIMEOUT_MS = 30_000;
const TICK_MS = 250;
const PRODUCER_STOP_GRACE_MS = 30_000;
const CONSUMER_DRAIN_GRACE_MS = 15_000;
// A client hears the abort only between MQI calls, and a call made while the client library
// reconnects blocks through its reconnect delays (102, 831, 2262, 3984 ms…): wait that long before killing it.
const ABORT_GRACE_MS = 10_000;
const SLICE_MS = 50;
const BLOCKED_CALL_MS = 250;
const CONSUMER_WAIT_MS = 100;

/**
 * The traffic activity: one process per producer and consumer (traffic-client-main.ts),
 * consumers first; runs until `requestTrafficStop` or `maxProducingMs`; then stops the
 * producers, lets the consumers drain, and returns a summary. The records are in
 * `<scenario-dir>/traffic/`, never in history. Cancelled, it aborts every client (their logs
 * are flushed) and kills any that does not end within a few seconds.
 */
export async function runTraffic(request: RunTrafficRequest): Promise<TrafficSummary> {
  const startedAt = Date.now();
  const hardDeadlineMs = startedAt + request.maxProducingMs + request.traffic.drainSeconds * 1000 + PRODUCER_STOP_GRACE_MS;
  const clients: TrafficClientProcess[] = [];
  const beat = (phase: string) => heartbeat({ phase, counts: clients.map((client) => client.status.count) });
  await writeTrafficState(request.scenarioDir, { phase: 'starting', at: Date.now() });
  try {
    const endpoint = resolveClientEndpoint(request.estate, request.queueManager, request.traffic.channel);
    // A group may connect elsewhere (a cluster's gateway, an instance of a cluster queue): every endpoint is resolved before any client starts.
    const endpoints = new Map([[request.queueManager, endpoint]]);
    for (const client of [...request.traffic.producers, ...request.traffic.consumers]) {
      if (client.queueManager && !endpoints.has(client.queueManager)) endpoints.set(client.queueManager, resolveClientEndpoint(request.estate, client.queueManager, request.traffic.channel));
    }
    const plans = planClients(request, endpoints, hardDeadlineMs);
    for (const role of ['consumer', 'producer'] as const) {
      const started = plans.filter((plan) => plan.role === role).map((plan) => new TrafficClientProcess(plan, endpoint.libraryDir));
      clients.push(...started);
      await whileHeartbeating(Promise.all(started.map((client) => client.whenReady(CONNECT_TIMEOUT_MS))), () => beat('starting'));
    }
    await writeTrafficState(request.scenarioDir, { phase: 'running', at: Date.now() });
    let stoppedBy: TrafficSummary['stoppedBy'] = 'deadline';
    while (Date.now() < startedAt + request.maxProducingMs) {
      beat('running');
      if (await isStopRequested(request.scenarioDir)) {
        stoppedBy = 'request';
        break;
      }
      for (const client of clients) client.requestStatus();
      await sleep(TICK_MS);
    }
    await writeTrafficState(request.scenarioDir, { phase: 'stopping', at: Date.now() });
    const producers = clients.filter((client) => client.plan.role === 'producer');
    const consumers = clients.filter((client) => client.plan.role === 'consumer');
    for (const producer of producers) producer.stop();
    const produced = await whileHeartbeating(Promise.all(producers.map((p) => p.whenFinished(PRODUCER_STOP_GRACE_MS))), () => beat('stopping producers'));
    for (const consumer of consumers) consumer.stop();
    const drainMs = request.traffic.drainSeconds * 1000 + CONSUMER_DRAIN_GRACE_MS;
    const consumed = await whileHeartbeating(Promise.all(consumers.map((c) => c.whenFinished(drainMs))), () => beat('draining'));
    await writeTrafficState(request.scenarioDir, { phase: 'ended', at: Date.now() });
    return { stoppedBy, clients: [...produced, ...consumed] };
  } catch (error) {
    for (const client of clients) client.abort();
    await Promise.allSettled(clients.map((client) => client.whenFinished(ABORT_GRACE_MS)));
    for (const client of clients) client.kill();
    await writeTrafficState(request.scenarioDir, { phase: 'failed', at: Date.now(), error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Waits for `promise`, heartbeating every tick so cancellation arrives (activity `sleep` throws it). */
async function whileHeartbeating<T>(promise: Promise<T>, beat: () => void): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  while (!settled) {
    beat();
    await Promise.race([watched.then(() => undefined, () => undefined), sleep(TICK_MS)]);
  }
  return watched;
}

/** The message run id: the scenario within the run, short enough for a message header. */
export function trafficRunId(runId: string, scenario: string): string {
  const id = `${scenario}@${runId}`.replace(/[^\x21-\x7e]/g, '_');
  return id.length <= 64 ? id : createHash('sha1').update(id).digest('hex');
}

function planClients(request: RunTrafficRequest, endpoints: Map<string, ClientEndpoint>, hardDeadlineMs: number): ClientPlan[] {
  const { traffic } = request;
  const runId = trafficRunId(request.runId, request.scenario);
  const base = (id: string, reconnect: ProducerPlan['connect']['reconnect'], queueManager = request.queueManager) => {
    const endpoint = endpoints.get(queueManager)!;
    return {
      id,
      runId,
      logFile: trafficLogFile(request.scenarioDir, id),
      connect: { queueManager: endpoint.queueManager, channel: endpoint.channel, connectionNames: endpoint.connectionNames, reconnect, applName: `mqchaos ${id}` },
      queue: traffic.queue,
      bind: traffic.bind,
      hardDeadlineMs,
      sliceMs: SLICE_MS,
      blockedCallMs: BLOCKED_CALL_MS,
    };
  };
  const maxMessageBytes = Math.max(4096, ...traffic.producers.map((producer) => producer.messageBytes + 1024));
  const consumers = traffic.consumers.map(
    (consumer): ConsumerPlan => ({
      ...base(consumer.id, consumer.reconnect, consumer.queueManager),
      role: 'consumer',
      ratePerSecond: consumer.ratePerSecond,
      syncpoint: consumer.syncpoint,
      maxMessageBytes,
      waitMs: CONSUMER_WAIT_MS,
      drainMs: traffic.drainSeconds * 1000,
    }),
  );
  const producers = traffic.producers.map(
    (producer): ProducerPlan => ({
      ...base(producer.id, producer.reconnect, producer.queueManager),
      ...(producer.bind ? { bind: producer.bind } : {}),
      ...((producer.objectQueueManager ?? traffic.objectQueueManager) ? { objectQueueManager: producer.objectQueueManager ?? traffic.objectQueueManager } : {}),
      role: 'producer',
      persistence: producer.persistence,
      ratePerSecond: producer.ratePerSecond,
      count: producer.count,
      messageBytes: producer.messageBytes,
      syncpoint: producer.syncpoint,
    }),
  );
  return [...consumers, ...producers];
}

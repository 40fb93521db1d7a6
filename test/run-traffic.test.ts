import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { workerLogger } from '../cli/create-worker.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMessages } from '../checkers/message-accounting.ts';
import { startMqTestLab, type MqTestLab } from '../lab/mq/mq-test-lab.ts';
import { buildStandInLibrary } from '../lab/native/stand-in-library.ts';
import { trafficLogFile } from '../records/run-layout.ts';
import { readTrafficRecording } from '../records/traffic-log-files.ts';
import type { EstateSpec, HostSpec } from '../suites/suite-model.ts';
import type { TrafficSpec } from '../suites/traffic-model.ts';
import { runTraffic, type RunTrafficRequest, type TrafficSummary } from '../activities/traffic/run-traffic.ts';
import { TrafficClientError, TrafficClientProcess } from '../activities/traffic/traffic-client-process.ts';
import { awaitTrafficRunning, requestTrafficStop } from '../activities/traffic/traffic-control.ts';
import { readTrafficState } from '../activities/traffic/traffic-state.ts';

/** The traffic activity with real client processes, the ibmmq package and the lab's stand-in library. */

let lab: MqTestLab;
let libraryDir: string;
const dirs: string[] = [];
beforeAll(async () => {
  const built = buildStandInLibrary();
  if (!built.ok) throw new Error(built.error);
  libraryDir = built.libraryDir;
  lab = await startMqTestLab({}, { messageTruth: false });
});
afterAll(async () => {
  await lab?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function host(name: string): HostSpec {
  return { name, address: '127.0.0.1', port: 22, user: 'mqm', credential: { env: 'UNUSED' }, hostKey: `SHA256:${'A'.repeat(43)}` };
}

function request(overrides: Partial<TrafficSpec> = {}): RunTrafficRequest {
  const scenarioDir = mkdtempSync(join(tmpdir(), 'mqchaos-run-traffic-'));
  dirs.push(scenarioDir);
  const ports = [...lab.connectionName(['mq1', 'mq2']).matchAll(/\((\d+)\)/g)].map((match) => Number(match[1]));
  const estate: EstateSpec = {
    hosts: { mq1: host('mq1'), mq2: host('mq2') },
    queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'], channel: 'DEV.APP.SVRCONN', listeners: { mq1: ports[0]!, mq2: ports[1]! } } },
    mqClient: { libraryDir },
  };
  const traffic: TrafficSpec = {
    queue: 'DEV.QUEUE.2',
    bind: 'as-q-def',
    producers: [{ id: 'p1', persistence: 'mixed', ratePerSecond: 500, count: null, messageBytes: 128, syncpoint: 0, reconnect: 'reconnect' }],
    consumers: [{ id: 'c1', ratePerSecond: 0, syncpoint: 5, reconnect: 'reconnect' }],
    drainSeconds: 10,
    ...overrides,
  };
  return { runId: 'unit', scenario: 'traffic', scenarioDir, queueManager: 'QM1', estate, traffic, maxProducingMs: 30_000 };
}

describe('runTraffic', () => {
  it('runTraffic - a stop request ends the producers, the consumers drain, and every message is accounted for', async () => {
    const traffic = request();
    const running = new MockActivityEnvironment({}, { logger: workerLogger() }).run(runTraffic, traffic) as Promise<TrafficSummary>;
    await new MockActivityEnvironment({}, { logger: workerLogger() }).run(awaitTrafficRunning, { scenarioDir: traffic.scenarioDir, timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await requestTrafficStop({ scenarioDir: traffic.scenarioDir });
    const summary = await running;
    expect(summary.stoppedBy).toBe('request');
    expect(summary.clients.map((client) => [client.id, client.reason])).toEqual([['p1', 'stopped'], ['c1', 'stopped']]);
    expect((await readTrafficState(traffic.scenarioDir))?.phase).toBe('ended');
    const { messages } = accountMessages((await readTrafficRecording(traffic.scenarioDir))!, null);
    expect(messages.recordsComplete).toBe(true);
    expect(messages.drain.complete).toBe(true);
    expect(messages.persistent).toMatchObject({ lost: 0, duplicated: 0 });
    expect(messages.persistent!.sent).toBeGreaterThan(10);
    expect(messages.nonPersistent!.received).toBe(messages.nonPersistent!.confirmed);
  });

  it('runTraffic - cancelled, it aborts every client, whose logs still end, and fails with the cancellation', async () => {
    const traffic = request({ queue: 'DEV.QUEUE.3' });
    const env = new MockActivityEnvironment({}, { logger: workerLogger() });
    const running = env.run(runTraffic, traffic) as Promise<TrafficSummary>;
    await new MockActivityEnvironment({}, { logger: workerLogger() }).run(awaitTrafficRunning, { scenarioDir: traffic.scenarioDir, timeoutMs: 20_000 });
    env.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledFailure);
    expect((await readTrafficState(traffic.scenarioDir))?.phase).toBe('failed');
    const recording = (await readTrafficRecording(traffic.scenarioDir))!;
    for (const client of recording.clients) expect(client.lines.at(-1)).toMatchObject({ k: 'end', reason: 'aborted' });
  });

  it('runTraffic - an estate without listeners fails at once, in words, and says so to whoever awaits the traffic', async () => {
    const traffic = request();
    traffic.estate = { ...traffic.estate, queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'], channel: 'DEV.APP.SVRCONN' } } };
    await expect(new MockActivityEnvironment({}, { logger: workerLogger() }).run(runTraffic, traffic)).rejects.toThrow('the estate gives no listener for QM1 on its instance hosts');
    await expect(new MockActivityEnvironment({}, { logger: workerLogger() }).run(awaitTrafficRunning, { scenarioDir: traffic.scenarioDir, timeoutMs: 5_000 })).rejects.toThrow(
      'the traffic could not start: the estate gives no listener for QM1',
    );
  });

  it('TrafficClientProcess - without a client library the client fails with the loading error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqchaos-no-library-'));
    dirs.push(dir);
    const client = new TrafficClientProcess(
      {
        role: 'consumer', id: 'c1', runId: 'unit', logFile: trafficLogFile(dir, 'c1'), queue: 'DEV.QUEUE.1', bind: 'as-q-def',
        connect: { queueManager: 'QM1', channel: 'DEV.APP.SVRCONN', connectionNames: ['127.0.0.1(1)'], reconnect: 'disabled' },
        hardDeadlineMs: Date.now() + 10_000, sliceMs: 50, blockedCallMs: 250, ratePerSecond: 0, syncpoint: 0, maxMessageBytes: 1024, waitMs: 100, drainMs: 1_000,
      },
      join(dir, 'no-such-folder'),
    );
    const failure = await client.whenReady(10_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TrafficClientError);
    expect((failure as Error).message).toContain('the MQ client library libmqm_r.so could not be loaded from');
  });
});

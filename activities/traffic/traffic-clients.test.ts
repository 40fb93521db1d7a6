import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountMessages } from '../../checkers/message-accounting.ts';
import type { PersistenceMode } from '../../checkers/traffic-log.ts';
import { trafficLogFile } from '../../records/run-layout.ts';
import { readTrafficRecording } from '../../records/traffic-log-files.ts';
import { TestQueueManager, type ScriptedFailure } from '../../test/support/test-mqi.ts';
import { ConsumerClient } from './consumer-client.ts';
import { ProducerClient } from './producer-client.ts';
import type { ConsumerPlan, ProducerPlan } from './traffic-ipc.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function rig(script: ScriptedFailure[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'mqchaos-clients-'));
  dirs.push(dir);
  const qm = new TestQueueManager(['APP.Q']);
  qm.script.push(...script);
  const base = {
    runId: 'run-1',
    connect: { queueManager: 'QM1', channel: 'APP.SVRCONN', connectionNames: ['127.0.0.1(1414)'], reconnect: 'reconnect' as const },
    queue: 'APP.Q',
    bind: 'as-q-def' as const,
    hardDeadlineMs: Date.now() + 20_000,
    sliceMs: 50,
    blockedCallMs: 1_000,
  };
  const producer = (overrides: Partial<ProducerPlan> & { persistence: PersistenceMode; count: number }): ProducerPlan => ({
    ...base,
    role: 'producer',
    id: 'p1',
    logFile: trafficLogFile(dir, overrides.id ?? 'p1'),
    ratePerSecond: 0,
    messageBytes: 64,
    syncpoint: 0,
    ...overrides,
  });
  const consumer = (overrides: Partial<ConsumerPlan> = {}): ConsumerPlan => ({
    ...base,
    role: 'consumer',
    id: 'c1',
    ratePerSecond: 0,
    logFile: trafficLogFile(dir, overrides.id ?? 'c1'),
    syncpoint: 0,
    maxMessageBytes: 4096,
    waitMs: 10,
    drainMs: 5_000,
    ...overrides,
  });
  const runProducer = async (plan: ProducerPlan) => {
    const client = new ProducerClient(qm.module(), plan, { stopRequested: false, aborted: false });
    expect(await client.connect()).toBe(true);
    return client.run();
  };
  const drain = async (plan: ConsumerPlan = consumer()) => {
    const client = new ConsumerClient(qm.module(), plan, { stopRequested: true, aborted: false });
    return client.run();
  };
  const account = async () => accountMessages((await readTrafficRecording(dir))!, null).messages;
  return { qm, producer, consumer, runProducer, drain, account };
}

describe('traffic clients on an in-memory queue manager', () => {
  it('traffic clients - every confirmed put is received once and the accounting balances', async () => {
    const { producer, runProducer, drain, account } = rig();
    expect(await runProducer(producer({ persistence: 'mixed', count: 200 }))).toMatchObject({ count: 200, reason: 'count' });
    expect(await drain()).toMatchObject({ count: 200, reason: 'stopped' });
    const messages = await account();
    expect(messages.persistent).toMatchObject({ sent: 100, confirmed: 100, received: 100, lost: 0, duplicated: 0, outOfOrder: 0 });
    expect(messages.nonPersistent).toMatchObject({ sent: 100, confirmed: 100, received: 100, lost: 0 });
    expect(messages.drain).toEqual({ complete: true, remainingDepth: 0 });
  });

  it('traffic clients - an interrupted put that landed is re-put (amqsphac) and counted recovered, not duplicated', async () => {
    const { qm, producer, runProducer, drain, account } = rig([{ verb: 'PUT', rc: 2549, afterEffect: true }]);
    await runProducer(producer({ persistence: 'persistent', count: 10 }));
    expect(qm.queues.get('APP.Q')).toHaveLength(11);
    await drain();
    expect((await account()).persistent).toMatchObject({ sent: 11, confirmed: 10, inDoubt: 1, recovered: 1, received: 11, lost: 0, duplicated: 0 });
  });

  it('traffic clients - an interrupted put that did not land is in doubt, not lost', async () => {
    const { producer, runProducer, drain, account } = rig([{ verb: 'PUT', rc: 2549 }]);
    await runProducer(producer({ persistence: 'persistent', count: 10 }));
    await drain();
    expect((await account()).persistent).toMatchObject({ sent: 11, confirmed: 10, inDoubt: 1, recovered: 0, received: 10, lost: 0 });
  });

  it('traffic clients - a batch backed out at commit is re-sent whole (amqsfhac), neither lost nor duplicated', async () => {
    const { producer, runProducer, drain, account } = rig([{ verb: 'CMIT', rc: 2003 }]);
    await runProducer(producer({ persistence: 'persistent', count: 30, syncpoint: 10 }));
    await drain();
    expect((await account()).persistent).toMatchObject({ sent: 40, confirmed: 30, failed: 10, received: 30, lost: 0, duplicated: 0 });
  });

  it('traffic clients - a broken connection mid-batch loses the unit of work; the re-sent batch arrives once', async () => {
    const { producer, runProducer, drain, account } = rig([{ verb: 'PUT', rc: 2009, breaksConnection: true }]);
    await runProducer(producer({ persistence: 'persistent', count: 20, syncpoint: 5 }));
    await drain();
    expect((await account()).persistent).toMatchObject({ sent: 21, confirmed: 20, failed: 1, received: 20, lost: 0, duplicated: 0 });
  });

  it('traffic clients - a commit whose outcome is unknown makes its batch in doubt and recovered when it committed', async () => {
    const { producer, runProducer, drain, account } = rig([{ verb: 'CMIT', rc: 2549, afterEffect: true }]);
    await runProducer(producer({ persistence: 'persistent', count: 10, syncpoint: 5 }));
    await drain();
    expect((await account()).persistent).toMatchObject({ sent: 15, confirmed: 10, inDoubt: 5, recovered: 5, received: 15, lost: 0, duplicated: 0 });
  });

  it('traffic clients - a consumer commit whose outcome is unknown allows one redelivery, not a duplicate', async () => {
    const { producer, consumer, runProducer, drain, account } = rig([{ verb: 'CMIT', rc: 2549 }]);
    await runProducer(producer({ persistence: 'persistent', count: 10 }));
    await drain(consumer({ syncpoint: 4 }));
    expect((await account()).persistent).toMatchObject({ sent: 10, confirmed: 10, received: 10, lost: 0, duplicated: 0, outOfOrder: 0 });
  });

  it('traffic clients - after a restart without reconnection the application sees 2009, connects again, and the lost non-persistent messages match the truth', async () => {
    const { qm, producer, runProducer, drain, account } = rig();
    await runProducer(producer({ persistence: 'mixed', count: 40 }));
    qm.restart();
    const second = producer({ id: 'p2', persistence: 'mixed', count: 40, connect: { queueManager: 'QM1', channel: 'APP.SVRCONN', connectionNames: ['127.0.0.1(1414)'], reconnect: 'disabled' } });
    const p2 = new ProducerClient(qm.module(), second, { stopRequested: false, aborted: false });
    expect(await p2.connect()).toBe(true);
    qm.restart();
    expect(await p2.run()).toMatchObject({ reason: 'count' });
    await drain();
    const messages = await account();
    const lostNonPersistent = qm.lostInRestart.filter((message) => !message.persistent).length;
    expect(lostNonPersistent).toBe(20);
    expect(messages.nonPersistent?.lost).toBe(lostNonPersistent);
    expect(messages.persistent).toMatchObject({ lost: 0, duplicated: 0, received: 40 });
    expect(messages.nonPersistent).toMatchObject({ inDoubt: 1, recovered: 0 });
  });
});

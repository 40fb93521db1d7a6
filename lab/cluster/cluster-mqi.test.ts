import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startClusterTestEstate, type ClusterTestEstate } from '../../test/support/cluster-test-estate.ts';
import { MQC } from '../mq/mq-constants.ts';
import { MqiTestClient } from '../mq/mqi-test-client.ts';
import { buildStandInLibrary } from '../native/stand-in-library.ts';
import { filterEvents, type TruthEvent } from '../truth-log.ts';

const OUTPUT = MQC.MQOO_OUTPUT | MQC.MQOO_FAIL_IF_QUIESCING;
const INPUT = MQC.MQOO_INPUT_AS_Q_DEF | MQC.MQOO_FAIL_IF_QUIESCING;

describe('cluster queue managers through the ibmmq package and the stand-in library', () => {
  let lab: ClusterTestEstate | undefined;
  const clients: MqiTestClient[] = [];

  beforeAll(() => {
    const built = buildStandInLibrary();
    if (!built.ok) throw new Error(built.error);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
    await lab?.stop();
    lab = undefined;
  });

  const connect = async (l: ClusterTestEstate, qm: string): Promise<MqiTestClient> => {
    const client = new MqiTestClient();
    clients.push(client);
    const port = Object.values(l.mq.listenerPorts(qm))[0];
    await client.ok({ op: 'connect', qm, connectionName: `127.0.0.1(${port})` });
    return client;
  };
  /** Resolves once `count` truth events match (already seen or coming); fails after 10 s. */
  const waitFor = (l: ClusterTestEstate, matches: (e: TruthEvent) => boolean, count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => l.events.filter(matches).length >= count;
      if (check()) return resolve();
      const timer = setTimeout(() => (stop(), reject(new Error(`only ${l.events.filter(matches).length} of ${count} matching truth events`))), 10_000);
      const stop = l.estate.onEvent(() => {
        if (!check()) return;
        clearTimeout(timer);
        queueMicrotask(stop);
        resolve();
      });
    });
  const listening = (l: ClusterTestEstate): Promise<void> => waitFor(l, (e) => e.event === 'mq-listener' && e.listening, 4);

  it('bind-on-open puts go to the one instance MQOPEN chose, a fully qualified put to the named member, and a consumer there gets them with their MsgIds', async () => {
    lab = await startClusterTestEstate({ realClock: true, channels: { heartbeatMs: 1000, shortTimerMs: 500 } });
    await listening(lab);
    const producer = await connect(lab, 'QM1');
    const { handle } = await producer.ok({ op: 'open', name: 'APP.Q', options: OUTPUT | MQC.MQOO_BIND_ON_OPEN });
    const puts = [];
    for (let i = 0; i < 3; i++) puts.push(await producer.ok({ op: 'put', handle, body: `m${i}`, persistence: MQC.MQPER_PERSISTENT }));
    const qualified = await producer.ok({ op: 'open', name: 'APP.Q', qmgr: 'QM4', options: OUTPUT });
    const toQm4 = await producer.ok({ op: 'put', handle: qualified.handle, body: 'fq', persistence: MQC.MQPER_PERSISTENT });
    await waitFor(lab, (e) => e.event === 'cluster-transferred', 2);
    const routed = filterEvents(lab.events, 'cluster-routed');
    expect(routed.map((e) => [e.msgId, e.to, e.bind])).toEqual([
      [puts[0]!.msgId, 'QM3', 'on-open'],
      [puts[1]!.msgId, 'QM3', 'on-open'],
      [puts[2]!.msgId, 'QM3', 'on-open'],
      [toQm4.msgId, 'QM4', 'qualified'],
    ]);
    const consumer = await connect(lab, 'QM3');
    const input = await consumer.ok({ op: 'open', name: 'APP.Q', options: INPUT });
    const got = [];
    for (let i = 0; i < 3; i++) got.push(await consumer.ok({ op: 'get', handle: input.handle }));
    expect(got.map((g) => [g.msgId, g.body])).toEqual(puts.map((p, i) => [p.msgId, `m${i}`]));
    expect(filterEvents(lab.events, 'message-delivered').map((e) => [e.qm, e.msgId])).toEqual(puts.map((p) => ['QM3', p.msgId]));
  });

  it('MQOPEN of a cluster queue whose every instance is put-disabled fails 2268 for bind-on-open; an unknown ObjectQMgrName 2087', async () => {
    lab = await startClusterTestEstate({ realClock: true });
    await listening(lab);
    for (const qm of ['QM3', 'QM4']) lab.mq.storeOf(qm)!.queues.get('APP.Q')!.inhibitPut = true;
    const producer = await connect(lab, 'QM1');
    expect(await producer.reasonOf({ op: 'open', name: 'APP.Q', options: OUTPUT | MQC.MQOO_BIND_ON_OPEN })).toBe(2268);
    expect(await producer.reasonOf({ op: 'open', name: 'APP.Q', qmgr: 'NOSUCH', options: OUTPUT })).toBe(MQC.MQRC_UNKNOWN_REMOTE_Q_MGR);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildStandInLibrary } from '../native/stand-in-library.ts';
import type { TruthEvent } from '../truth-log.ts';
import { MQC } from './mq-constants.ts';
import { MqiTestClient } from './mqi-test-client.ts';
import { startMqTestLab, type MqTestLab } from './mq-test-lab.ts';
import { WIRE } from './wire-protocol.ts';

const OPEN_QUEUE = MQC.MQOO_INPUT_AS_Q_DEF | MQC.MQOO_OUTPUT | MQC.MQOO_INQUIRE | MQC.MQOO_FAIL_IF_QUIESCING;
const DEAD_ADDRESS = '127.0.0.1(1)';

describe('lab MQ service through the ibmmq package', () => {
  let lab: MqTestLab;
  const clients: MqiTestClient[] = [];
  const newClient = (): MqiTestClient => {
    const client = new MqiTestClient(lab.clientEnv);
    clients.push(client);
    return client;
  };
  const connect = async (options = 0, hosts = ['mq1', 'mq2']): Promise<{ client: MqiTestClient; queue: number }> => {
    const client = newClient();
    await client.ok({ op: 'connect', connectionName: `${DEAD_ADDRESS},${lab.connectionName(hosts)}`, options });
    const { handle } = await client.ok({ op: 'open', name: 'DEV.QUEUE.1', options: OPEN_QUEUE });
    return { client, queue: handle as number };
  };
  const eventsOf = <N extends TruthEvent['event']>(name: N): Extract<TruthEvent, { event: N }>[] =>
    lab.events.filter((e): e is Extract<TruthEvent, { event: N }> => e.event === name);

  beforeAll(() => {
    const built = buildStandInLibrary();
    if (!built.ok) throw new Error(built.error);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
    await lab?.stop();
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it('stand-in - a connection-name list whose first address is dead connects to the active instance; put and get keep every descriptor field', async () => {
    lab = await startMqTestLab({ queues: { 'DEV.QUEUE.1': { defpsist: 'YES' } } });
    const { client, queue } = await connect();
    const put = await client.ok({ op: 'put', handle: queue, body: 'first', priority: 7, correlId: 'ab'.repeat(24), format: 'MQSTR', replyToQ: 'REPLY.Q' });
    expect(put.msgId).toMatch(/^414d5120514d31(20){9}/); // "AMQ QM1" padded
    // What the package sent, as the lab stored it: the MQMD v2 fields at IBM's offsets reached the wire layout.
    const [stored] = lab.mq.storeOf('QM1')?.queues.get('DEV.QUEUE.1')?.listMessages() ?? [];
    const md = stored?.md as Buffer;
    expect({
      persistence: md.readInt32LE(WIRE.MD_PERSISTENCE),
      priority: md.readInt32LE(WIRE.MD_PRIORITY),
      expiry: md.readInt32LE(WIRE.MD_EXPIRY),
      msgType: md.readInt32LE(WIRE.MD_MSG_TYPE),
      encoding: md.readInt32LE(WIRE.MD_ENCODING),
      ccsid: md.readInt32LE(WIRE.MD_CCSID),
      format: md.toString('latin1', WIRE.MD_FORMAT, WIRE.MD_FORMAT + 8),
      replyToQ: md.toString('latin1', WIRE.MD_REPLY_TO_Q, WIRE.MD_REPLY_TO_Q + 48).trimEnd(),
      correlId: md.toString('hex', WIRE.MD_CORREL_ID, WIRE.MD_CORREL_ID + 24),
      body: stored?.body.toString(),
    }).toEqual({ persistence: 1, priority: 7, expiry: -1, msgType: 8, encoding: 546, ccsid: 1208, format: 'MQSTR   ', replyToQ: 'REPLY.Q', correlId: 'ab'.repeat(24), body: 'first' });
    const got = await client.ok({ op: 'get', handle: queue });
    expect(got).toMatchObject({ body: 'first', msgId: put.msgId, correlId: 'ab'.repeat(24), persistence: MQC.MQPER_PERSISTENT, priority: 7, format: 'MQSTR', replyToQ: 'REPLY.Q', putApplName: 'mqi-driver' });
    expect(eventsOf('connection-opened')).toMatchObject([{ qm: 'QM1', host: 'mq1', channel: 'DEV.APP.SVRCONN', applName: 'mqi-driver' }]);
    expect(eventsOf('message-put')).toEqual([expect.objectContaining({ host: 'mq1', queue: 'DEV.QUEUE.1', msgId: put.msgId, persistent: true, inUow: false })]);
    expect(eventsOf('message-delivered')).toEqual([expect.objectContaining({ msgId: put.msgId, persistent: true, inUow: false })]);
  });

  it('stand-in - higher priority first, FIFO within a priority, browse leaves messages in place, match by CorrelId; 2033 on an empty queue, 2085 for an unknown queue', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect();
    for (const [body, priority] of [['low-1', 1], ['high', 8], ['low-2', 1]] as const) await client.ok({ op: 'put', handle: queue, body, priority });
    await client.ok({ op: 'put', handle: queue, body: 'tagged', priority: 0, correlId: 'cd'.repeat(24) });
    const { handle: browser } = await client.ok({ op: 'open', name: 'DEV.QUEUE.1', options: MQC.MQOO_BROWSE });
    const browsed = [(await client.ok({ op: 'get', handle: browser, browse: 'first' })).body];
    for (let i = 0; i < 3; i++) browsed.push((await client.ok({ op: 'get', handle: browser, browse: 'next' })).body);
    expect(browsed).toEqual(['high', 'low-1', 'low-2', 'tagged']);
    expect(await client.reasonOf({ op: 'get', handle: browser, browse: 'next' })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    expect((await client.ok({ op: 'get', handle: queue, correlId: 'cd'.repeat(24) })).body).toBe('tagged');
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push((await client.ok({ op: 'get', handle: queue })).body);
    expect(bodies).toEqual(['high', 'low-1', 'low-2']);
    expect(await client.reasonOf({ op: 'get', handle: queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    expect(await client.reasonOf({ op: 'open', name: 'NO.SUCH.QUEUE', options: MQC.MQOO_OUTPUT })).toBe(MQC.MQRC_UNKNOWN_OBJECT_NAME);
  });

  it('stand-in - connecting: 2538 when nothing listens, 2058 for another queue manager name, 2540 for an unknown channel', async () => {
    lab = await startMqTestLab();
    const client = newClient();
    expect(await client.reasonOf({ op: 'connect', connectionName: `${DEAD_ADDRESS},${lab.connectionName(['mq2'])}` })).toBe(MQC.MQRC_HOST_NOT_AVAILABLE);
    expect(await client.reasonOf({ op: 'connect', connectionName: lab.connectionName(['mq1']), qm: 'QM9' })).toBe(MQC.MQRC_Q_MGR_NAME_ERROR);
    expect(await client.reasonOf({ op: 'connect', connectionName: lab.connectionName(['mq1']), channel: 'NO.SUCH.CHANNEL' })).toBe(MQC.MQRC_UNKNOWN_CHANNEL_NAME);
    expect(await client.reasonOf({ op: 'connect', connectionName: lab.connectionName(['mq1']), qm: '*ANY' })).toBe(0);
  });

  it('stand-in - with LISTENER CONTROL(MANUAL) the standby host answers 2543 and the list goes on to the active one', async () => {
    lab = await startMqTestLab({ listenerControl: 'MANUAL' });
    const client = newClient();
    expect(await client.reasonOf({ op: 'connect', connectionName: lab.connectionName(['mq2']) })).toBe(MQC.MQRC_STANDBY_Q_MGR);
    expect(await client.reasonOf({ op: 'connect', connectionName: lab.connectionName(['mq2', 'mq1']) })).toBe(0);
  });

  it('stand-in - syncpoint puts are invisible until MQCMIT and gone after MQBACK; gets in syncpoint come back with BackoutCount 1', async () => {
    lab = await startMqTestLab();
    const producer = await connect();
    const consumer = await connect();
    const kept = await producer.client.ok({ op: 'put', handle: producer.queue, body: 'kept', syncpoint: true });
    expect(await consumer.client.reasonOf({ op: 'get', handle: consumer.queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    const inquired = await consumer.client.ok({ op: 'inq', handle: consumer.queue, selectors: [MQC.MQIA_CURRENT_Q_DEPTH] });
    expect(inquired.values).toEqual([1]);
    await producer.client.ok({ op: 'commit' });
    const dropped = await producer.client.ok({ op: 'put', handle: producer.queue, body: 'dropped', syncpoint: true });
    await producer.client.ok({ op: 'backout' });
    expect((await consumer.client.ok({ op: 'get', handle: consumer.queue, syncpoint: true })).body).toBe('kept');
    await consumer.client.ok({ op: 'backout' });
    expect(await consumer.client.ok({ op: 'get', handle: consumer.queue })).toMatchObject({ body: 'kept', backoutCount: 1 });
    expect(await consumer.client.reasonOf({ op: 'get', handle: consumer.queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    expect(eventsOf('message-committed')).toEqual([expect.objectContaining({ queue: 'DEV.QUEUE.1', puts: [kept.msgId], gets: [] })]);
    expect(eventsOf('message-backed-out').map((e) => ({ puts: e.puts, gets: e.gets, cause: e.cause }))).toEqual([
      { puts: [dropped.msgId], gets: [], cause: 'mqback' },
      { puts: [], gets: [kept.msgId], cause: 'mqback' },
    ]);
  });

  it('stand-in - MQINQ answers CURDEPTH, IPPROCS and OPPROCS of a queue and the name of the queue manager; exclusive input while others read is 2042', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect();
    const { handle: output } = await client.ok({ op: 'open', name: 'DEV.QUEUE.1', options: MQC.MQOO_OUTPUT });
    await client.ok({ op: 'put', handle: output, body: 'one' });
    await client.ok({ op: 'put', handle: output, body: 'two' });
    const selectors = [MQC.MQIA_CURRENT_Q_DEPTH, MQC.MQIA_OPEN_INPUT_COUNT, MQC.MQIA_OPEN_OUTPUT_COUNT, MQC.MQCA_Q_NAME];
    expect((await client.ok({ op: 'inq', handle: queue, selectors })).values).toEqual([2, 1, 2, 'DEV.QUEUE.1']);
    expect(await client.reasonOf({ op: 'open', name: 'DEV.QUEUE.1', options: MQC.MQOO_INPUT_EXCLUSIVE })).toBe(MQC.MQRC_OBJECT_IN_USE);
    const { handle: qmgr } = await client.ok({ op: 'open', objectType: MQC.MQOT_Q_MGR, options: MQC.MQOO_INQUIRE });
    expect((await client.ok({ op: 'inq', handle: qmgr, selectors: [MQC.MQCA_Q_MGR_NAME] })).values).toEqual(['QM1']);
  });

  it('stand-in - a get waiting with MQGMO_WAIT is served by a put from another connection', async () => {
    lab = await startMqTestLab();
    const consumer = await connect();
    const producer = await connect();
    const waiting = consumer.client.send({ op: 'get', handle: consumer.queue, waitMs: 10_000 });
    await lab.waitForEvent((e) => e.event === 'connection-opened' && e.conn === 2);
    await producer.client.ok({ op: 'put', handle: producer.queue, body: 'awaited' });
    expect(await waiting).toMatchObject({ ok: true, body: 'awaited' });
    expect(await consumer.client.reasonOf({ op: 'get', handle: consumer.queue, waitMs: 50 })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
  });

  it('stand-in - without reconnection, killing the active instance breaks the connection: 2009', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect();
    await client.ok({ op: 'put', handle: queue, body: 'before' });
    lab.killController('mq1');
    expect(await client.reasonOf({ op: 'put', handle: queue, body: 'after' })).toBe(MQC.MQRC_CONNECTION_BROKEN);
    expect(await client.reasonOf({ op: 'put', handle: queue, body: 'again' })).toBe(MQC.MQRC_CONNECTION_BROKEN);
    expect(eventsOf('connection-broken')).toMatchObject([{ host: 'mq1', cause: 'instance-ended', reason: MQC.MQRC_CONNECTION_BROKEN }]);
  });

  it('stand-in - with MQCNO_RECONNECT the next put lands on the new active without reopening; persistent messages survive, non-persistent ones are discarded as truth says', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT);
    const persistent = await client.ok({ op: 'put', handle: queue, body: 'kept', persistence: MQC.MQPER_PERSISTENT });
    const lost = [];
    for (let i = 0; i < 3; i++) lost.push((await client.ok({ op: 'put', handle: queue, body: `np-${i}`, persistence: MQC.MQPER_NOT_PERSISTENT })).msgId);
    lab.killController('mq1');
    await client.ok({ op: 'put', handle: queue, body: 'after', persistence: MQC.MQPER_PERSISTENT });
    expect(lab.events.find((e) => e.event === 'message-put' && e.host === 'mq2')).toBeDefined();
    expect(await client.ok({ op: 'stat' })).toMatchObject({ compCode: MQC.MQCC_WARNING, reason: MQC.MQRC_RECONNECTED, qmgr: 'QM1', address: lab.connectionName(['mq2']) });
    expect(await client.ok({ op: 'stat', type: 'error' })).toMatchObject({ reason: MQC.MQRC_CONNECTION_BROKEN });
    expect((await client.ok({ op: 'get', handle: queue })).msgId).toBe(persistent.msgId);
    expect((await client.ok({ op: 'get', handle: queue })).body).toBe('after');
    expect(await client.reasonOf({ op: 'get', handle: queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    expect(eventsOf('messages-discarded')).toEqual([expect.objectContaining({ host: 'mq1', queue: 'DEV.QUEUE.1', count: 3, nonPersistent: lost, uncommittedPuts: [] })]);
    expect(eventsOf('client-reconnected')).toMatchObject([{ host: 'mq2', previousConn: 1 }]);
  });

  it('stand-in - MQSTAT shows 2544 while an idle connection reconnects in the background, then 2545; MQCNO_RECONNECT_Q_MGR follows the same queue manager', async () => {
    lab = await startMqTestLab({ logReplayMs: 1_500 });
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT_Q_MGR);
    expect(await client.ok({ op: 'stat' })).toMatchObject({ compCode: MQC.MQCC_OK, reason: MQC.MQRC_NONE });
    lab.killController('mq1');
    let status = await client.ok({ op: 'stat' });
    for (let polls = 0; status.reason === MQC.MQRC_NONE && polls < 1000; polls++) {
      await lab.waitForEvent((e) => e.event === 'connection-broken');
      status = await client.ok({ op: 'stat' });
    }
    expect(status).toMatchObject({ compCode: MQC.MQCC_WARNING, reason: MQC.MQRC_RECONNECTING });
    // The put waits for the reconnection to finish (handles reopened) before it goes.
    await client.ok({ op: 'put', handle: queue, body: 'same queue manager' });
    expect(await client.ok({ op: 'stat' })).toMatchObject({ compCode: MQC.MQCC_WARNING, reason: MQC.MQRC_RECONNECTED, qmgr: 'QM1' });
  });

  it('stand-in - when no instance comes back within MQReconnectTimeout (2 s here) the call fails with 2548, and so does MQSTAT', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT);
    lab.estate.queueManagers.get('QM1')?.end('mq2', { mode: 'immediate', switchover: false, standbyOnly: true, reconnectClients: false });
    await lab.waitForEvent((e) => e.event === 'instance-state' && e.host === 'mq2' && e.to === 'ended');
    lab.killController('mq1');
    expect(await client.reasonOf({ op: 'put', handle: queue, body: 'nowhere' })).toBe(MQC.MQRC_RECONNECT_FAILED);
    expect(await client.ok({ op: 'stat' })).toMatchObject({ compCode: MQC.MQCC_FAILED, reason: MQC.MQRC_RECONNECT_FAILED });
    expect(await client.reasonOf({ op: 'get', handle: queue })).toBe(MQC.MQRC_RECONNECT_FAILED);
  });

  it('stand-in - a unit of work broken by the failover is backed out: 2003 on the next syncpoint put and on MQCMIT, then work goes on', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT);
    const uncommitted = await client.ok({ op: 'put', handle: queue, body: 'in-uow', syncpoint: true, persistence: MQC.MQPER_PERSISTENT });
    lab.killController('mq1');
    expect(await client.reasonOf({ op: 'put', handle: queue, body: 'more', syncpoint: true })).toBe(MQC.MQRC_BACKED_OUT);
    expect(await client.send({ op: 'commit' })).toMatchObject({ ok: false, mqcc: MQC.MQCC_WARNING, mqrc: MQC.MQRC_BACKED_OUT });
    await client.ok({ op: 'put', handle: queue, body: 'next-uow', syncpoint: true });
    await client.ok({ op: 'commit' });
    expect((await client.ok({ op: 'get', handle: queue })).body).toBe('next-uow');
    expect(eventsOf('message-backed-out')).toMatchObject([{ host: 'mq1', puts: [uncommitted.msgId], cause: 'instance-ended' }]);
    expect(eventsOf('messages-discarded')).toMatchObject([{ host: 'mq1', count: 1, uncommittedPuts: [uncommitted.msgId] }]);
  });

  it('stand-in - a get re-driven after the failover inside a broken unit of work goes back with it: MQCMIT says 2003 and the message is still there', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT);
    const first = await client.ok({ op: 'put', handle: queue, body: 'first', persistence: MQC.MQPER_PERSISTENT });
    const second = await client.ok({ op: 'put', handle: queue, body: 'second', persistence: MQC.MQPER_PERSISTENT });
    expect((await client.ok({ op: 'get', handle: queue, syncpoint: 'if-persistent' })).msgId).toBe(first.msgId);
    lab.killController('mq1');
    // Under MQGMO_SYNCPOINT_IF_PERSISTENT the client cannot know the get joins the unit of work, so it is re-driven.
    await client.send({ op: 'get', handle: queue, syncpoint: 'if-persistent' });
    expect(await client.send({ op: 'commit' })).toMatchObject({ ok: false, mqcc: MQC.MQCC_WARNING, mqrc: MQC.MQRC_BACKED_OUT });
    const left = [(await client.ok({ op: 'get', handle: queue })).msgId, (await client.ok({ op: 'get', handle: queue })).msgId];
    expect(left).toEqual([first.msgId, second.msgId]);
  });

  it('stand-in - endmqm -i ends connections with 2162; with -r a reconnectable client moves to the standby once it is active', async () => {
    lab = await startMqTestLab();
    const plain = await connect();
    const reconnecting = await connect(MQC.MQCNO_RECONNECT);
    lab.estate.queueManagers.get('QM1')?.end('mq1', { mode: 'immediate', switchover: false, standbyOnly: false, reconnectClients: true });
    expect(await plain.client.reasonOf({ op: 'put', handle: plain.queue, body: 'x' })).toBe(MQC.MQRC_Q_MGR_STOPPING);
    await lab.waitForEvent((e) => e.event === 'instance-state' && e.host === 'mq2' && e.to === 'active');
    await reconnecting.client.ok({ op: 'put', handle: reconnecting.queue, body: 'moved' });
    expect(await reconnecting.client.ok({ op: 'stat', type: 'error' })).toMatchObject({ reason: MQC.MQRC_Q_MGR_STOPPING });
    expect(eventsOf('connection-broken').map((e) => [e.cause, e.reason])).toEqual([
      ['endmqm', MQC.MQRC_Q_MGR_STOPPING],
      ['endmqm', MQC.MQRC_Q_MGR_STOPPING],
    ]);
  });

  it('stand-in - a controlled endmqm quiesces: 2161 for calls that fail if quiescing', async () => {
    lab = await startMqTestLab({ shutdownMs: 5_000 });
    const { client, queue } = await connect();
    lab.estate.queueManagers.get('QM1')?.end('mq1', { mode: 'controlled', switchover: false, standbyOnly: false, reconnectClients: false });
    expect(await client.reasonOf({ op: 'put', handle: queue, body: 'x' })).toBe(MQC.MQRC_Q_MGR_QUIESCING);
    expect(await client.reasonOf({ op: 'get', handle: queue })).toBe(MQC.MQRC_Q_MGR_QUIESCING);
  });

  it('stand-in - the lab fault switch drops a confirmed persistent message, duplicates a delivery and swaps two deliveries, and says so', async () => {
    lab = await startMqTestLab();
    const { client, queue } = await connect();
    lab.mq.faults.arm('drop-next-confirmed-persistent', 'QM1', 'DEV.QUEUE.1');
    const dropped = await client.ok({ op: 'put', handle: queue, body: 'lost', persistence: MQC.MQPER_PERSISTENT });
    expect(await client.reasonOf({ op: 'get', handle: queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    lab.mq.faults.arm('duplicate-next-delivery', 'QM1', 'DEV.QUEUE.1');
    const twice = await client.ok({ op: 'put', handle: queue, body: 'twice' });
    expect([(await client.ok({ op: 'get', handle: queue })).msgId, (await client.ok({ op: 'get', handle: queue })).msgId]).toEqual([twice.msgId, twice.msgId]);
    lab.mq.faults.arm('reorder-next-deliveries', 'QM1', 'DEV.QUEUE.1');
    const first = await client.ok({ op: 'put', handle: queue, body: 'first' });
    const second = await client.ok({ op: 'put', handle: queue, body: 'second' });
    const other = await connect();
    expect((await client.ok({ op: 'get', handle: queue })).body).toBe('second');
    // The first is held back for the same application, so the swap shows within one consumer.
    expect(await other.client.reasonOf({ op: 'get', handle: other.queue })).toBe(MQC.MQRC_NO_MSG_AVAILABLE);
    expect((await client.ok({ op: 'get', handle: queue })).body).toBe('first');
    expect(eventsOf('lab-fault-applied').map((e) => [e.fault, e.msgIds])).toEqual([
      ['drop-next-confirmed-persistent', [dropped.msgId]],
      ['duplicate-next-delivery', [twice.msgId]],
      ['reorder-next-deliveries', [second.msgId, first.msgId]],
    ]);
  });

  it('stand-in - with the NFS path cut, non-persistent puts go on, a persistent put hangs until the lease expires and ends in 2549 after the reconnection', async () => {
    lab = await startMqTestLab({}, { leaseSeconds: 1 });
    const { client, queue } = await connect(MQC.MQCNO_RECONNECT);
    lab.estate.host('mq1').nfs?.setReachable(false);
    await client.ok({ op: 'put', handle: queue, body: 'in memory', persistence: MQC.MQPER_NOT_PERSISTENT });
    const hanging = client.send({ op: 'put', handle: queue, body: 'to the log', persistence: MQC.MQPER_PERSISTENT });
    await lab.waitForEvent((e) => e.event === 'instance-state' && e.host === 'mq1' && e.to === 'ended');
    expect(await hanging).toMatchObject({ ok: false, mqrc: MQC.MQRC_CALL_INTERRUPTED });
    expect(eventsOf('message-put').map((e) => e.persistent)).toEqual([false]);
    expect(eventsOf('messages-discarded')).toMatchObject([{ host: 'mq1', count: 1 }]);
  });

  it('stand-in - MQDISC commits outstanding work and the connection closes', async () => {
    lab = await startMqTestLab();
    const producer = await connect();
    await producer.client.ok({ op: 'put', handle: producer.queue, body: 'committed-by-disc', syncpoint: true });
    await producer.client.ok({ op: 'disc' });
    const consumer = await connect();
    expect((await consumer.client.ok({ op: 'get', handle: consumer.queue })).body).toBe('committed-by-disc');
    expect(eventsOf('connection-closed')).toMatchObject([{ conn: 1 }]);
  });
});

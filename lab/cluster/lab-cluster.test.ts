import { afterEach, describe, expect, it } from 'vitest';
import { startClusterTestEstate, type ClusterTestEstate } from '../../test/support/cluster-test-estate.ts';
import { filterEvents } from '../truth-log.ts';
import { TRANSMIT_QUEUE } from './cluster-member.ts';

let lab: ClusterTestEstate | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const depthOf = (l: ClusterTestEstate, qm: string, queue: string): number => l.mq.storeOf(qm)!.queues.get(queue)!.depth;
const statusOf = (l: ClusterTestEstate, from: string, to: string): string | null | undefined => l.cluster.members.get(from)!.channels.get(to)?.status;
const channelStates = (l: ClusterTestEstate, qm: string, channel: string): string[] =>
  filterEvents(l.events, 'channel-state').filter((e) => e.qm === qm && e.channel === channel).map((e) => e.to);

function stopMember(l: ClusterTestEstate, qm: string): void {
  const member = l.cluster.members.get(qm)!;
  l.estate.queueManagers.get(qm)!.end(member.host, { mode: 'immediate', switchover: false, standbyOnly: false, reconnectClients: false });
}

async function startMember(l: ClusterTestEstate, qm: string): Promise<void> {
  const outcome = l.estate.queueManagers.get(qm)!.start(l.cluster.members.get(qm)!.host, { permitStandby: false });
  if (outcome.kind !== 'started') throw new Error(`strmqm ${qm}: ${outcome.kind}`);
  const active = outcome.instance.waitForState(['active']);
  l.advance(20);
  await active;
}

describe('LabCluster - routing and channels', () => {
  it('starts the channel on the first message (STARTING, BINDING, RUNNING) and round-robins bind-not-fixed puts over the instances', async () => {
    lab = await startClusterTestEstate();
    const target = lab.open('QM1', 'APP.Q', { bind: 'not-fixed' });
    for (let i = 0; i < 6; i++) lab.put('QM1', target);
    lab.advance(100);
    expect(depthOf(lab, 'QM3', 'APP.Q')).toBe(3);
    expect(depthOf(lab, 'QM4', 'APP.Q')).toBe(3);
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(0);
    expect(channelStates(lab, 'QM1', 'DEMO.QM3')).toEqual(['STARTING', 'BINDING', 'RUNNING']);
    const routed = filterEvents(lab.events, 'cluster-routed');
    expect(routed.map((e) => e.to)).toEqual(['QM3', 'QM4', 'QM3', 'QM4', 'QM3', 'QM4']);
    const transferred = filterEvents(lab.events, 'cluster-transferred').flatMap((e) => e.msgIds);
    expect(transferred.sort()).toEqual(routed.map((e) => e.msgId).sort());
  });

  it('ends a RUNNING channel after DISCINT without messages (no status: INACTIVE)', async () => {
    lab = await startClusterTestEstate({ channels: { discIntMs: 300, heartbeatMs: 1000 } });
    lab.put('QM1', lab.open('QM1', 'APP.Q', { bind: 'on-open' }));
    lab.advance(50);
    expect(statusOf(lab, 'QM1', 'QM3')).toBe('RUNNING');
    lab.advance(300);
    expect(statusOf(lab, 'QM1', 'QM3')).toBeNull();
    expect(channelStates(lab, 'QM1', 'DEMO.QM3').at(-1)).toBe('INACTIVE');
  });
});

describe('LabCluster - a stopped member', () => {
  it('keeps bind-on-open messages on the transmission queue through every retry, then delivers them after the member is back', async () => {
    lab = await startClusterTestEstate();
    const target = lab.open('QM1', 'APP.Q', { bind: 'on-open' });
    expect(target.fixedQm).toBe('QM3');
    lab.put('QM1', target);
    lab.advance(50);
    stopMember(lab, 'QM3');
    lab.advance(30);
    expect(statusOf(lab, 'QM1', 'QM3')).toBe('RETRYING');
    for (let i = 0; i < 5; i++) lab.put('QM1', target);
    lab.advance(200);
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(5);
    expect(filterEvents(lab.events, 'cluster-reallocated')).toEqual([]);
    await startMember(lab, 'QM3');
    lab.advance(200);
    expect(statusOf(lab, 'QM1', 'QM3')).toBe('RUNNING');
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(0);
    expect(depthOf(lab, 'QM3', 'APP.Q')).toBe(6);
    expect(depthOf(lab, 'QM4', 'APP.Q')).toBe(0);
  });

  it('goes through SHORTRTY retries every SHORTTMR, then LONGRTY every LONGTMR, then STOPPED', async () => {
    lab = await startClusterTestEstate({ channels: { shortRetry: 3, shortTimerMs: 100, longRetry: 2, longTimerMs: 500 } });
    const target = lab.open('QM1', 'APP.Q', { bind: 'on-open' });
    stopMember(lab, 'QM3');
    lab.advance(30);
    lab.put('QM1', target);
    const start = lab.clock.now();
    lab.advance(2000, 1);
    const states = filterEvents(lab.events, 'channel-state').filter((e) => e.channel === 'DEMO.QM3');
    const retrying = states.find((e) => e.to === 'RETRYING')!;
    const stopped = states.find((e) => e.to === 'STOPPED')!;
    expect(retrying.t - start).toBe(15); // STARTING 5 ms, BINDING 10 ms
    expect(stopped.t - retrying.t).toBe(3 * 100 + 2 * 500);
    expect(stopped.cause).toBe('retries-exhausted');
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(1);
  });

  it('re-allocates bind-not-fixed messages to the other instance when the channel goes to RETRYING, and routes new ones there', async () => {
    lab = await startClusterTestEstate({ channels: { heartbeatMs: 10_000 } });
    const target = lab.open('QM1', 'APP.Q', { bind: 'not-fixed' });
    lab.put('QM1', target);
    lab.put('QM1', target);
    lab.advance(50);
    // QM3 dies unannounced: the idle RUNNING channel does not notice until it next sends.
    const member = lab.cluster.members.get('QM3')!;
    const controller = lab.estate.host(member.host).processes.list().find((p) => p.command.includes('/amqzxma0 -m QM3'))!;
    lab.estate.host(member.host).signal(controller.pid, 'KILL', 'root');
    for (let i = 0; i < 4; i++) lab.put('QM1', target);
    lab.advance(100);
    const reallocated = filterEvents(lab.events, 'cluster-reallocated');
    expect(reallocated).toHaveLength(1);
    expect(reallocated[0]).toMatchObject({ qm: 'QM1', fromChannel: 'DEMO.QM3', toChannel: 'DEMO.QM4', cause: 'channel-retrying' });
    expect(reallocated[0]!.msgIds).toHaveLength(2);
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(0);
    expect(depthOf(lab, 'QM4', 'APP.Q')).toBe(1 + 4);
  });

  it('keeps fully qualified messages for the stopped member however the workload algorithm would choose', async () => {
    lab = await startClusterTestEstate();
    stopMember(lab, 'QM3');
    lab.advance(30);
    const target = lab.open('QM1', 'APP.Q', { objectQmgr: 'QM3' });
    for (let i = 0; i < 3; i++) lab.put('QM1', target);
    lab.advance(300);
    expect(depthOf(lab, 'QM1', TRANSMIT_QUEUE)).toBe(3);
    expect(statusOf(lab, 'QM1', 'QM3')).toBe('RETRYING');
  });
});

describe('LabCluster - workload attributes', () => {
  it('leaves a suspended member out of new choices, and takes it back after RESUME', async () => {
    lab = await startClusterTestEstate();
    lab.cluster.suspend('QM3', true);
    const notFixed = lab.open('QM1', 'APP.Q', { bind: 'not-fixed' });
    for (let i = 0; i < 4; i++) lab.put('QM1', notFixed);
    expect(lab.open('QM1', 'APP.Q', { bind: 'on-open' }).fixedQm).toBe('QM4');
    lab.advance(100);
    expect(depthOf(lab, 'QM4', 'APP.Q')).toBe(4);
    lab.cluster.suspend('QM3', false);
    for (let i = 0; i < 4; i++) lab.put('QM1', notFixed);
    lab.advance(100);
    expect(depthOf(lab, 'QM3', 'APP.Q')).toBeGreaterThan(0);
    expect(filterEvents(lab.events, 'cluster-suspended').map((e) => e.suspended)).toEqual([true, false]);
  });

  it('avoids a put-disabled instance; with every instance disabled MQOPEN bind-on-open fails 2268 and a bind-not-fixed put 2051', async () => {
    lab = await startClusterTestEstate();
    lab.mq.storeOf('QM3')!.queues.get('APP.Q')!.inhibitPut = true;
    expect(lab.open('QM1', 'APP.Q', { bind: 'on-open' }).fixedQm).toBe('QM4');
    lab.mq.storeOf('QM4')!.queues.get('APP.Q')!.inhibitPut = true;
    expect(() => lab!.open('QM1', 'APP.Q', { bind: 'on-open' })).toThrow('reason 2268');
    expect(lab.put('QM1', lab.open('QM1', 'APP.Q', { bind: 'not-fixed' }))).toBe(2051);
  });

  it('sends to the instance with the higher CLWLPRTY, except while its channel is still starting (a documented caveat)', async () => {
    lab = await startClusterTestEstate();
    lab.cluster.members.get('QM4')!.instances.get('APP.Q')!.clwlprty = 5;
    const target = lab.open('QM1', 'APP.Q', { bind: 'not-fixed' });
    lab.put('QM1', target);
    lab.put('QM1', target); // DEMO.QM4 is STARTING, DEMO.QM3 has no status: the better state wins over CLWLPRTY
    lab.advance(100);
    for (let i = 0; i < 4; i++) lab.put('QM1', target);
    lab.advance(100);
    expect(filterEvents(lab.events, 'cluster-routed').map((e) => e.to)).toEqual(['QM4', 'QM3', 'QM4', 'QM4', 'QM4', 'QM4']);
  });

  it('puts to the local instance under CLWLUSEQ(LOCAL) and spreads over all under ANY', async () => {
    lab = await startClusterTestEstate({ instances: ['QM2', 'QM3'] });
    const local = lab.open('QM2', 'APP.Q', { bind: 'not-fixed' });
    for (let i = 0; i < 4; i++) lab.put('QM2', local);
    expect(depthOf(lab, 'QM2', 'APP.Q')).toBe(4);
    lab.cluster.members.get('QM2')!.instances.get('APP.Q')!.clwluseq = 'ANY';
    for (let i = 0; i < 4; i++) {
      lab.put('QM2', local);
      lab.advance(50);
    }
    expect(filterEvents(lab.events, 'cluster-routed').slice(4).map((e) => e.to)).toEqual(['QM3', 'QM2', 'QM3', 'QM2']);
    expect(depthOf(lab, 'QM2', 'APP.Q')).toBe(6);
    expect(depthOf(lab, 'QM3', 'APP.Q')).toBe(2);
  });
});

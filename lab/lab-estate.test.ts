import { describe, expect, it } from 'vitest';
import type { LabHost } from './lab-host.ts';
import { createTestEstate, startActiveAndStandby, type TestEstate } from './test-estate.ts';
import { findEventAfter, findInstanceState, instanceRolesAt } from './truth-log.ts';

function controllerPid(host: LabHost): number {
  const controller = host.processes.list().find((p) => p.command.startsWith('/opt/mqm/bin/amqzxma0 -m QM1'));
  if (!controller) throw new Error(`no execution controller on ${host.name}`);
  return controller.pid;
}

function qm1(lab: TestEstate) {
  const qm = lab.estate.queueManagers.get('QM1');
  if (!qm) throw new Error('QM1 missing');
  return qm;
}

describe('lab estate - start-up', () => {
  it('lab estate - first instance becomes active after log replay, second becomes its standby', async () => {
    const lab = createTestEstate({ logReplayMs: 1200 });
    const t0 = lab.clock.now();
    await startActiveAndStandby(lab);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq1'], standby: ['mq2'] });
    expect(findInstanceState(lab.events, { qm: 'QM1', to: 'active' })?.t).toBe(t0 + 1200);
    expect(findEventAfter(lab.events, 'lock-acquired', t0)).toMatchObject({ t: t0, qm: 'QM1', host: 'mq1' });
    const mq1Commands = lab.estate.host('mq1').processes.list().map((p) => p.command);
    expect(mq1Commands).toContain('/opt/mqm/bin/amqzlaa0 -mQM1 -fip0');
    const mq2Commands = lab.estate.host('mq2').processes.list().map((p) => p.command).filter((c) => c.startsWith('/opt/mqm'));
    expect(mq2Commands).toEqual([
      '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm',
      '/opt/mqm/bin/amqzfuma -m QM1',
      '/opt/mqm/bin/amqzmgr0 -m QM1',
      '/opt/mqm/bin/amqzmuc0 -m QM1',
    ]);
  });
});

describe('lab estate - kill of the active instance', () => {
  it('lab estate - standby takes the lock at its first poll tick after the kill and is active logReplayMs later', async () => {
    const lab = createTestEstate({ standbyPollMs: 500, logReplayMs: 1200 });
    await startActiveAndStandby(lab);
    const standbyStartMs = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'standby' })?.t ?? NaN;
    lab.clock.advanceTo(standbyStartMs + 1700);
    const killMs = lab.clock.now();
    const mq1 = lab.estate.host('mq1');
    expect(mq1.signal(controllerPid(mq1), 'KILL', 'mqm')).toBe('delivered');

    expect(findEventAfter(lab.events, 'lock-released', killMs)).toMatchObject({ t: killMs, host: 'mq1', reason: 'process-ended' });
    expect(mq1.processes.list().filter((p) => p.command.includes('QM1'))).toEqual([]);
    expect(qm1(lab).viewFrom('mq1').status).toBe('running-elsewhere');
    lab.clock.advanceBy(5000);

    const acquired = findEventAfter(lab.events, 'lock-acquired', killMs);
    expect(acquired).toMatchObject({ t: standbyStartMs + 2000, host: 'mq2' });
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: killMs })?.t).toBe(standbyStartMs + 3200);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: [] });
    expect(qm1(lab).viewFrom('mq1').status).toBe('running-elsewhere');
    expect(qm1(lab).viewFrom('mq2').status).toBe('running');
  });

  it.each([
    { standbyPollMs: 500, logReplayMs: 1200, killOffsetMs: 1700 },
    { standbyPollMs: 500, logReplayMs: 1200, killOffsetMs: 2001 },
    { standbyPollMs: 2000, logReplayMs: 5000, killOffsetMs: 3999 },
    { standbyPollMs: 2000, logReplayMs: 0, killOffsetMs: 10 },
    { standbyPollMs: 750, logReplayMs: 333, killOffsetMs: 7500 },
  ])(
    'lab estate - failover is (next poll tick - kill) + replay with poll $standbyPollMs ms, replay $logReplayMs ms, kill at +$killOffsetMs ms',
    async ({ standbyPollMs, logReplayMs, killOffsetMs }) => {
      const lab = createTestEstate({ standbyPollMs, logReplayMs, leaseSeconds: 30 });
      await startActiveAndStandby(lab);
      const standbyStartMs = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'standby' })?.t ?? NaN;
      // A kill exactly on a tick lands after that tick has polled.
      lab.clock.advanceTo(standbyStartMs + killOffsetMs);
      const killMs = lab.clock.now();
      const mq1 = lab.estate.host('mq1');
      mq1.signal(controllerPid(mq1), 'KILL', 'mqm');
      lab.clock.advanceBy(standbyPollMs + logReplayMs + 1);

      const nextTickMs = standbyStartMs + (Math.floor(killOffsetMs / standbyPollMs) + 1) * standbyPollMs;
      const activeMs = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: killMs })?.t;
      expect(activeMs).toBe(nextTickMs + logReplayMs);
      expect((activeMs ?? NaN) - killMs).toBe(nextTickMs - killMs + logReplayMs);
    },
  );

  it('lab estate - killing amqzlaa0 ends the queue manager like a controller kill (AMQ5008)', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const mq1 = lab.estate.host('mq1');
    const agent = mq1.processes.list().find((p) => p.command.includes('amqzlaa0'));
    mq1.signal(agent?.pid ?? -1, 'TERM', 'mqm');
    expect(lab.events.at(-1)).toMatchObject({ event: 'instance-state', host: 'mq1', from: 'active', to: 'ended' });
    expect(lab.events.filter((e) => e.event === 'lock-released')).toHaveLength(1);
  });

  it('lab estate - killing the repository manager restarts it with a new pid and keeps the instance active', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const mq1 = lab.estate.host('mq1');
    const before = mq1.processes.list().find((p) => p.command.includes('amqrrmfa'));
    mq1.signal(before?.pid ?? -1, 'KILL', 'mqm');
    const after = mq1.processes.list().find((p) => p.command.includes('amqrrmfa'));
    expect(after?.pid).toBeGreaterThan(before?.pid ?? Infinity);
    expect(qm1(lab).instanceOn('mq1')?.state).toBe('active');
  });

  it('lab estate - a standby that is killed ends without touching the last-ended status or the lock', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const mq2 = lab.estate.host('mq2');
    mq2.signal(controllerPid(mq2), 'KILL', 'mqm');
    expect(qm1(lab).instanceOn('mq2')).toBeUndefined();
    expect(qm1(lab).viewFrom('mq2').status).toBe('running-elsewhere');
    expect(lab.events.filter((e) => e.event === 'lock-released')).toEqual([]);
  });
});

describe('lab estate - NFS lease', () => {
  it.each([{ leaseSeconds: 4 }, { leaseSeconds: 10 }, { leaseSeconds: 90 }])(
    'lab estate - a host cut from NFS loses its lock exactly $leaseSeconds s after its last renewal',
    async ({ leaseSeconds }) => {
      const leaseMs = leaseSeconds * 1000;
      const lab = createTestEstate({ leaseSeconds, standbyPollMs: 500, logReplayMs: 1200 });
      await startActiveAndStandby(lab);
      lab.clock.advanceBy(leaseMs * 1.5 + 123);
      const mq1 = lab.estate.host('mq1');
      mq1.nfs?.setReachable(false);
      const cutMs = lab.clock.now();
      const lastRenewalMs = lab.estate.nfsServer.lastRenewalMs('mq1') ?? NaN;
      expect(lastRenewalMs).toBeLessThanOrEqual(cutMs);
      expect(cutMs - lastRenewalMs).toBeLessThan(mq1.nfs?.renewIntervalMs ?? 0);

      lab.clock.advanceTo(lastRenewalMs + leaseMs - 1);
      expect(lab.estate.nfsServer.holderOf('QM1')?.host).toBe('mq1');
      lab.clock.advanceTo(lastRenewalMs + leaseMs);
      expect(findEventAfter(lab.events, 'lock-released', cutMs)).toMatchObject({
        t: lastRenewalMs + leaseMs,
        host: 'mq1',
        reason: 'lease-expired',
      });
      expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq1', to: 'ended', afterMs: cutMs })?.t).toBe(lastRenewalMs + leaseMs);
      lab.clock.advanceBy(500 + 1200);
      expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: [] });
    },
  );

  it('lab estate - a host that gets its NFS path back before the lease runs out keeps its lock', async () => {
    const lab = createTestEstate({ leaseSeconds: 4 });
    await startActiveAndStandby(lab);
    const mq1 = lab.estate.host('mq1');
    mq1.nfs?.setReachable(false);
    lab.clock.advanceBy(2000);
    mq1.nfs?.setReachable(true);
    lab.clock.advanceBy(20_000);
    expect(lab.events.filter((e) => e.event === 'lock-released')).toEqual([]);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq1'], standby: ['mq2'] });
  });

  it('lab estate - a kill on a host cut from NFS frees the lock only when the lease expires', async () => {
    const lab = createTestEstate({ leaseSeconds: 4 });
    await startActiveAndStandby(lab);
    const mq1 = lab.estate.host('mq1');
    mq1.nfs?.setReachable(false);
    const lastRenewalMs = lab.estate.nfsServer.lastRenewalMs('mq1') ?? NaN;
    mq1.signal(controllerPid(mq1), 'KILL', 'mqm');
    lab.clock.advanceTo(lastRenewalMs + 4000);
    const released = lab.events.filter((e) => e.event === 'lock-released');
    expect(released).toEqual([{ event: 'lock-released', t: lastRenewalMs + 4000, qm: 'QM1', host: 'mq1', reason: 'lease-expired' }]);
  });
});

describe('lab estate - endmqm', () => {
  it('lab estate - endmqm -is releases the lock after shutdown and the standby takes over at its next tick', async () => {
    const lab = createTestEstate({ standbyPollMs: 500, logReplayMs: 1200, shutdownMs: 300 });
    await startActiveAndStandby(lab);
    const standbyStartMs = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'standby' })?.t ?? NaN;
    lab.clock.advanceTo(standbyStartMs + 1100);
    const outcome = qm1(lab).end('mq1', { mode: 'immediate', switchover: true, standbyOnly: false, reconnectClients: false });
    expect(outcome.kind).toBe('ending');
    expect(qm1(lab).viewFrom('mq1').status).toBe('ending-immediately');
    lab.clock.advanceBy(3000);
    expect(findEventAfter(lab.events, 'lock-released', 0)).toMatchObject({ t: standbyStartMs + 1400, reason: 'endmqm' });
    expect(findEventAfter(lab.events, 'lock-acquired', standbyStartMs)).toMatchObject({ t: standbyStartMs + 1500, host: 'mq2' });
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: standbyStartMs })?.t).toBe(standbyStartMs + 2700);
    expect(qm1(lab).viewFrom('mq1').status).toBe('running-elsewhere');
  });

  it('lab estate - endmqm -s without a running standby is refused and the queue manager keeps running', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    qm1(lab).end('mq2', { mode: 'controlled', switchover: false, standbyOnly: true, reconnectClients: false });
    const outcome = qm1(lab).end('mq1', { mode: 'immediate', switchover: true, standbyOnly: false, reconnectClients: false });
    expect(outcome.kind).toBe('no-standby-for-switchover');
    expect(qm1(lab).viewFrom('mq1').status).toBe('running');
  });

  it.each([
    { mode: 'controlled', status: 'ended-normally' },
    { mode: 'wait', status: 'ended-normally' },
    { mode: 'immediate', status: 'ended-immediately' },
    { mode: 'preemptive', status: 'ended-preemptively' },
  ] as const)('lab estate - endmqm $mode of a lone active leaves the status $status', async ({ mode, status }) => {
    const lab = createTestEstate({ instances: ['mq1'] });
    await startActiveAndStandby(lab);
    qm1(lab).end('mq1', { mode, switchover: false, standbyOnly: false, reconnectClients: false });
    lab.clock.advanceBy(300);
    expect(qm1(lab).viewFrom('mq1').status).toBe(status);
    expect(lab.estate.nfsServer.holderOf('QM1')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby, type TestEstate } from './test-estate.ts';
import { filterEvents, findEventAfter, findInstanceState, instanceRolesAt } from './truth-log.ts';

const CUT = 'sudo -n iptables -I OUTPUT -d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:t -j DROP';
const HEAL = 'sudo -n iptables -D OUTPUT -d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:t -j DROP';
const ERROR_LOG = '/var/mqm/qmgrs/QM1/errors/AMQERR01.LOG';

/** The estate 3 s after start: mq1 active (renewed its lease at +2667), mq2 standby polling at +1200 + k·500. */
async function startedLab(options: { splitBrain?: boolean } = {}): Promise<TestEstate & { t0: number }> {
  const lab = createTestEstate({ leaseSeconds: 4, standbyPollMs: 500, logReplayMs: 1200, ...options });
  const t0 = lab.clock.now();
  await startActiveAndStandby(lab);
  lab.clock.advanceTo(t0 + 3000);
  return { ...lab, t0 };
}

function settled<T>(promise: Promise<T>): { done: boolean } {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

describe('nfs path loss - the active host cut from its NFS server', () => {
  it('nfs path loss - failover time is lease expiry + the standby poll after it + log replay, exactly', async () => {
    const lab = await startedLab();
    const cutMs = lab.clock.now();
    const lastRenewalMs = lab.estate.nfsServer.lastRenewalMs('mq1')!;
    await runOn(lab, 'mq1', CUT);
    lab.clock.advanceBy(10_000);

    const expiryMs = lastRenewalMs + 4000;
    expect(lastRenewalMs).toBe(lab.t0 + 2667);
    expect(findEventAfter(lab.events, 'lease-expired', cutMs)).toMatchObject({ t: expiryMs, host: 'mq1' });
    expect(findEventAfter(lab.events, 'lock-lost', cutMs)).toMatchObject({ t: expiryMs, qm: 'QM1', host: 'mq1', noticed: true });
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq1', to: 'ended', afterMs: cutMs })?.t).toBe(expiryMs);
    const standbyStartMs = lab.t0 + 1200;
    const pollAfterExpiryMs = standbyStartMs + Math.ceil((expiryMs - standbyStartMs) / 500) * 500;
    expect(findEventAfter(lab.events, 'lock-acquired', cutMs)).toMatchObject({ t: pollAfterExpiryMs, host: 'mq2' });
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: cutMs })?.t).toBe(pollAfterExpiryMs + 1200);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: [] });
  });

  it('nfs path loss - the lock-loss entries reach AMQERR01.LOG only when the path is back; reading the share blocks meanwhile', async () => {
    const lab = await startedLab();
    await runOn(lab, 'mq1', CUT);
    lab.clock.advanceBy(10_000);
    const expiry = filterEvents(lab.events, 'lease-expired')[0]!;

    expect((await runOn(lab, 'mq2', `tail -n 50 ${ERROR_LOG}`)).stdout).toBe('');
    const blockedTail = runOn(lab, 'mq1', `tail -n 50 ${ERROR_LOG}`);
    const blockedLs = runOn(lab, 'mq1', 'ls /var/mqm/qmgrs/QM1');
    const tailState = settled(blockedTail);
    expect((await runOn(lab, 'mq1', 'strmqm -x QM1')).exitCode).toBe(23);
    expect(tailState.done).toBe(false);

    await runOn(lab, 'mq1', HEAL);
    const { stdout } = await blockedTail;
    expect((await blockedLs).stdout).toContain('qmstatus.ini\n');
    expect(stdout).toContain("AMQ7280W: IBM MQ queue manager 'QM1' appears unresponsive.");
    expect(stdout).toContain("AMQ7279E: IBM MQ queue manager 'QM1' lost ownership of data lock.");
    expect(stdout).toContain(`                    Time(${new Date(expiry.t).toISOString()})\n`);
    expect(stdout).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d [AP]M - Process\(\d+\.4\) User\(mqm\) Program\(amqzxma0\)\n {20}Host\(mq1\) Installation\(Installation1\)\n {20}VRMF\(9\.3\.1\.0\) QMgr\(QM1\)\n/);
    expect(stdout).toContain('\n----- amqzxcl0.c : 1271 -------------------------------------------------------\n');
    expect((await runOn(lab, 'mq2', `tail -n 50 ${ERROR_LOG}`)).stdout).toBe(stdout);
    expect(filterEvents(lab.events, 'error-logged').map((e) => e.messageId)).toEqual(['AMQ7280W', 'AMQ7279E']);

    const restarted = await runOn(lab, 'mq1', 'strmqm -x QM1');
    expect(restarted.exitCode).toBe(30);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: ['mq1'] });
  });

  it('nfs path loss - a cut shorter than the lease costs nothing: the lease is renewed when the path is back', async () => {
    const lab = await startedLab();
    const cutMs = lab.clock.now();
    await runOn(lab, 'mq1', CUT);
    lab.clock.advanceBy(1000);
    await runOn(lab, 'mq1', HEAL);
    lab.clock.advanceBy(10_000);
    expect(findEventAfter(lab.events, 'lease-expired', cutMs)).toBeUndefined();
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq1'], standby: ['mq2'] });
  });
});

describe('nfs path loss - split-brain topology', () => {
  it('split brain - the old active does not notice, both report Running, and it ends with EIO once the path is back', async () => {
    const lab = await startedLab({ splitBrain: true });
    const cutMs = lab.clock.now();
    await runOn(lab, 'mq1', CUT);
    lab.clock.advanceBy(10_000);

    expect(findEventAfter(lab.events, 'lock-lost', cutMs)).toMatchObject({ host: 'mq1', noticed: false });
    const takeover = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: cutMs })!;
    expect(findEventAfter(lab.events, 'split-brain', cutMs)).toEqual({ t: takeover.t, event: 'split-brain', qm: 'QM1', hosts: ['mq1', 'mq2'] });
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq1', 'mq2'], standby: [] });
    expect((await runOn(lab, 'mq1', 'dspmq -m QM1')).stdout).toContain('STATUS(Running)');
    expect((await runOn(lab, 'mq2', 'dspmq -m QM1')).stdout).toContain('STATUS(Running)');

    const healMs = lab.clock.now();
    await runOn(lab, 'mq1', HEAL);
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq1', to: 'ended', afterMs: healMs })?.t).toBe(healMs);
    expect(filterEvents(lab.events, 'error-logged').map((e) => e.messageId)).toEqual(['AMQ6119S', 'AMQ7279E']);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: [] });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../test/support/fake-instance-hosts.ts';
import { dropNfs } from './drop-nfs.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

const spec = dropNfs.parseSpec({ kind: 'drop-nfs' });

describe('drop-nfs', () => {
  it('fills the defaults of its schema into the spec', () => {
    expect(spec).toEqual({ kind: 'drop-nfs', method: 'iptables', interface: 'eth0', sudo: true });
    expect(() => dropNfs.parseSpec({ kind: 'drop-nfs', method: 'scissors' })).toThrow(/drop-nfs fault\/method must be equal to one of the allowed values/);
  });

  it('drops the NFS server the active host mounts with a rule tagged by the run, verifies it listed, and deletes exactly it', async () => {
    const ctx = fake.context('run-a');
    const injected = await dropNfs.inject(ctx, spec, fake.hosts[0]!);
    expect(injected.target).toMatchObject({ host: 'mq1', method: 'iptables', servers: ['10.0.0.5'], tag: 'mqchaos:run-a', healUnits: ['mqchaos-heal-run-a-drill-1'] });
    // The host's own timed heal is installed before the cut it undoes.
    expect(fake.commands().filter((c) => c.includes('iptables') && !c.includes(' -S'))).toEqual([
      'mq1: sudo -n systemd-run --unit mqchaos-heal-run-a-drill-1 --on-active 180s --collect iptables -w -D OUTPUT -d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:run-a -j DROP',
      'mq1: sudo -n iptables -w -I OUTPUT -d 10.0.0.5 -p tcp --dport 2049 -m comment --comment mqchaos:run-a -j DROP',
    ]);
    expect(ctx.events[0]?.summary).toBe(
      'iptables -I OUTPUT -d 10.0.0.5 -p tcp --dport 2049 -j DROP (mqchaos:run-a) on mq1: mq1 undoes it by itself 180 s after the cut unless mqchaos restores it first (mqchaos-heal-run-a-drill-1.timer)',
    );
    expect(await dropNfs.verify(ctx, injected.target)).toBe(
      'iptables -S on mq1 lists -A OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:run-a" -j DROP',
    );

    const actions = await dropNfs.restore(ctx, injected.target, spec);
    expect(actions).toEqual([
      'systemctl stop mqchaos-heal-run-a-drill-1.timer on mq1',
      'iptables -D OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:run-a" -j DROP on mq1',
      'strmqm -x QM1 on mq1',
      'verified QM1: active on mq2, standby on mq1',
    ]);
    expect(fake.state('mq1').rules).toEqual([]);
    expect([...fake.state('mq1').timers.keys()]).toEqual([]);
    expect(ctx.events.map((e) => e.kind)).toEqual(['fault-injected', 'fault-verified', 'observation', 'fault-restored']);
  });

  it('verify finds the fault did not take effect when the rule is not listed', async () => {
    fake.state('mq1').quirks.iptablesInsertIsLost = true;
    const ctx = fake.context('run-a');
    const injected = await dropNfs.inject(ctx, spec, fake.hosts[0]!);
    await expect(dropNfs.verify(ctx, injected.target)).rejects.toThrow('iptables -S on mq1 does not list the drop of 10.0.0.5');
    expect(ctx.events.map((e) => e.kind)).toEqual(['fault-injected']);
  });

  it('a restore run twice deletes nothing the second time', async () => {
    const ctx = fake.context('run-a');
    const injected = await dropNfs.inject(ctx, spec, fake.hosts[0]!);
    await dropNfs.restore(ctx, injected.target, spec);
    const deletes = () => fake.commands().filter((c) => c.includes(' -D OUTPUT')).length;
    const before = deletes();
    expect(await dropNfs.restore(ctx, injected.target, spec)).toEqual([
      'systemctl stop mqchaos-heal-run-a-drill-1.timer on mq1 (not all loaded: fired or stopped already)',
      'verified QM1: active on mq2, standby on mq1',
    ]);
    expect(deletes()).toBe(before);
  });

  it('the sweep removes this run\'s rules on every host and leaves another run\'s', async () => {
    fake.state('mq2').rules.push({ server: '10.0.0.9', tag: 'mqchaos:run-b' });
    const ctx = fake.context('run-a');
    await dropNfs.inject(ctx, spec, fake.hosts[0]!);
    const actions = await dropNfs.restore(ctx, null, spec);
    expect(actions[0]).toBe('systemctl stop mqchaos-heal-run-a-drill-1.timer on mq1');
    expect(fake.state('mq1').timers.size).toBe(0);
    expect(actions[1]).toBe('iptables -D OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:run-a" -j DROP on mq1');
    expect(fake.state('mq1').rules).toEqual([]);
    expect(fake.state('mq2').rules).toEqual([{ server: '10.0.0.9', tag: 'mqchaos:run-b' }]);
  });

  it('ip-link takes the interface down, verifies it DOWN and brings it up again', async () => {
    const linkSpec = dropNfs.parseSpec({ kind: 'drop-nfs', method: 'ip-link', interface: 'eth1' });
    const ctx = fake.context('run-a');
    const injected = await dropNfs.inject(ctx, linkSpec, fake.hosts[0]!);
    expect(fake.state('mq1').linkUp).toBe(false);
    expect(await dropNfs.verify(ctx, injected.target)).toBe('ip -o link on mq1 shows eth1 DOWN');
    expect((await dropNfs.restore(ctx, injected.target, linkSpec)).slice(0, 2)).toEqual([
      'systemctl stop mqchaos-heal-run-a-drill-1.timer on mq1',
      'ip link set eth1 up on mq1',
    ]);
    expect(fake.state('mq1').linkUp).toBe(true);
  });

  it('the dead-man restore: the host\'s timer, fired with mqchaos gone, deletes exactly the rule', async () => {
    fake.state('mq2').rules.push({ server: '10.0.0.5', tag: 'mqchaos:run-b' });
    const ctx = fake.context('run-a');
    await dropNfs.inject(ctx, dropNfs.parseSpec({ kind: 'drop-nfs', hostHealsAfterSeconds: 30 }), fake.hosts[0]!);
    expect(fake.commands().some((c) => c.includes('--on-active 30s'))).toBe(true);
    fake.fireTimer('mq1', 'mqchaos-heal-run-a-drill-1.timer');
    expect(fake.state('mq1').rules).toEqual([]);
    expect(fake.state('mq2').rules).toEqual([{ server: '10.0.0.5', tag: 'mqchaos:run-b' }]);
  });

  it('a host without systemd gets no timed heal: the timeline says so and the fault goes ahead', async () => {
    fake.state('mq1').quirks.noSystemd = true;
    const ctx = fake.context('run-a');
    const injected = await dropNfs.inject(ctx, spec, fake.hosts[0]!);
    expect(injected.target.healUnits).toEqual([]);
    expect(fake.state('mq1').rules).toHaveLength(1);
    expect(ctx.events[0]?.summary).toMatch(/: no timed heal on the host: no systemd-run on mq1 \(sh: 1: systemd-run: not found\)$/);
    expect((await dropNfs.restore(ctx, injected.target, spec))[0]).toMatch(/^iptables -D OUTPUT/);
  });
});

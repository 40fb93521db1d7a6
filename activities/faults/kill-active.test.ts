import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../test/support/fake-instance-hosts.ts';
import { killActive } from './kill-active.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

const spec = { kind: 'kill-active', signal: 'KILL' };

describe('kill-active', () => {
  it('kills the execution controller of the active instance, verifies it is gone and restarts it as the standby', async () => {
    const ctx = fake.context();
    const pid = fake.state('mq1').pid;
    const injected = await killActive.inject(ctx, spec, fake.hosts[0]!);
    expect(injected.target).toEqual({ host: 'mq1', pid, signal: 'KILL', process: 'amqzxma0 -m QM1' });
    expect(fake.commands()).toContain(`mq1: kill -9 ${pid}`);
    expect(fake.state('mq2').role).toBe('active');

    expect(await killActive.verify(ctx, injected.target)).toBe(`pid ${pid} (amqzxma0 -m QM1) is gone from ps -ef on mq1`);
    const actions = await killActive.restore(ctx, injected.target, spec);
    expect(actions).toEqual(['strmqm -x QM1 on mq1', 'verified QM1: active on mq2, standby on mq1']);
    expect(fake.state('mq1').role).toBe('standby');
    expect(ctx.events.map((e) => `${e.kind} ${e.summary}`)).toEqual([
      `fault-injected kill -9 ${pid} on mq1 (amqzxma0 -m QM1)`,
      `fault-verified pid ${pid} (amqzxma0 -m QM1) is gone from ps -ef on mq1`,
      `fault-restored restored kill -9 ${pid} on mq1 (amqzxma0 -m QM1): strmqm -x QM1 on mq1; verified QM1: active on mq2, standby on mq1`,
    ]);
  });

  it('a restore run twice starts nothing the second time and still checks the estate recovered', async () => {
    const ctx = fake.context();
    const injected = await killActive.inject(ctx, spec, fake.hosts[0]!);
    await killActive.restore(ctx, injected.target, spec);
    const strmqmBefore = fake.commands().filter((c) => c.includes('strmqm')).length;
    expect(await killActive.restore(ctx, injected.target, spec)).toEqual(['verified QM1: active on mq2, standby on mq1']);
    expect(fake.commands().filter((c) => c.includes('strmqm'))).toHaveLength(strmqmBefore);
  });

  it('the sweep without a target restarts whatever instance is down', async () => {
    const ctx = fake.context();
    await killActive.inject(ctx, spec, fake.hosts[0]!);
    expect(await killActive.restore(ctx, null, spec)).toEqual(['strmqm -x QM1 on mq1', 'verified QM1: active on mq2, standby on mq1']);
    expect(ctx.events.at(-1)?.summary).toMatch(/^restore-all sweep: strmqm -x QM1 on mq1/);
  });

  it('refuses a target that does not match the kind\'s schema before touching a host', async () => {
    const ctx = fake.context();
    const before = fake.commands().length;
    await expect(killActive.restore(ctx, { host: 'mq1', pid: 'not-a-pid' }, spec)).rejects.toThrow(/kill-active target does not match its schema/);
    expect(fake.commands()).toHaveLength(before);
  });
});

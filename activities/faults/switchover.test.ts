import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../test/support/fake-instance-hosts.ts';
import { switchover } from './switchover.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

const spec = switchover.parseSpec({ kind: 'switchover' });

describe('switchover', () => {
  it('ends the active with endmqm -is, sees it stop reporting Running, and restarts it as the standby', async () => {
    const ctx = fake.context();
    const injected = await switchover.inject(ctx, spec, fake.hosts[0]!);
    expect(injected.target).toEqual({ host: 'mq1', command: 'endmqm -is QM1' });
    expect(ctx.events[0]?.summary).toBe(
      'endmqm -is QM1 on mq1: Quiesce request accepted. The queue manager will stop when all outstanding work is complete, permitting switchover to a standby instance.',
    );
    expect(await switchover.verify(ctx, injected.target)).toBe('after endmqm -is QM1, mq1 reports Running elsewhere');
    expect(await switchover.restore(ctx, injected.target, spec)).toEqual(['strmqm -x QM1 on mq1', 'verified QM1: active on mq2, standby on mq1']);
  });

  it('a restore run twice starts nothing the second time', async () => {
    const ctx = fake.context();
    const injected = await switchover.inject(ctx, spec, fake.hosts[0]!);
    await switchover.restore(ctx, injected.target, spec);
    expect(await switchover.restore(ctx, injected.target, spec)).toEqual(['verified QM1: active on mq2, standby on mq1']);
  });
});

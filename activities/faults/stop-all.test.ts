import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../test/support/fake-instance-hosts.ts';
import { stopAll } from './stop-all.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

describe('stop-all', () => {
  it('ends the standby first, then the active, and restarts the old active before the standby', async () => {
    const spec = stopAll.parseSpec({ kind: 'stop-all', reconnectClients: true });
    const ctx = fake.context();
    const injected = await stopAll.inject(ctx, spec, fake.hosts[0]!);
    expect(fake.commands().filter((c) => c.includes('endmqm'))).toEqual(['mq2: endmqm -x QM1', 'mq1: endmqm -ir QM1']);
    expect(injected.target).toEqual({ host: 'mq1', standbyHosts: ['mq2'], command: 'endmqm -ir QM1' });
    expect(ctx.events[0]?.summary).toBe('endmqm -x on mq2, then endmqm -ir QM1 on mq1');
    expect(await stopAll.verify(ctx, injected.target)).toBe('no instance of QM1 is running (mq1: Ended immediately, mq2: Ended immediately)');
    expect(await stopAll.restore(ctx, injected.target, spec)).toEqual([
      'strmqm -x QM1 on mq1',
      'strmqm -x QM1 on mq2',
      'verified QM1: active on mq1, standby on mq2',
    ]);
  });

  it('a restore run twice starts nothing the second time', async () => {
    const spec = stopAll.parseSpec({ kind: 'stop-all' });
    const ctx = fake.context();
    const injected = await stopAll.inject(ctx, spec, fake.hosts[0]!);
    await stopAll.restore(ctx, injected.target, spec);
    expect(await stopAll.restore(ctx, injected.target, spec)).toEqual(['verified QM1: active on mq1, standby on mq2']);
  });
});

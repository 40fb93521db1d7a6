import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../test/support/fake-instance-hosts.ts';
import { stopStandby } from './stop-standby.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

const spec = stopStandby.parseSpec({ kind: 'stop-standby' });

describe('stop-standby', () => {
  it('ends the standby with endmqm -x on its host, leaves the active serving, and starts the standby again', async () => {
    const ctx = fake.context();
    const injected = await stopStandby.inject(ctx, spec, fake.hosts[0]!);
    expect(injected.target).toEqual({ host: 'mq2' });
    expect(fake.state('mq1').role).toBe('active');
    expect(await stopStandby.verify(ctx, injected.target)).toBe('mq2 reports Running elsewhere: its standby instance has ended');
    expect(await stopStandby.restore(ctx, injected.target, spec)).toEqual(['strmqm -x QM1 on mq2', 'verified QM1: active on mq1, standby on mq2']);
  });

  it('refuses to inject when no host runs a standby', async () => {
    fake.state('mq2').role = 'ended';
    await expect(stopStandby.inject(fake.context(), spec, fake.hosts[0]!)).rejects.toThrow('no host reports QM1 Running as standby: nothing to stop');
    expect(fake.commands().some((c) => c.includes('endmqm'))).toBe(false);
  });

  it('a restore run twice starts nothing the second time', async () => {
    const ctx = fake.context();
    const injected = await stopStandby.inject(ctx, spec, fake.hosts[0]!);
    await stopStandby.restore(ctx, injected.target, spec);
    expect(await stopStandby.restore(ctx, injected.target, spec)).toEqual(['verified QM1: active on mq1, standby on mq2']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInstanceHosts, type FakeInstanceHosts } from '../../../test/support/fake-instance-hosts.ts';
import { multiInstance } from './multi-instance.ts';
import { SteadyStateNotMetError } from './steady-state-not-met.ts';

let fake: FakeInstanceHosts;
beforeEach(async () => {
  fake = await startFakeInstanceHosts();
});
afterEach(async () => fake.stop());

describe('the multi-instance family', () => {
  it('holds its steady state with one active and one standby, and aims the fault at the active host', async () => {
    expect(await multiInstance.checkSteadyState(fake.context())).toEqual({ servingHost: 'mq1', summary: 'QM1: active on mq1, standby on mq2' });
  });

  it('refuses the steady state without a standby, saying what it saw', async () => {
    fake.state('mq2').role = 'ended';
    const refused = multiInstance.checkSteadyState(fake.context());
    await expect(refused).rejects.toThrow(SteadyStateNotMetError);
    await expect(refused).rejects.toThrow(
      'steady state not met for QM1: expected one active and one standby instance, found active [mq1], standby [], unreachable []',
    );
  });

  it('counts as recovered once one instance is active and the other standby', async () => {
    expect(await multiInstance.awaitRecovered(fake.context())).toBe('verified QM1: active on mq1, standby on mq2');
  });
});

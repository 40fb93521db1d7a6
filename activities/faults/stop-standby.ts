import type { HostSpec } from '../../suites/suite-model.ts';
import { sampleInstanceState } from '../probes/sample-instance-state.ts';
import { recordEvent } from '../../records/event-log.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus, showsNoLocalInstance } from './await-instance-status.ts';
import type { FaultContext, FaultModule } from './fault-module.ts';
import { hostNamed, restartStoppedInstances } from './restart-instances.ts';

type StopStandbySpec = { kind: 'stop-standby' };

export interface StopStandbyTarget {
  [key: string]: unknown;
  host: string;
}

const COMMAND_TIMEOUT_MS = 60_000;

/** The hosts other than the active whose own instance reports Running as standby. */
export async function findStandbyHosts(ctx: FaultContext, activeHost: HostSpec): Promise<HostSpec[]> {
  const others = ctx.hosts.filter((h) => h.name !== activeHost.name);
  const samples = await Promise.all(others.map((host) => sampleInstanceState(ctx.ssh, host, ctx.queueManager, { timeoutMs: 10_000 })));
  return others.filter((_, index) => samples[index]!.ok && samples[index]!.status?.toLowerCase() === 'running as standby');
}

/**
 * End the standby instance with `endmqm -x QM` on its host. No failover follows: the
 * active keeps serving without a standby. The restore starts it again with `strmqm -x`.
 */
export const stopStandby: FaultModule<StopStandbySpec, StopStandbyTarget> = {
  kind: 'stop-standby',

  plan: () => ({ expectsFailover: false, restoreAfterMs: null }),

  async inject(ctx, _spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const [standby] = await findStandbyHosts(ctx, activeHost);
    if (!standby) throw new Error(`no host reports ${ctx.queueManager} Running as standby: nothing to stop`);
    const result = await ctx.ssh.runChecked(standby, ['endmqm', '-x', ctx.queueManager], { timeoutMs: COMMAND_TIMEOUT_MS });
    const target: StopStandbyTarget = { host: standby.name };
    await recordEvent(ctx.scenarioDir, {
      at: new Date(result.startedAt).toISOString(),
      kind: 'fault-injected',
      host: standby.name,
      summary: stopStandby.describe(target),
      detail: { ...target },
    });
    return { injectedAt: result.startedAt, target };
  },

  async verify(ctx, target) {
    const status = await awaitInstanceStatus(ctx, hostNamed(ctx, target.host), showsNoLocalInstance, 'end its standby');
    const evidence = `${target.host} reports ${status}: its standby instance has ended`;
    await recordEvent(ctx.scenarioDir, { kind: 'fault-verified', host: target.host, summary: evidence });
    return evidence;
  },

  async restore(ctx, target) {
    const actions = await restartStoppedInstances(ctx, target ? [hostNamed(ctx, target.host)] : ctx.hosts);
    const what = target ? `restored ${stopStandby.describe(target)}` : 'restore-all sweep';
    await recordEvent(ctx.scenarioDir, { kind: 'fault-restored', summary: `${what}: ${actions.join('; ')}` });
    return actions;
  },

  describe(target) {
    return `endmqm -x on ${target.host}`;
  },
};

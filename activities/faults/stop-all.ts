import { recordEvent } from '../../records/event-log.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus, showsNoLocalInstance } from './await-instance-status.ts';
import type { FaultModule } from './fault-module.ts';
import { hostNamed, restartStoppedInstances } from './restart-instances.ts';
import { findStandbyHosts } from './stop-standby.ts';

type StopAllSpec = { kind: 'stop-all'; mode: 'immediate' | 'wait'; reconnectClients: boolean };

export interface StopAllTarget {
  [key: string]: unknown;
  activeHost: string;
  standbyHosts: string[];
  command: string;
}

const ENDMQM_TIMEOUT_MS = 120_000;

/**
 * Stop the queue manager everywhere: each standby first (`endmqm -x`), so no instance can
 * take over, then the active (`endmqm -i`, or `-w`; `-r` only if reconnectClients — IBM:
 * without -r or -s reconnectable clients do not reconnect). No failover is expected. The
 * fault time is when the active's endmqm was sent. The restore starts the old active with
 * `strmqm -x` (it becomes active again after log replay), then the standbys.
 */
export const stopAll: FaultModule<StopAllSpec, StopAllTarget> = {
  kind: 'stop-all',

  plan: () => ({ expectsFailover: false, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const standbys = await findStandbyHosts(ctx, activeHost);
    for (const standby of standbys) {
      await ctx.ssh.runChecked(standby, ['endmqm', '-x', ctx.queueManager], { timeoutMs: ENDMQM_TIMEOUT_MS });
    }
    const flags = `${spec.mode === 'wait' ? '-w' : '-i'}${spec.reconnectClients ? 'r' : ''}`;
    const argv = ['endmqm', flags, ctx.queueManager];
    const result = await ctx.ssh.runChecked(activeHost, argv, { timeoutMs: ENDMQM_TIMEOUT_MS });
    const target: StopAllTarget = { activeHost: activeHost.name, standbyHosts: standbys.map((h) => h.name), command: argv.join(' ') };
    await recordEvent(ctx.scenarioDir, {
      at: new Date(result.startedAt).toISOString(),
      kind: 'fault-injected',
      host: activeHost.name,
      summary: stopAll.describe(target),
      detail: { ...target },
    });
    return { injectedAt: result.startedAt, target };
  },

  async verify(ctx, target) {
    const statuses: string[] = [];
    for (const name of [target.activeHost, ...target.standbyHosts]) {
      statuses.push(`${name}: ${await awaitInstanceStatus(ctx, hostNamed(ctx, name), showsNoLocalInstance, 'end')}`);
    }
    const evidence = `no instance of ${ctx.queueManager} is running (${statuses.join(', ')})`;
    await recordEvent(ctx.scenarioDir, { kind: 'fault-verified', summary: evidence });
    return evidence;
  },

  async restore(ctx, target) {
    const order = target ? [target.activeHost, ...target.standbyHosts].map((name) => hostNamed(ctx, name)) : ctx.hosts;
    const actions = await restartStoppedInstances(ctx, order);
    const what = target ? `restored ${stopAll.describe(target)}` : 'restore-all sweep';
    await recordEvent(ctx.scenarioDir, { kind: 'fault-restored', summary: `${what}: ${actions.join('; ')}` });
    return actions;
  },

  describe(target) {
    const standbys = target.standbyHosts.map((h) => `endmqm -x on ${h}, then `).join('');
    return `${standbys}${target.command} on ${target.activeHost}`;
  },
};

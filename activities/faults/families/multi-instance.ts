import { awaitSteadyRoles } from '../../probes/await-steady-roles.ts';
import { checkInstanceRoles } from '../../probes/check-instance-roles.ts';
import { watchInstances } from '../../probes/watch-instances.ts';
import { SteadyStateNotMetError } from './steady-state-not-met.ts';
import type { FaultFamily } from './fault-family.ts';

const RECOVERY_TIMEOUT_MS = 90_000;

/**
 * Multi-instance queue managers: one instance active, the other standby on a shared
 * file system. Steady and recovered both mean exactly that; the window watches each
 * instance host's `dspmq -x` and ends once another host's instance runs.
 */
export const multiInstance: FaultFamily = {
  name: 'multi-instance',

  async checkSteadyState(ctx) {
    const roles = await checkInstanceRoles(ctx.ssh, { queueManager: ctx.queueManager, hosts: ctx.hosts, scenarioDir: ctx.scenarioDir });
    if (roles.active.length !== 1 || roles.standby.length !== 1) {
      throw new SteadyStateNotMetError(
        `steady state not met for ${ctx.queueManager}: expected one active and one standby instance, ` +
          `found active [${roles.active.join(', ')}], standby [${roles.standby.join(', ')}], unreachable [${roles.unreachable.join(', ')}]`,
      );
    }
    return { servingHost: roles.active[0]!, summary: `${ctx.queueManager}: active on ${roles.active[0]}, standby on ${roles.standby[0]}` };
  },

  async watch(ctx, request) {
    const summary = await watchInstances(ctx.ssh, {
      queueManager: ctx.queueManager,
      hosts: ctx.hosts,
      scenarioDir: ctx.scenarioDir,
      probeIntervalMs: request.probeIntervalMs,
      windowMs: request.windowMs,
      settleMs: request.settleMs,
      untilActiveOtherThan: request.expectsChange ? request.steady.servingHost : null,
    });
    return summary.newActiveHost === null
      ? `${summary.samples} samples, no new active instance (${summary.endedBy})`
      : `${summary.samples} samples, new active instance on ${summary.newActiveHost}`;
  },

  async awaitRecovered(ctx) {
    const roles = await awaitSteadyRoles(ctx.ssh, {
      queueManager: ctx.queueManager,
      hosts: ctx.hosts,
      scenarioDir: ctx.scenarioDir,
      timeoutMs: RECOVERY_TIMEOUT_MS,
      intervalMs: 250,
    });
    return `verified ${ctx.queueManager}: active on ${roles.active.join(', ')}, standby on ${roles.standby.join(', ')}`;
  },
};

import type { HostSpec } from '../../suites/suite-model.ts';
import { awaitSteadyRoles } from '../probes/await-steady-roles.ts';
import { sampleInstanceState } from '../probes/sample-instance-state.ts';
import type { FaultContext } from './fault-module.ts';

const COMMAND_TIMEOUT_MS = 15_000;
const RESTORE_TIMEOUT_MS = 90_000;
const RUNNING_HERE = new Set(['running', 'running as standby', 'starting']);

/**
 * The common end of every restore: `strmqm -x` on each given host whose instance is not
 * running (in the order given, so the first becomes active when none is), then wait until
 * the queue manager has one active and one standby again. Returns the actions in words.
 */
export async function restartStoppedInstances(ctx: FaultContext, hosts: readonly HostSpec[]): Promise<string[]> {
  const actions: string[] = [];
  for (const host of hosts) {
    const sample = await sampleInstanceState(ctx.ssh, host, ctx.queueManager, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (sample.ok && RUNNING_HERE.has(sample.status?.toLowerCase() ?? '')) continue;
    // 0 started active, 30 started as standby, 5 already running here.
    await ctx.ssh.runChecked(host, ['strmqm', '-x', ctx.queueManager], { timeoutMs: RESTORE_TIMEOUT_MS, acceptedExitCodes: [0, 5, 30] });
    actions.push(`strmqm -x ${ctx.queueManager} on ${host.name}`);
  }
  const roles = await awaitSteadyRoles(ctx.ssh, {
    queueManager: ctx.queueManager,
    hosts: ctx.hosts,
    scenarioDir: ctx.scenarioDir,
    timeoutMs: RESTORE_TIMEOUT_MS,
    intervalMs: 250,
  });
  actions.push(`verified ${ctx.queueManager}: active on ${roles.active.join(', ')}, standby on ${roles.standby.join(', ')}`);
  return actions;
}

export function hostNamed(ctx: FaultContext, name: string): HostSpec {
  const host = ctx.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`host ${name} is not an instance host of ${ctx.queueManager}`);
  return host;
}

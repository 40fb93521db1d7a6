import type { HostSpec } from '../../suites/suite-model.ts';
import { sampleInstanceState } from '../probes/sample-instance-state.ts';
import type { FaultContext } from './fault-module.ts';

const COMMAND_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 90_000;
const RUNNING_HERE = new Set(['running', 'running as standby', 'starting']);

/**
 * The common end of the multi-instance restores: `strmqm -x` on each given host whose
 * instance is not running (in the order given, so the first becomes active when none is).
 * Returns the actions in words; nothing when every instance already runs (a restore run twice).
 */
export async function startStoppedInstances(ctx: FaultContext, hosts: readonly HostSpec[]): Promise<string[]> {
  const actions: string[] = [];
  for (const host of hosts) {
    const sample = await sampleInstanceState(ctx.ssh, host, ctx.queueManager, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (sample.ok && RUNNING_HERE.has(sample.status?.toLowerCase() ?? '')) continue;
    // 0 started active, 30 started as standby, 5 already running here.
    await ctx.ssh.runChecked(host, ['strmqm', '-x', ctx.queueManager], { timeoutMs: START_TIMEOUT_MS, acceptedExitCodes: [0, 5, 30] });
    actions.push(`strmqm -x ${ctx.queueManager} on ${host.name}`);
  }
  return actions;
}

export function hostNamed(ctx: FaultContext, name: string): HostSpec {
  const host = ctx.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`host ${name} is not an instance host of ${ctx.queueManager}`);
  return host;
}

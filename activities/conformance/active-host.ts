import type { HostSpec } from '../../suites/suite-model.ts';
import { rolesFromSamples, sampleInstanceState } from '../probes/sample-instance-state.ts';
import { CHECK_COMMAND_TIMEOUT_MS, instanceHosts, type CheckContext } from './check-context.ts';

/** The host of the queue manager's active instance (each host's own dspmq status line); an error when there is not exactly one. */
export async function findActiveHost(context: CheckContext): Promise<HostSpec> {
  const hosts = instanceHosts(context);
  const samples = await Promise.all(hosts.map((host) => sampleInstanceState(context.ssh, host, context.queueManager, { timeoutMs: CHECK_COMMAND_TIMEOUT_MS })));
  const roles = rolesFromSamples(samples);
  if (roles.active.length !== 1) {
    throw new Error(`${context.queueManager} has ${roles.active.length} active instances (active [${roles.active.join(', ')}], unreachable [${roles.unreachable.join(', ')}])`);
  }
  return hosts.find((host) => host.name === roles.active[0])!;
}

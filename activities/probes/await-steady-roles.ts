import type { HostSpec } from '../../suites/suite-model.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { samplesFile } from '../../records/run-layout.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { rolesFromSamples, sampleInstanceState } from './sample-instance-state.ts';
import type { InstanceRoles } from './check-instance-roles.ts';

export class SteadyStateTimeoutError extends Error {
  readonly code = 'STEADY_STATE_TIMEOUT';
  constructor(
    readonly queueManager: string,
    readonly roles: InstanceRoles,
    timeoutMs: number,
  ) {
    super(
      `${queueManager} did not return to one active and one standby instance within ${timeoutMs / 1000} s ` +
        `(last seen: active [${roles.active.join(', ')}], standby [${roles.standby.join(', ')}], unreachable [${roles.unreachable.join(', ')}])`,
    );
  }
}

/** Polls every instance host until exactly one reports Running and one Running as standby; samples are recorded. */
export async function awaitSteadyRoles(
  ssh: SshPool,
  options: { queueManager: string; hosts: HostSpec[]; scenarioDir: string; timeoutMs: number; intervalMs: number },
): Promise<InstanceRoles> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const samples = await Promise.all(
      options.hosts.map((host) => sampleInstanceState(ssh, host, options.queueManager, { timeoutMs: 10_000 })),
    );
    await appendJsonLines(samplesFile(options.scenarioDir), samples);
    const roles = rolesFromSamples(samples);
    if (roles.active.length === 1 && roles.standby.length === options.hosts.length - 1) return roles;
    if (Date.now() >= deadline) throw new SteadyStateTimeoutError(options.queueManager, roles, options.timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}

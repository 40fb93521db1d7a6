import type { HostSpec } from '../../suites/suite-model.ts';
import { recordEvent } from '../../records/event-log.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { samplesFile } from '../../records/run-layout.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { rolesFromSamples, sampleInstanceState } from './sample-instance-state.ts';

export interface InstanceRolesRequest {
  queueManager: string;
  hosts: HostSpec[];
  scenarioDir: string;
}

export interface InstanceRoles {
  active: string[];
  standby: string[];
  unreachable: string[];
}

const COMMAND_TIMEOUT_MS = 10_000;

/** The steady-state check: asks every instance host once, records the samples, reports the roles. */
export async function checkInstanceRoles(ssh: SshPool, request: InstanceRolesRequest): Promise<InstanceRoles> {
  const samples = await Promise.all(
    request.hosts.map((host) => sampleInstanceState(ssh, host, request.queueManager, { timeoutMs: COMMAND_TIMEOUT_MS })),
  );
  await appendJsonLines(samplesFile(request.scenarioDir), samples);
  const roles = rolesFromSamples(samples);
  await recordEvent(request.scenarioDir, {
    kind: 'observation',
    summary:
      `${request.queueManager} roles: active [${roles.active.join(', ')}], standby [${roles.standby.join(', ')}]` +
      (roles.unreachable.length ? `, unreachable [${roles.unreachable.join(', ')}]` : ''),
    detail: { ...roles },
  });
  return roles;
}

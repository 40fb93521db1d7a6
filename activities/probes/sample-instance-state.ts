import type { InstanceSample } from '../../checkers/instance-samples.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { parseDspmq } from '../mq/parse-dspmq.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

/** One `dspmq -x -m QM` on one host, as a sample; a host that cannot answer gives `ok: false`, never an exception. */
export async function sampleInstanceState(
  ssh: SshPool,
  host: HostSpec,
  queueManager: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<InstanceSample> {
  assertQueueManagerName(queueManager);
  const sentAt = Date.now();
  try {
    const result = await ssh.run(host, ['dspmq', '-x', '-m', queueManager], options);
    const t = result.startedAt;
    const entry = result.exitCode === 0 ? parseDspmq(result.stdout).find((e) => e.name === queueManager) : undefined;
    if (!entry) {
      const said = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
      return { t, host: host.name, queueManager, ok: false, error: `dspmq exit ${result.exitCode}: ${said}` };
    }
    return {
      t,
      host: host.name,
      queueManager,
      ok: true,
      status: entry.statusText,
      instances: entry.instances.map((i) => ({ host: i.host, mode: i.mode })),
    };
  } catch (err) {
    options.signal?.throwIfAborted();
    return { t: sentAt, host: host.name, queueManager, ok: false, error: (err as Error).message };
  }
}

/** Which host runs what, judged from each host's own status line (robust to INSTANCE() names being FQDNs). */
export function rolesFromSamples(samples: readonly InstanceSample[]): { active: string[]; standby: string[]; unreachable: string[] } {
  const active: string[] = [];
  const standby: string[] = [];
  const unreachable: string[] = [];
  for (const sample of samples) {
    const status = sample.status?.toLowerCase();
    if (!sample.ok) unreachable.push(sample.host);
    else if (status === 'running') active.push(sample.host);
    else if (status === 'running as standby') standby.push(sample.host);
  }
  return { active, standby, unreachable };
}

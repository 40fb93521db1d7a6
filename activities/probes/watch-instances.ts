import { activityInfo, cancellationSignal, heartbeat, sleep } from '@temporalio/activity';
import type { InstanceSample } from '../../checkers/instance-samples.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { samplesFile } from '../../records/run-layout.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { sampleInstanceState } from './sample-instance-state.ts';

export interface WatchInstancesRequest {
  queueManager: string;
  hosts: HostSpec[];
  scenarioDir: string;
  probeIntervalMs: number;
  /** Longest the watch runs, from its first start (a retry on another worker does not extend it). */
  windowMs: number;
  /** Keep watching this long after the failover is seen. */
  settleMs: number;
  /** The watch ends (after settleMs) once a host other than this one reports its instance Running. */
  untilActiveOtherThan: string | null;
}

export interface WatchSummary {
  samples: number;
  newActiveHost: string | null;
  endedBy: 'failover-seen' | 'window';
}

interface WatchProgress {
  startedAt: number;
  samples: number;
  newActiveHost: string | null;
  seenAt: number | null;
}

/**
 * The instance probe: every host is polled with `dspmq -x` on its own fixed schedule over
 * its reused SSH connection, so a host that hangs never delays the other's samples.
 * Samples go to the artifact folder; the heartbeat carries only a small cursor.
 */
export async function watchInstances(ssh: SshPool, request: WatchInstancesRequest): Promise<WatchSummary> {
  const resumed = activityInfo().heartbeatDetails as WatchProgress | undefined;
  const progress: WatchProgress = resumed ?? { startedAt: Date.now(), samples: 0, newActiveHost: null, seenAt: null };
  const deadline = progress.startedAt + request.windowMs;
  const signal = cancellationSignal();
  const done = () =>
    Date.now() >= deadline || (progress.seenAt !== null && Date.now() >= progress.seenAt + request.settleMs);
  const timeoutMs = Math.max(2_000, request.probeIntervalMs * 8);

  const record = async (sample: InstanceSample) => {
    await appendJsonLines(samplesFile(request.scenarioDir), [sample]);
    progress.samples += 1;
    const isNewActive =
      sample.ok && sample.status?.toLowerCase() === 'running' && sample.host !== request.untilActiveOtherThan;
    // The sample itself is the record; the report derives its observations from the samples.
    if (request.untilActiveOtherThan !== null && isNewActive && progress.seenAt === null) {
      progress.seenAt = sample.t;
      progress.newActiveHost = sample.host;
    }
  };

  const pollHost = async (host: HostSpec) => {
    while (!done()) {
      const sample = await sampleInstanceState(ssh, host, request.queueManager, { timeoutMs, signal });
      await record(sample);
      heartbeat(progress);
      const nextAt = progress.startedAt + (Math.floor((Date.now() - progress.startedAt) / request.probeIntervalMs) + 1) * request.probeIntervalMs;
      await sleep(Math.max(0, nextAt - Date.now()));
    }
  };

  await Promise.all(request.hosts.map(pollHost));
  return {
    samples: progress.samples,
    newActiveHost: progress.newActiveHost,
    endedBy: progress.seenAt !== null ? 'failover-seen' : 'window',
  };
}

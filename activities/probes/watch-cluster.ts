import { activityInfo, cancellationSignal, heartbeat, sleep } from '@temporalio/activity';
import type { ClusterMemberSample } from '../../checkers/cluster-samples.ts';
import { appendClusterSamples } from '../../records/cluster-sample-files.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { sweepClusterMembers } from './sample-cluster-member.ts';

export interface WatchClusterRequest {
  /** The sending members to sample (their transmit queue and channels). */
  members: { queueManager: string; host: HostSpec }[];
  scenarioDir: string;
  probeIntervalMs: number;
  /** Longest the watch runs, from its first start (a retry on another worker does not extend it). */
  windowMs: number;
  /** Ends early (after settleMs) once every member shows this channel in one of these statuses. */
  until?: { channel: string; statuses: string[] };
  settleMs: number;
}

export interface ClusterWatchSummary {
  sweeps: number;
  endedBy: 'condition-seen' | 'window';
  /** The highest transmit-queue depth any member showed. */
  peakTransmitDepth: number;
}

interface WatchProgress {
  startedAt: number;
  sweeps: number;
  seenAt: number | null;
  peak: number;
}

/**
 * The cluster probe: every member sampled (runmqsc over its reused SSH connection) once per
 * probe interval, side by side, on a fixed schedule from the start; samples go to the
 * scenario folder, the heartbeat carries a small cursor so a retry resumes the schedule.
 */
export async function watchCluster(ssh: SshPool, request: WatchClusterRequest): Promise<ClusterWatchSummary> {
  const resumed = activityInfo().heartbeatDetails as WatchProgress | undefined;
  const progress: WatchProgress = resumed ?? { startedAt: Date.now(), sweeps: 0, seenAt: null, peak: 0 };
  const deadline = progress.startedAt + request.windowMs;
  const signal = cancellationSignal();
  const timeoutMs = Math.max(2_000, request.probeIntervalMs * 8);
  const done = (): boolean => Date.now() >= deadline || (progress.seenAt !== null && Date.now() >= progress.seenAt + request.settleMs);
  while (!done()) {
    const samples = await sweepClusterMembers(ssh, request.members, { timeoutMs, signal });
    await appendClusterSamples(request.scenarioDir, samples);
    progress.sweeps += 1;
    for (const sample of samples) if (sample.ok) progress.peak = Math.max(progress.peak, sample.transmitDepth);
    if (request.until && progress.seenAt === null && samples.every((s) => conditionHolds(s, request.until!))) progress.seenAt = Date.now();
    heartbeat(progress);
    const nextAt = progress.startedAt + (Math.floor((Date.now() - progress.startedAt) / request.probeIntervalMs) + 1) * request.probeIntervalMs;
    await sleep(Math.max(0, nextAt - Date.now()));
  }
  return { sweeps: progress.sweeps, endedBy: progress.seenAt !== null ? 'condition-seen' : 'window', peakTransmitDepth: progress.peak };
}

function conditionHolds(sample: ClusterMemberSample, until: { channel: string; statuses: string[] }): boolean {
  if (!sample.ok) return false;
  const status = sample.channels.find((c) => c.channel === until.channel && c.type !== 'CLUSRCVR')?.status ?? 'INACTIVE';
  return until.statuses.includes(status);
}

import type { ClusterMemberSample } from './cluster-samples.ts';

/**
 * Transmit-queue buildup per sending member, from the cluster observation's samples: the
 * depth of its SYSTEM.CLUSTER.TRANSMIT.QUEUE before the fault (baseline), the highest depth
 * after it (peak), the depth at the first sample after recovery, how long after recovery it
 * took to come back to the baseline (drain), and what was still above the baseline at the
 * last sample (stuck). The same per destination channel from XQMSGSA. A figure that the
 * samples cannot give (no sample before the fault, none after recovery) is null, never 0.
 */
export interface BuildupFigures {
  baseline: number | null;
  peakDepth: number | null;
  depthAtRecovery: number | null;
  /** Seconds from recovery to the first sample at or below the baseline; null when it never came back (or no recovery). */
  drainSeconds: number | null;
  /** Above the baseline at the last sample. */
  stuckMessages: number | null;
}

export interface SenderBuildup extends BuildupFigures {
  /** Per destination channel (its XQMSGSA). */
  channels: Record<string, BuildupFigures>;
}

export interface BuildupWindow {
  faultAtMs: number;
  /** When the member was running again (restore verified); null when it never was. */
  recoveredAtMs: number | null;
}

type Point = { t: number; value: number };

export function measureTransmitBuildup(samples: readonly ClusterMemberSample[], window: BuildupWindow): Record<string, SenderBuildup> {
  const bySender = new Map<string, ClusterMemberSample[]>();
  for (const sample of samples) {
    const list = bySender.get(sample.queueManager) ?? [];
    list.push(sample);
    bySender.set(sample.queueManager, list);
  }
  const result: Record<string, SenderBuildup> = {};
  for (const [sender, list] of [...bySender].sort(([a], [b]) => a.localeCompare(b))) {
    const answered = list.filter((s): s is Extract<ClusterMemberSample, { ok: true }> => s.ok).sort((a, b) => a.t - b.t);
    const depth = answered.map((s) => ({ t: s.t, value: s.transmitDepth }));
    const channelNames = new Set(answered.flatMap((s) => s.channels.filter((c) => c.messagesAvailable !== null && c.type !== 'CLUSRCVR').map((c) => c.channel)));
    const channels: Record<string, BuildupFigures> = {};
    for (const channel of [...channelNames].sort()) {
      // A channel without a status record has nothing waiting: a message for it would have triggered it (and given it a status).
      const points: Point[] = [];
      for (const s of answered) {
        const record = s.channels.find((c) => c.channel === channel && c.type !== 'CLUSRCVR');
        if (record?.messagesAvailable !== null && record?.messagesAvailable !== undefined) points.push({ t: s.t, value: record.messagesAvailable });
        else if (!record) points.push({ t: s.t, value: 0 });
      }
      channels[channel] = figuresOf(points, window);
    }
    result[sender] = { ...figuresOf(depth, window), channels };
  }
  return result;
}

function figuresOf(points: readonly Point[], { faultAtMs, recoveredAtMs }: BuildupWindow): BuildupFigures {
  const before = points.filter((p) => p.t < faultAtMs);
  const after = points.filter((p) => p.t >= faultAtMs);
  const baseline = before.at(-1)?.value ?? null;
  const peakDepth = after.length > 0 ? Math.max(...after.map((p) => p.value)) : null;
  const fromRecovery = recoveredAtMs === null ? [] : points.filter((p) => p.t >= recoveredAtMs);
  const depthAtRecovery = fromRecovery[0]?.value ?? null;
  const drained = baseline === null ? undefined : fromRecovery.find((p) => p.value <= baseline);
  const drainSeconds = drained && recoveredAtMs !== null ? round3((drained.t - recoveredAtMs) / 1000) : null;
  const last = after.at(-1);
  const stuckMessages = baseline === null || !last ? null : Math.max(0, last.value - baseline);
  return { baseline, peakDepth, depthAtRecovery, drainSeconds, stuckMessages };
}

function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

import type { ClusterMemberSample } from './cluster-samples.ts';

/**
 * Channel status over an observation, per sending member and channel (CLUSSDR records):
 * the changes as seen by the probes (a channel without a record is INACTIVE), how long it
 * was RETRYING (each sample's status holds until the next sample of that member), and
 * whether it ended STOPPED. Samples of a member that did not answer leave a gap.
 */
export interface ChannelTimeline {
  statusTimeline: { at: string; status: string }[];
  timeInRetryingSeconds: number;
  endedStopped: boolean;
  /** Whether it was seen RETRYING with no short retries left (on its long retries, LONGRTY x LONGTMR). */
  reachedLongRetry: boolean;
  /** Messages the channel moved (the growth of MSGS across the observation, restarts counted); null when MSGS was never shown. */
  messagesMoved: number | null;
}

export function measureChannelTimelines(samples: readonly ClusterMemberSample[]): Record<string, Record<string, ChannelTimeline>> {
  const result: Record<string, Record<string, ChannelTimeline>> = {};
  const senders = [...new Set(samples.map((s) => s.queueManager))].sort();
  for (const sender of senders) {
    const answered = samples.filter((s): s is Extract<ClusterMemberSample, { ok: true }> => s.ok && s.queueManager === sender).sort((a, b) => a.t - b.t);
    const names = [...new Set(answered.flatMap((s) => s.channels.filter((c) => c.type !== 'CLUSRCVR').map((c) => c.channel)))].sort();
    if (names.length === 0) continue;
    result[sender] = {};
    for (const channel of names) {
      const timeline: ChannelTimeline['statusTimeline'] = [];
      let retryingMs = 0;
      let moved: number | null = null;
      let lastMsgs: number | null = null;
      let longRetry = false;
      answered.forEach((sample, index) => {
        const record = sample.channels.find((c) => c.channel === channel && c.type !== 'CLUSRCVR');
        const status = record?.status ?? 'INACTIVE';
        if (timeline.at(-1)?.status !== status) timeline.push({ at: new Date(sample.t).toISOString(), status });
        const next = answered[index + 1];
        if (status === 'RETRYING' && next) retryingMs += next.t - sample.t;
        if (status === 'RETRYING' && record?.shortRetriesLeft === 0) longRetry = true;
        if (record?.messages !== null && record?.messages !== undefined) {
          // MSGS starts again from 0 when the channel restarts.
          const grew = lastMsgs === null ? 0 : record.messages >= lastMsgs ? record.messages - lastMsgs : record.messages;
          moved = (moved ?? 0) + grew;
          lastMsgs = record.messages;
        } else if (!record) lastMsgs = 0;
      });
      result[sender][channel] = { statusTimeline: timeline, timeInRetryingSeconds: Math.round(retryingMs) / 1000, endedStopped: timeline.at(-1)?.status === 'STOPPED', reachedLongRetry: longRetry, messagesMoved: moved };
    }
  }
  return result;
}

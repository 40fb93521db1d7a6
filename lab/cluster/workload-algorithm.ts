/**
 * The cluster workload management algorithm (mq-reference.md §3.2) as a pure function.
 * The documented steps run first, in IBM's order; the steps after them are not in any
 * IBM text the project could retrieve, so their order is configurable (topology
 * `workload.tail`) and written down in lab/README.md.
 *
 * Documented, in order (steps 1-2 hold trivially: the lab has one cluster):
 *   3. destinations whose channel CLWLRANK is below the highest are eliminated;
 *   4. instances whose queue CLWLRANK is below the highest are eliminated;
 *   5. put-disabled instances are eliminated if any is put-enabled (all disabled:
 *      MQRC_CLUSTER_PUT_INHIBITED);
 *   6. the local instance is chosen when CLWLUSEQ is LOCAL (QMGR: the queue manager's
 *      CLWLUSEQ) and the put came from an application.
 * Tail [U], default order:
 *   suspended — queue managers suspended from the cluster, unless all are;
 *   channel-status — best channel state class first: INACTIVE/RUNNING (and the local
 *     instance), then BINDING/STARTING/STOPPING, then RETRYING, then STOPPED;
 *   netprty — highest NETPRTY;
 *   queue-clwlprty, channel-clwlprty — highest CLWLPRTY of the instance, then of its channel;
 *   mruc — only the CLWLMRUC most recently used destinations;
 *   weighted-lru — with equal CLWLWGHT the least recently chosen (round robin); with
 *     different weights the one chosen least often relative to its weight ("CLWLWGHT other
 *     than 50 makes balancing depend on the total times each channel was chosen"), the
 *     least recently chosen on a tie.
 */

export type ChannelStatus = 'STARTING' | 'BINDING' | 'RUNNING' | 'STOPPING' | 'RETRYING' | 'STOPPED';

export const WORKLOAD_TAIL_STEPS = ['suspended', 'channel-status', 'netprty', 'queue-clwlprty', 'channel-clwlprty', 'mruc', 'weighted-lru'] as const;
export type WorkloadTailStep = (typeof WORKLOAD_TAIL_STEPS)[number];
export const DEFAULT_WORKLOAD_TAIL: readonly WorkloadTailStep[] = WORKLOAD_TAIL_STEPS;

export interface WorkloadCandidate {
  /** The queue manager hosting the instance. */
  qm: string;
  /** The instance is on the queue manager doing the put. */
  local: boolean;
  /** Status of the CLUSSDR to it; null = no status (INACTIVE). Ignored for the local instance. */
  channelStatus: ChannelStatus | null;
  /** CLWLRANK of the CLUSRCVR of the hosting queue manager (the local one's own for the local instance). */
  channelRank: number;
  queueRank: number;
  putEnabled: boolean;
  suspended: boolean;
  netprty: number;
  queuePriority: number;
  channelPriority: number;
  weight: number;
  /** How often this sender has chosen it, and when last (a sequence number; 0 = never). */
  chosenCount: number;
  lastChosen: number;
}

export interface WorkloadRequest {
  candidates: WorkloadCandidate[];
  /** Effective CLWLUSEQ for this queue: LOCAL prefers a local instance, ANY treats it as one more. */
  useLocal: 'LOCAL' | 'ANY';
  /** The put came from an application (not a cluster channel, not a re-allocation). */
  fromApplication: boolean;
  mruc: number;
  tail: readonly WorkloadTailStep[];
}

export type WorkloadChoice =
  | { ok: true; chosen: WorkloadCandidate; decidedBy: string }
  | { ok: false; reason: 'no-instance' | 'put-inhibited' };

const STATUS_CLASS: Record<ChannelStatus, number> = { RUNNING: 0, STARTING: 1, BINDING: 1, STOPPING: 1, RETRYING: 2, STOPPED: 3 };

export function chooseDestination(request: WorkloadRequest): WorkloadChoice {
  let remaining = request.candidates;
  if (remaining.length === 0) return { ok: false, reason: 'no-instance' };
  remaining = keepHighest(remaining, (c) => c.channelRank);
  remaining = keepHighest(remaining, (c) => c.queueRank);
  const enabled = remaining.filter((c) => c.putEnabled);
  if (enabled.length === 0) return { ok: false, reason: 'put-inhibited' };
  remaining = enabled;
  if (remaining.length === 1) return { ok: true, chosen: remaining[0]!, decidedBy: 'only-instance' };
  const local = remaining.find((c) => c.local);
  if (local && request.useLocal === 'LOCAL' && request.fromApplication) return { ok: true, chosen: local, decidedBy: 'clwluseq-local' };

  for (const step of request.tail) {
    if (step === 'weighted-lru') return { ok: true, chosen: leastRecentlyUsedWeighted(remaining), decidedBy: step };
    remaining = applyTailStep(step, remaining, request.mruc);
    if (remaining.length === 1) return { ok: true, chosen: remaining[0]!, decidedBy: step };
  }
  return { ok: true, chosen: leastRecentlyUsedWeighted(remaining), decidedBy: 'weighted-lru' };
}

function applyTailStep(step: Exclude<WorkloadTailStep, 'weighted-lru'>, candidates: WorkloadCandidate[], mruc: number): WorkloadCandidate[] {
  switch (step) {
    case 'suspended': {
      const active = candidates.filter((c) => !c.suspended);
      return active.length > 0 ? active : candidates;
    }
    case 'channel-status':
      return keepHighest(candidates, (c) => -statusClass(c));
    case 'netprty':
      return keepHighest(candidates, (c) => c.netprty);
    case 'queue-clwlprty':
      return keepHighest(candidates, (c) => c.queuePriority);
    case 'channel-clwlprty':
      return keepHighest(candidates, (c) => c.channelPriority);
    case 'mruc': {
      if (candidates.length <= mruc) return candidates;
      return [...candidates].sort((a, b) => b.lastChosen - a.lastChosen).slice(0, mruc);
    }
  }
}

/** Class 0 is best; the local instance and a channel with no status (INACTIVE) are class 0. */
export function statusClass(candidate: Pick<WorkloadCandidate, 'local' | 'channelStatus'>): number {
  if (candidate.local || candidate.channelStatus === null) return 0;
  return STATUS_CLASS[candidate.channelStatus];
}

function keepHighest(candidates: WorkloadCandidate[], score: (c: WorkloadCandidate) => number): WorkloadCandidate[] {
  const best = Math.max(...candidates.map(score));
  return candidates.filter((c) => score(c) === best);
}

function leastRecentlyUsedWeighted(candidates: WorkloadCandidate[]): WorkloadCandidate {
  const weighted = candidates.some((c) => c.weight !== candidates[0]!.weight);
  return candidates.reduce((best, c) => {
    const load = weighted ? c.chosenCount / c.weight : 0;
    const bestLoad = weighted ? best.chosenCount / best.weight : 0;
    if (load !== bestLoad) return load < bestLoad ? c : best;
    if (c.lastChosen !== best.lastChosen) return c.lastChosen < best.lastChosen ? c : best;
    return c.qm < best.qm ? c : best;
  });
}

import type { ClusterMemberSample } from '../../../checkers/cluster-samples.ts';
import { appendClusterSamples } from '../../../records/cluster-sample-files.ts';
import type { HostSpec } from '../../../suites/suite-model.ts';
import { readClusterQueueManagers } from '../../mq/parse-clusqmgr.ts';
import { runMqsc } from '../../mq/run-mqsc.ts';
import { sampleClusterMember, sweepClusterMembers } from '../../probes/sample-cluster-member.ts';
import { watchCluster } from '../../probes/watch-cluster.ts';
import type { FaultContext } from '../fault-module.ts';
import type { FaultFamily } from './fault-family.ts';
import { SteadyStateNotMetError } from './steady-state-not-met.ts';

const RECOVERY_TIMEOUT_MS = 120_000;
const PROBE_MS = 250;
const SAMPLE_TIMEOUT_MS = 10_000;
const STEADY_STATUSES = ['RUNNING', 'INACTIVE'];

/** The member a cluster fault stops, the members whose sending side is watched, and the member's CLUSRCVR as they name it. */
export interface ClusterScope {
  member: string;
  memberHost: HostSpec;
  senders: { queueManager: string; host: HostSpec }[];
  channel: string;
}

/** Senders: the fault's `senders`, else every other queue manager of the estate; the channel from DISPLAY CLUSQMGR(member) on the first sender. */
export async function clusterScopeOf(ctx: FaultContext): Promise<ClusterScope> {
  const member = ctx.queueManager;
  const memberHost = ctx.hosts[0]!;
  const named = (ctx.fault as { senders?: string[] }).senders;
  const names = named ?? Object.keys(ctx.estate.queueManagers).filter((qm) => qm !== member);
  const senders = names.map((qm) => ({ queueManager: qm, host: ctx.estate.hosts[ctx.estate.queueManagers[qm]!.instances[0]!]! }));
  const first = senders[0];
  if (!first) throw new SteadyStateNotMetError(`no sending queue manager to watch for cluster member ${member}`);
  const { output } = await runMqsc(ctx.ssh, first.host, first.queueManager, [`DISPLAY CLUSQMGR(${member})`], { timeoutMs: 30_000 });
  const record = readClusterQueueManagers(output.responses[0]!).find((r) => r.queueManager === member);
  if (!record) throw new SteadyStateNotMetError(`${first.queueManager} does not know ${member} as a cluster queue manager`);
  return { member, memberHost, senders, channel: record.channel };
}

/** What a sender shows of the channel to the member: its status (INACTIVE without a record) and its XQMSGSA / MSGS. */
export function channelTo(sample: ClusterMemberSample, channel: string): { status: string; waiting: number; messages: number | null } {
  if (!sample.ok) return { status: 'UNKNOWN', waiting: 0, messages: null };
  const record = sample.channels.find((c) => c.channel === channel && c.type !== 'CLUSRCVR');
  return { status: record?.status ?? 'INACTIVE', waiting: record?.messagesAvailable ?? 0, messages: record?.messages ?? null };
}

/**
 * Cluster members: the scenario's queue manager is one member of a cluster, the others send
 * to it. Steady: the member runs, every sender answers, every sender's channel to it is
 * RUNNING or has no status, nothing waits for it on any transmission queue. The window
 * samples every sender's transmit queue and channels. Recovered: the member runs again, every
 * sender that had messages for it sees its channel RUNNING, and sampling goes on until their
 * transmission queues are back at the baseline (the drain the result measures).
 */
export const cluster: FaultFamily = {
  name: 'cluster',

  async checkSteadyState(ctx) {
    const scope = await clusterScopeOf(ctx);
    const member = await sampleClusterMember(ctx.ssh, scope.memberHost, scope.member, { timeoutMs: SAMPLE_TIMEOUT_MS });
    const senders = await sweepClusterMembers(ctx.ssh, scope.senders, { timeoutMs: SAMPLE_TIMEOUT_MS });
    const problems: string[] = [];
    if (!member.ok) problems.push(`${scope.member} is not running (${member.error})`);
    for (const sample of senders) {
      if (!sample.ok) {
        problems.push(`${sample.queueManager} does not answer (${sample.error})`);
        continue;
      }
      const seen = channelTo(sample, scope.channel);
      if (!STEADY_STATUSES.includes(seen.status)) problems.push(`${sample.queueManager}'s channel ${scope.channel} is ${seen.status}`);
      if (seen.waiting > 0) problems.push(`${sample.queueManager} has ${seen.waiting} messages waiting for ${scope.channel}`);
      for (const other of sample.channels) {
        if (other.type !== 'CLUSRCVR' && !STEADY_STATUSES.includes(other.status)) problems.push(`${sample.queueManager}'s channel ${other.channel} is ${other.status}`);
      }
    }
    if (problems.length > 0) throw new SteadyStateNotMetError(`steady state not met for cluster member ${scope.member}: ${problems.join('; ')}`);
    return { servingHost: scope.memberHost.name, summary: `${scope.member} running; ${scope.senders.length} senders with ${scope.channel} RUNNING or INACTIVE and nothing waiting for it` };
  },

  async watch(ctx, request) {
    const scope = await clusterScopeOf(ctx);
    const summary = await watchCluster(ctx.ssh, {
      members: scope.senders,
      scenarioDir: ctx.scenarioDir,
      probeIntervalMs: request.probeIntervalMs,
      windowMs: request.windowMs,
      settleMs: request.settleMs,
    });
    return `${summary.sweeps} sweeps of ${scope.senders.length} senders, highest transmit-queue depth ${summary.peakTransmitDepth}`;
  },

  async awaitRecovered(ctx) {
    const scope = await clusterScopeOf(ctx);
    const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
    let running = false;
    for (;;) {
      const samples = await sweepClusterMembers(ctx.ssh, scope.senders, { timeoutMs: SAMPLE_TIMEOUT_MS });
      await appendClusterSamples(ctx.scenarioDir, samples);
      const waiting = samples.map((s) => ({ qm: s.queueManager, ...channelTo(s, scope.channel) }));
      running ||= waiting.every((w) => w.waiting === 0 || w.status === 'RUNNING');
      const drained = waiting.every((w) => w.waiting === 0);
      if (running && drained) return `verified ${scope.member}: ${scope.channel} running from its senders, nothing waiting for it`;
      if (Date.now() >= deadline) {
        const left = waiting.filter((w) => w.waiting > 0).map((w) => `${w.qm} ${w.waiting} (${w.status})`);
        throw new Error(`${scope.member} did not recover within ${RECOVERY_TIMEOUT_MS / 1000} s: messages still waiting for ${scope.channel}: ${left.join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  },
};

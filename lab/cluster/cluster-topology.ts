import { isRecord, readInteger, type Fail } from '../topology-fields.ts';
import { DEFAULT_WORKLOAD_TAIL, WORKLOAD_TAIL_STEPS, type WorkloadTailStep } from './workload-algorithm.ts';

/**
 * The `clusters:` section of a lab topology: one MQ cluster over some of its queue
 * managers (each a single-instance queue manager on its own host), its two full
 * repositories, the cluster queues and where their instances are, the CLUSSDR/CLUSRCVR
 * channel attributes and the order of the workload algorithm's undocumented tail.
 * Times are in milliseconds (MQ's own units are seconds); defaults are MQ's
 * (mq-reference.md §3.1), so a topology compresses them explicitly.
 */
export interface ClusterConfig {
  name: string;
  /** The two full repositories (QMTYPE(REPOS)). */
  repositories: string[];
  /** Every member, repositories first, in topology order. */
  members: string[];
  channels: ClusterChannelTimings;
  queues: ClusterQueueConfig[];
  /** Per member: its CLUSRCVR's workload attributes and its QMGR's. */
  memberAttributes: Map<string, ClusterMemberAttributes>;
  /** The steps after the documented ones, in the order they run (lab/README.md). */
  workloadTail: WorkloadTailStep[];
}

export interface ClusterChannelTimings {
  /** SHORTRTY / SHORTTMR: retries at the short interval after a channel fails. */
  shortRetry: number;
  shortTimerMs: number;
  /** LONGRTY / LONGTMR: then retries at the long interval; when they run out the channel is STOPPED. */
  longRetry: number;
  longTimerMs: number;
  /** DISCINT: a RUNNING channel with nothing to send for this long ends (no status: INACTIVE). */
  discIntMs: number;
  /** HBINT: an idle RUNNING channel checks its partner this often (a partner that died unannounced is noticed here). */
  heartbeatMs: number;
  /** [U] lab: time in STARTING before the channel binds. */
  startMs: number;
  /** [U] lab: time in BINDING (network connect and negotiation) before RUNNING or a failed attempt. */
  bindMs: number;
  /** [U] lab: time in STOPPING after STOP CHANNEL. */
  stopMs: number;
  /** BATCHSZ: messages moved per batch; a batch is one event-loop turn. */
  batchSize: number;
}

export type DefBind = 'OPEN' | 'NOTFIXED' | 'GROUP';
export type QueueUseLocal = 'QMGR' | 'LOCAL' | 'ANY';

export interface ClusterQueueConfig {
  name: string;
  /** Members hosting an instance (a local queue with CLUSTER(name)). */
  instances: string[];
  defbind: DefBind;
  defaultPersistent: boolean;
  /** Initial CLWLPRTY / CLWLRANK of every instance (ALTER QLOCAL changes one instance). */
  clwlprty: number;
  clwlrank: number;
  clwluseq: QueueUseLocal;
  maxDepth: number;
}

export interface ClusterMemberAttributes {
  /** Of the member's CLUSRCVR, advertised to the cluster. */
  clwlprty: number;
  clwlrank: number;
  clwlwght: number;
  netprty: number;
  /** QMGR CLWLUSEQ (LOCAL or ANY) and CLWLMRUC. */
  clwluseq: 'LOCAL' | 'ANY';
  clwlmruc: number;
}


/** MQ's defaults for SYSTEM.DEF.CLUSSDR / CLUSRCVR (mq-reference.md §3.1). */
export const MQ_CHANNEL_DEFAULTS: ClusterChannelTimings = {
  shortRetry: 10,
  shortTimerMs: 60_000,
  longRetry: 999_999_999,
  longTimerMs: 1_200_000,
  discIntMs: 6_000_000,
  heartbeatMs: 300_000,
  startMs: 10,
  bindMs: 50,
  stopMs: 50,
  batchSize: 50,
};
const CHANNEL_KEYS: Record<keyof ClusterChannelTimings, { min: number; max: number }> = {
  shortRetry: { min: 0, max: 999_999_999 },
  shortTimerMs: { min: 1, max: 999_999_999_000 },
  longRetry: { min: 0, max: 999_999_999 },
  longTimerMs: { min: 1, max: 999_999_999_000 },
  discIntMs: { min: 0, max: 999_999_000 },
  heartbeatMs: { min: 1, max: 999_999_000 },
  startMs: { min: 0, max: 600_000 },
  bindMs: { min: 0, max: 600_000 },
  stopMs: { min: 0, max: 600_000 },
  batchSize: { min: 1, max: 9999 },
};
const DEFAULT_MEMBER: ClusterMemberAttributes = { clwlprty: 0, clwlrank: 0, clwlwght: 50, netprty: 0, clwluseq: 'LOCAL', clwlmruc: 999_999_999 };
const CLUSTER_NAME = /^[A-Za-z0-9._%]{1,48}$/;
const QUEUE_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
const MAX_CHANNEL_NAME = 20;

/** The CLUSRCVR channel of `qm` in `cluster` (its CLUSSDRs elsewhere carry the same name): `CLUSTER.QM`. */
export function clusterReceiverName(cluster: string, qm: string): string {
  return `${cluster}.${qm}`;
}

/** Reads `clusters:` (at most one cluster); problems go to `fail`. */
export function parseClusters(raw: unknown, queueManagers: { name: string; instances: string[] }[], fail: Fail): ClusterConfig[] {
  if (raw === undefined) return [];
  if (!isRecord(raw)) {
    fail('clusters', 'must be a mapping of cluster name to its definition');
    return [];
  }
  const entries = Object.entries(raw);
  if (entries.length > 1) fail('clusters', 'the lab models one cluster per topology');
  const qmNames = new Set(queueManagers.map((qm) => qm.name));
  const clusters: ClusterConfig[] = [];
  for (const [name, value] of entries.slice(0, 1)) {
    const field = `clusters.${name}`;
    if (!CLUSTER_NAME.test(name)) fail(field, 'cluster names are 1-48 of A-Z a-z 0-9 . _ %');
    const spec = isRecord(value) ? value : (fail(field, 'must be a mapping'), {});
    checkKeys(spec, field, ['repositories', 'members', 'channels', 'queues', 'queueManagers', 'workload'], fail);
    const members = readNameList(spec.members ?? [...qmNames], `${field}.members`, qmNames, fail);
    for (const member of members) {
      const qm = queueManagers.find((q) => q.name === member);
      if (qm && qm.instances.length !== 1) fail(`${field}.members`, `${member} has ${qm.instances.length} instances; cluster members are single-instance queue managers`);
      if (member.length + name.length + 1 > MAX_CHANNEL_NAME) fail(`${field}.members`, `channel ${clusterReceiverName(name, member)} would be longer than 20 characters`);
    }
    const memberSet = new Set(members);
    const repositories = readNameList(spec.repositories, `${field}.repositories`, memberSet, fail);
    if (repositories.length !== 2) fail(`${field}.repositories`, 'a cluster has two full repositories');
    clusters.push({
      name,
      repositories,
      members: [...repositories, ...members.filter((m) => !repositories.includes(m))],
      channels: readChannels(spec.channels, `${field}.channels`, fail),
      queues: readQueues(spec.queues, `${field}.queues`, memberSet, fail),
      memberAttributes: readMemberAttributes(spec.queueManagers, `${field}.queueManagers`, members, fail),
      workloadTail: readTail(spec.workload, `${field}.workload`, fail),
    });
  }
  return clusters;
}

function readChannels(raw: unknown, field: string, fail: Fail): ClusterChannelTimings {
  const timings = { ...MQ_CHANNEL_DEFAULTS };
  if (raw === undefined) return timings;
  if (!isRecord(raw)) return fail(field, 'must be a mapping'), timings;
  checkKeys(raw, field, Object.keys(CHANNEL_KEYS), fail);
  for (const [key, range] of Object.entries(CHANNEL_KEYS) as [keyof ClusterChannelTimings, { min: number; max: number }][]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) fail(`${field}.${key}`, `must be a whole number from ${range.min} to ${range.max}`);
    else timings[key] = value;
  }
  return timings;
}

function readQueues(raw: unknown, field: string, members: Set<string>, fail: Fail): ClusterQueueConfig[] {
  if (raw === undefined) return [];
  if (!isRecord(raw)) return fail(field, 'must be a mapping of queue name to its instances'), [];
  const queues: ClusterQueueConfig[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const at = `${field}.${name}`;
    if (!QUEUE_NAME.test(name) || name.startsWith('SYSTEM.')) fail(at, 'a cluster queue name is 1-48 of A-Z a-z 0-9 . / _ % and not SYSTEM.*');
    const spec = isRecord(value) ? value : (fail(at, 'must be a mapping'), {});
    checkKeys(spec, at, ['instances', 'defbind', 'defpsist', 'clwlprty', 'clwlrank', 'clwluseq', 'maxdepth'], fail);
    const instances = readNameList(spec.instances, `${at}.instances`, members, fail);
    if (instances.length === 0) fail(`${at}.instances`, 'must name at least one member');
    const defbind = String(spec.defbind ?? 'OPEN').toUpperCase();
    if (!['OPEN', 'NOTFIXED', 'GROUP'].includes(defbind)) fail(`${at}.defbind`, 'must be OPEN, NOTFIXED or GROUP');
    const clwluseq = String(spec.clwluseq ?? 'QMGR').toUpperCase();
    if (!['QMGR', 'LOCAL', 'ANY'].includes(clwluseq)) fail(`${at}.clwluseq`, 'must be QMGR, LOCAL or ANY');
    const defpsist = spec.defpsist ?? 'NO';
    if (!['YES', 'NO', true, false].includes(defpsist as string | boolean)) fail(`${at}.defpsist`, 'must be YES or NO');
    queues.push({
      name,
      instances,
      defbind: defbind as DefBind,
      defaultPersistent: defpsist === 'YES' || defpsist === true,
      clwlprty: readInteger(spec.clwlprty, 0, 0, 9, `${at}.clwlprty`, fail),
      clwlrank: readInteger(spec.clwlrank, 0, 0, 9, `${at}.clwlrank`, fail),
      clwluseq: clwluseq as QueueUseLocal,
      maxDepth: readInteger(spec.maxdepth, 5000, 0, 999_999_999, `${at}.maxdepth`, fail),
    });
  }
  return queues;
}

function readMemberAttributes(raw: unknown, field: string, members: string[], fail: Fail): Map<string, ClusterMemberAttributes> {
  const attributes = new Map(members.map((m) => [m, { ...DEFAULT_MEMBER }]));
  if (raw === undefined) return attributes;
  if (!isRecord(raw)) return fail(field, 'must be a mapping of member to attributes'), attributes;
  for (const [qm, value] of Object.entries(raw)) {
    const at = `${field}.${qm}`;
    const target = attributes.get(qm);
    if (!target) {
      fail(at, `${qm} is not a member of the cluster`);
      continue;
    }
    const spec = isRecord(value) ? value : (fail(at, 'must be a mapping'), {});
    checkKeys(spec, at, ['clwlprty', 'clwlrank', 'clwlwght', 'netprty', 'clwluseq', 'clwlmruc'], fail);
    target.clwlprty = readInteger(spec.clwlprty, 0, 0, 9, `${at}.clwlprty`, fail);
    target.clwlrank = readInteger(spec.clwlrank, 0, 0, 9, `${at}.clwlrank`, fail);
    target.clwlwght = readInteger(spec.clwlwght, 50, 1, 99, `${at}.clwlwght`, fail);
    target.netprty = readInteger(spec.netprty, 0, 0, 9, `${at}.netprty`, fail);
    target.clwlmruc = readInteger(spec.clwlmruc, 999_999_999, 1, 999_999_999, `${at}.clwlmruc`, fail);
    const useq = String(spec.clwluseq ?? 'LOCAL').toUpperCase();
    if (useq !== 'LOCAL' && useq !== 'ANY') fail(`${at}.clwluseq`, 'must be LOCAL or ANY');
    else target.clwluseq = useq;
  }
  return attributes;
}

function readTail(raw: unknown, field: string, fail: Fail): WorkloadTailStep[] {
  if (raw === undefined) return [...DEFAULT_WORKLOAD_TAIL];
  if (!isRecord(raw)) return fail(field, 'must be a mapping with tail: [steps]'), [...DEFAULT_WORKLOAD_TAIL];
  checkKeys(raw, field, ['tail'], fail);
  if (!Array.isArray(raw.tail)) return fail(`${field}.tail`, `must be a list of ${WORKLOAD_TAIL_STEPS.join(', ')}`), [...DEFAULT_WORKLOAD_TAIL];
  const steps: WorkloadTailStep[] = [];
  raw.tail.forEach((step, index) => {
    if (!WORKLOAD_TAIL_STEPS.includes(step as WorkloadTailStep)) fail(`${field}.tail[${index}]`, `unknown step ${JSON.stringify(step)} (allowed: ${WORKLOAD_TAIL_STEPS.join(', ')})`);
    else if (steps.includes(step as WorkloadTailStep)) fail(`${field}.tail[${index}]`, `${String(step)} is listed twice`);
    else steps.push(step as WorkloadTailStep);
  });
  if (!steps.includes('weighted-lru')) fail(`${field}.tail`, 'must end the choice with weighted-lru');
  else if (steps.at(-1) !== 'weighted-lru') fail(`${field}.tail`, 'weighted-lru chooses one destination, so it comes last');
  return steps;
}

function readNameList(raw: unknown, field: string, known: Set<string>, fail: Fail): string[] {
  if (!Array.isArray(raw)) return fail(field, 'must be a list of queue manager names'), [];
  const names: string[] = [];
  raw.forEach((name, index) => {
    if (typeof name !== 'string' || !known.has(name)) fail(`${field}[${index}]`, `unknown queue manager ${JSON.stringify(name)}`);
    else if (names.includes(name)) fail(`${field}[${index}]`, `${name} is listed twice`);
    else names.push(name);
  });
  return names;
}

function checkKeys(record: Record<string, unknown>, field: string, allowed: string[], fail: Fail): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) fail(`${field}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseClusters, type ClusterConfig } from './cluster/cluster-topology.ts';
import { parseBreaks, type PrerequisiteBreak } from './conformance/prerequisite-breaks.ts';
import { MQ_QUEUE_MANAGER_KEYS, parseQueueManagerMq, type QueueManagerMqConfig } from './mq/mq-topology.ts';

/** A lab estate as described by a topology file, with every timing in milliseconds. */
export interface Topology {
  /** Absolute path of the file it came from. */
  file: string;
  name: string;
  sshUser: string;
  hosts: TopologyHost[];
  nfs: TopologyNfs;
  queueManagers: TopologyQueueManager[];
  agents: TopologyAgent[];
  /** An MQ cluster over some of the queue managers (lab/cluster/cluster-topology.ts); at most one. */
  clusters: ClusterConfig[];
  /** Whether the truth log records every message's fate (off for benchmarks). */
  messageTruth: boolean;
}

export type HostRole = 'mq' | 'nfs-server' | 'app';

export interface TopologyNfs {
  server: string;
  leaseMs: number;
  /**
   * Reproduces the split-brain hazard of an HA NFS server failing over with a different
   * server scope: a client's lost lock state is not reported to it, so the old active keeps
   * serving from its page cache while the standby takes the lock (lab/README.md).
   */
  splitBrain: boolean;
}

/** An MQ Managed File Transfer (FTE) style agent: a client of one queue manager. */
export interface TopologyAgent {
  name: string;
  host: string;
  queueManager: string;
  /** agentQMgrRetryInterval: how long the agent waits between reconnection attempts. */
  retryIntervalMs: number;
}

export interface TopologyHost {
  name: string;
  role: HostRole;
  /** 0 = a free port chosen at lab start. */
  sshPort: number;
  /** The host's address on the estate's network (`hostname -I`); SSH still listens on 127.0.0.1. */
  address: string;
  /** HA prerequisites broken on this host (lab/conformance/prerequisite-breaks.ts). */
  breaks: PrerequisiteBreak[];
}

export interface TopologyQueueManager {
  name: string;
  /** Hosts with an instance, in `strmqm -x` order at lab start. */
  instances: string[];
  standbyPollMs: number;
  logReplayMs: number;
  /** How long a controlled, immediate or preemptive shutdown takes before the locks go. */
  shutdownMs: number;
  version: string;
  /** Channel, listeners and queues (lab/mq/mq-topology.ts). */
  mq: QueueManagerMqConfig;
}

export class TopologyError extends Error {
  readonly code = 'LAB_TOPOLOGY_INVALID';
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`${file}: invalid topology:\n${problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'TopologyError';
  }
}

const DEFAULT_LEASE_SECONDS = 90; // Linux knfsd default
const DEFAULT_STANDBY_POLL_MS = 2000; // MQ documents a 2 s poll
const DEFAULT_LOG_REPLAY_MS = 3000;
const DEFAULT_SHUTDOWN_MS = 500;
const DEFAULT_VERSION = '9.3.1.0';
const DEFAULT_AGENT_RETRY_MS = 30_000; // MFT agentQMgrRetryInterval default

const HOST_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const QM_NAME = /^[A-Za-z0-9._%]{1,48}$/;
const TOPOLOGY_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
const MQ_VERSION = /^\d+\.\d+\.\d+\.\d+$/;
const IPV4_ADDRESS = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const AGENT_NAME = /^[A-Z0-9._%]{1,28}$/;

export function loadTopology(file: string): Topology {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TopologyError(path, [{ field: '(file)', message: (error as Error).message }]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new TopologyError(path, [{ field: '(yaml)', message: (error as Error).message }]);
  }
  return parseTopology(raw, path);
}

/** Validates a parsed topology document, collecting every problem before throwing. */
export function parseTopology(raw: unknown, file: string): Topology {
  const problems: { field: string; message: string }[] = [];
  const fail = (field: string, message: string): void => void problems.push({ field, message });
  const root = asRecord(raw, '(root)', fail) ?? {};
  checkKeys(root, '', ['name', 'sshUser', 'hosts', 'nfs', 'queueManagers', 'agents', 'clusters', 'messageTruth'], fail);

  const name = requireString(root.name, 'name', TOPOLOGY_NAME, 'lower-case letters, digits and -', fail);
  const sshUser = requireString(root.sshUser, 'sshUser', USER_NAME, 'a Unix user name', fail);

  const hosts: TopologyHost[] = [];
  const rawHosts = asRecord(root.hosts, 'hosts', fail) ?? {};
  for (const [hostName, value] of Object.entries(rawHosts)) {
    const field = `hosts.${hostName}`;
    if (!HOST_NAME.test(hostName)) fail(field, 'host names are lower-case letters, digits and -');
    const spec = value === null ? {} : (asRecord(value, field, fail) ?? {});
    checkKeys(spec, field, ['role', 'sshPort', 'address', 'breaks'], fail);
    const role = spec.role ?? 'mq';
    if (role !== 'mq' && role !== 'nfs-server' && role !== 'app') fail(`${field}.role`, 'must be mq, nfs-server or app');
    const sshPort = optionalNumber(spec.sshPort, `${field}.sshPort`, 0, fail) ?? 0;
    if (!Number.isInteger(sshPort) || sshPort > 65535) fail(`${field}.sshPort`, 'must be a port number (0 = any free port)');
    const address = spec.address === undefined ? `10.0.0.${11 + hosts.length}` : String(spec.address);
    if (!IPV4_ADDRESS.test(address)) fail(`${field}.address`, 'must be an IPv4 address such as 10.0.0.11');
    hosts.push({ name: hostName, role: role as HostRole, sshPort, address, breaks: parseBreaks(spec.breaks, `${field}.breaks`, fail) });
  }
  hosts.forEach((host, index) => {
    if (hosts.findIndex((other) => other.address === host.address) !== index) fail(`hosts.${host.name}.address`, `${host.address} is used twice`);
  });
  if (hosts.length === 0) fail('hosts', 'at least one host is required');
  const hostByName = new Map(hosts.map((h) => [h.name, h]));

  const rawNfs = asRecord(root.nfs, 'nfs', fail) ?? {};
  checkKeys(rawNfs, 'nfs', ['server', 'leaseSeconds', 'splitBrain'], fail);
  const nfsServer = requireString(rawNfs.server, 'nfs.server', HOST_NAME, 'a host name', fail);
  if (nfsServer && hostByName.get(nfsServer)?.role !== 'nfs-server') {
    fail('nfs.server', `must name a host with role nfs-server (got ${nfsServer})`);
  }
  const leaseSeconds = optionalNumber(rawNfs.leaseSeconds, 'nfs.leaseSeconds', 0.001, fail) ?? DEFAULT_LEASE_SECONDS;
  if (rawNfs.splitBrain !== undefined && typeof rawNfs.splitBrain !== 'boolean') fail('nfs.splitBrain', 'must be true or false');

  const queueManagers: TopologyQueueManager[] = [];
  const rawQms = asRecord(root.queueManagers, 'queueManagers', fail) ?? {};
  for (const [qmName, value] of Object.entries(rawQms)) {
    const field = `queueManagers.${qmName}`;
    if (!QM_NAME.test(qmName)) fail(field, 'queue manager names are 1-48 of A-Z a-z 0-9 . _ %');
    const spec = asRecord(value, field, fail) ?? {};
    checkKeys(spec, field, ['instances', 'standbyPollMs', 'logReplayMs', 'shutdownMs', 'version', ...MQ_QUEUE_MANAGER_KEYS], fail);
    const instances = Array.isArray(spec.instances) ? spec.instances : [];
    if (!Array.isArray(spec.instances) || instances.length === 0) {
      fail(`${field}.instances`, 'must be a list of one or more hosts');
    }
    instances.forEach((host, index) => {
      const at = `${field}.instances[${index}]`;
      if (typeof host !== 'string' || !hostByName.has(host)) fail(at, `unknown host ${JSON.stringify(host)}`);
      else if (hostByName.get(host)?.role === 'nfs-server') fail(at, `${host} is the NFS server, not an mq host`);
      if (instances.indexOf(host) !== index) fail(at, `${String(host)} is listed twice`);
    });
    const version = spec.version === undefined ? DEFAULT_VERSION : String(spec.version);
    if (!MQ_VERSION.test(version)) fail(`${field}.version`, 'must look like 9.3.1.0');
    queueManagers.push({
      name: qmName,
      instances: instances.map(String),
      standbyPollMs: optionalNumber(spec.standbyPollMs, `${field}.standbyPollMs`, 1, fail) ?? DEFAULT_STANDBY_POLL_MS,
      logReplayMs: optionalNumber(spec.logReplayMs, `${field}.logReplayMs`, 0, fail) ?? DEFAULT_LOG_REPLAY_MS,
      shutdownMs: optionalNumber(spec.shutdownMs, `${field}.shutdownMs`, 0, fail) ?? DEFAULT_SHUTDOWN_MS,
      version,
      mq: parseQueueManagerMq(spec, field, instances.map(String), fail),
    });
  }

  const agents = parseAgents(root.agents, hostByName, queueManagers, fail);
  const clusters = parseClusters(root.clusters, queueManagers, fail);

  if (problems.length > 0) throw new TopologyError(file, problems);
  const nfs = { server: nfsServer, leaseMs: Math.round(leaseSeconds * 1000), splitBrain: rawNfs.splitBrain === true };
  if (root.messageTruth !== undefined && typeof root.messageTruth !== 'boolean') fail('messageTruth', 'must be true or false');
  return { file, name, sshUser, hosts, nfs, queueManagers, agents, clusters, messageTruth: root.messageTruth !== false };
}

type Fail = (field: string, message: string) => void;

function parseAgents(raw: unknown, hostByName: Map<string, TopologyHost>, queueManagers: TopologyQueueManager[], fail: Fail): TopologyAgent[] {
  if (raw === undefined) return [];
  const agents: TopologyAgent[] = [];
  for (const [agentName, value] of Object.entries(asRecord(raw, 'agents', fail) ?? {})) {
    const field = `agents.${agentName}`;
    if (!AGENT_NAME.test(agentName)) fail(field, 'agent names are 1-28 of A-Z 0-9 . _ %');
    const spec = asRecord(value, field, fail) ?? {};
    checkKeys(spec, field, ['host', 'queueManager', 'retryIntervalMs'], fail);
    const host = String(spec.host ?? '');
    if (hostByName.get(host)?.role === undefined || hostByName.get(host)?.role === 'nfs-server') fail(`${field}.host`, `must name an mq or app host (got ${JSON.stringify(spec.host)})`);
    const queueManager = String(spec.queueManager ?? '');
    if (!queueManagers.some((qm) => qm.name === queueManager)) fail(`${field}.queueManager`, `unknown queue manager ${JSON.stringify(spec.queueManager)}`);
    const retryIntervalMs = optionalNumber(spec.retryIntervalMs, `${field}.retryIntervalMs`, 1, fail) ?? DEFAULT_AGENT_RETRY_MS;
    agents.push({ name: agentName, host, queueManager, retryIntervalMs });
  }
  return agents;
}

function asRecord(value: unknown, field: string, fail: Fail): Record<string, unknown> | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  fail(field, value === undefined ? 'is required' : 'must be a mapping');
  return undefined;
}

function checkKeys(record: Record<string, unknown>, field: string, allowed: string[], fail: Fail): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(field ? `${field}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function requireString(value: unknown, field: string, pattern: RegExp, what: string, fail: Fail): string {
  if (typeof value !== 'string') {
    fail(field, value === undefined ? 'is required' : 'must be a string');
    return '';
  }
  if (!pattern.test(value)) fail(field, `must be ${what}`);
  return value;
}

function optionalNumber(value: unknown, field: string, min: number, fail: Fail): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    fail(field, `must be a number of at least ${min}`);
    return undefined;
  }
  return value;
}

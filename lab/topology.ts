import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A lab estate as described by a topology file, with every timing in milliseconds. */
export interface Topology {
  /** Absolute path of the file it came from. */
  file: string;
  name: string;
  sshUser: string;
  hosts: TopologyHost[];
  nfs: { server: string; leaseMs: number };
  queueManagers: TopologyQueueManager[];
}

export type HostRole = 'mq' | 'nfs-server';

export interface TopologyHost {
  name: string;
  role: HostRole;
  /** 0 = a free port chosen at lab start. */
  sshPort: number;
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

const HOST_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const QM_NAME = /^[A-Za-z0-9._%]{1,48}$/;
const TOPOLOGY_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
const MQ_VERSION = /^\d+\.\d+\.\d+\.\d+$/;

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
  checkKeys(root, '', ['name', 'sshUser', 'hosts', 'nfs', 'queueManagers'], fail);

  const name = requireString(root.name, 'name', TOPOLOGY_NAME, 'lower-case letters, digits and -', fail);
  const sshUser = requireString(root.sshUser, 'sshUser', USER_NAME, 'a Unix user name', fail);

  const hosts: TopologyHost[] = [];
  const rawHosts = asRecord(root.hosts, 'hosts', fail) ?? {};
  for (const [hostName, value] of Object.entries(rawHosts)) {
    const field = `hosts.${hostName}`;
    if (!HOST_NAME.test(hostName)) fail(field, 'host names are lower-case letters, digits and -');
    const spec = value === null ? {} : (asRecord(value, field, fail) ?? {});
    checkKeys(spec, field, ['role', 'sshPort'], fail);
    const role = spec.role ?? 'mq';
    if (role !== 'mq' && role !== 'nfs-server') fail(`${field}.role`, 'must be mq or nfs-server');
    const sshPort = optionalNumber(spec.sshPort, `${field}.sshPort`, 0, fail) ?? 0;
    if (!Number.isInteger(sshPort) || sshPort > 65535) fail(`${field}.sshPort`, 'must be a port number (0 = any free port)');
    hosts.push({ name: hostName, role: role as HostRole, sshPort });
  }
  if (hosts.length === 0) fail('hosts', 'at least one host is required');
  const hostByName = new Map(hosts.map((h) => [h.name, h]));

  const rawNfs = asRecord(root.nfs, 'nfs', fail) ?? {};
  checkKeys(rawNfs, 'nfs', ['server', 'leaseSeconds'], fail);
  const nfsServer = requireString(rawNfs.server, 'nfs.server', HOST_NAME, 'a host name', fail);
  if (nfsServer && hostByName.get(nfsServer)?.role !== 'nfs-server') {
    fail('nfs.server', `must name a host with role nfs-server (got ${nfsServer})`);
  }
  const leaseSeconds = optionalNumber(rawNfs.leaseSeconds, 'nfs.leaseSeconds', 0.001, fail) ?? DEFAULT_LEASE_SECONDS;

  const queueManagers: TopologyQueueManager[] = [];
  const rawQms = asRecord(root.queueManagers, 'queueManagers', fail) ?? {};
  for (const [qmName, value] of Object.entries(rawQms)) {
    const field = `queueManagers.${qmName}`;
    if (!QM_NAME.test(qmName)) fail(field, 'queue manager names are 1-48 of A-Z a-z 0-9 . _ %');
    const spec = asRecord(value, field, fail) ?? {};
    checkKeys(spec, field, ['instances', 'standbyPollMs', 'logReplayMs', 'shutdownMs', 'version'], fail);
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
    });
  }

  if (problems.length > 0) throw new TopologyError(file, problems);
  return { file, name, sshUser, hosts, nfs: { server: nfsServer, leaseMs: Math.round(leaseSeconds * 1000) }, queueManagers };
}

type Fail = (field: string, message: string) => void;

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

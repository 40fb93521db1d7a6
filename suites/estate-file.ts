import { dirname, resolve } from 'node:path';
import { placeIssue, sortDefinitionErrors, type DefinitionError, type Issue } from './definition-error.ts';
import { checkDocumentShape } from './document-check.ts';
import { appendPointer } from './json-pointer.ts';
import { checkName } from './mq-names.ts';
import { loadSuiteSchemas } from './suite-schemas.ts';
import type { CredentialRef, EstateSpec, HostSpec, QueueManagerSpec } from './suite-model.ts';
import { describeUnparsed, readSource, type SourceDocument } from './yaml-source.ts';

/**
 * Estates as files (`estate: { file: ... }`, or the estate.yaml `mqchaos lab up` writes)
 * and as the `estate.inline` block of a suite: both have exactly the shape of
 * schemas/estate.schema.json.
 */

export type EstateLoad = { ok: true; estate: EstateSpec } | { ok: false; errors: DefinitionError[] };

/** Reads and validates an estate file; key files are resolved against the file's folder. */
export async function loadEstateFile(file: string): Promise<EstateLoad> {
  const path = resolve(file);
  const read = await readSource(path);
  if (read.status !== 'parsed') return { ok: false, errors: describeUnparsed(path, read, 'estate file') };
  return checkEstateSource(read.source);
}

/** Validates a parsed estate file. */
export function checkEstateSource(source: SourceDocument): EstateLoad {
  const issues = [
    ...checkDocumentShape(loadSuiteSchemas().validateEstate, source.data),
    ...findUndeclaredHosts(source.data, ''),
    ...findStrayListeners(source.data, ''),
  ];
  if (issues.length > 0) return { ok: false, errors: sortDefinitionErrors(issues.map((issue) => placeIssue(source, issue))) };
  return { ok: true, estate: compileEstate(source.data, dirname(source.file)) };
}

/** Instance hosts that the estate's `hosts` does not declare. Tolerates data that failed its schema. */
export function findUndeclaredHosts(estate: unknown, pointer: string): Issue[] {
  const { hosts, queueManagers } = collectEstateNames(estate);
  const issues: Issue[] = [];
  for (const [name, instances] of queueManagers) {
    instances.forEach((host, index) => {
      if (hosts.includes(host) || checkName('host', host) !== null) return;
      issues.push({
        code: 'MQC-SUITE-UNDECLARED-HOST',
        pointer: appendPointer(pointer, 'queueManagers', name, 'instances', index),
        message: `queue manager ${name} has an instance on host "${host}", which the estate does not declare`,
        hint: hosts.length > 0 ? `declared hosts: ${hosts.join(', ')}` : 'declare the host under hosts',
      });
    });
  }
  return issues;
}

/** Listener ports on hosts that run no instance of the queue manager. Tolerates data that failed its schema. */
export function findStrayListeners(estate: unknown, pointer: string): Issue[] {
  const { queueManagers } = (isObject(estate) ? estate : {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const [name, qm] of isObject(queueManagers) ? Object.entries(queueManagers) : []) {
    const listeners = isObject(qm) ? qm.listeners : undefined;
    const instances = collectEstateNames(estate).queueManagers.get(name) ?? [];
    for (const host of isObject(listeners) ? Object.keys(listeners) : []) {
      if (instances.includes(host)) continue;
      issues.push({
        code: 'MQC-SUITE-LISTENER-HOST',
        pointer: appendPointer(pointer, 'queueManagers', name, 'listeners', host),
        message: `queue manager ${name} has a listener on host "${host}", which runs none of its instances`,
        hint: `instances: ${instances.join(', ') || '(none)'}`,
      });
    }
  }
  return issues;
}

export interface EstateNames {
  hosts: string[];
  /** Queue manager name → instance hosts. */
  queueManagers: Map<string, string[]>;
}

/** The host and queue-manager names of estate-shaped data (an estate, or a lab topology). */
export function collectEstateNames(estate: unknown): EstateNames {
  const { hosts, queueManagers } = (isObject(estate) ? estate : {}) as Record<string, unknown>;
  const instancesOf = (queueManager: unknown): string[] => {
    const instances = isObject(queueManager) ? queueManager.instances : undefined;
    return Array.isArray(instances) ? instances.filter((host): host is string => typeof host === 'string') : [];
  };
  return {
    hosts: isObject(hosts) ? Object.keys(hosts) : [],
    queueManagers: new Map(isObject(queueManagers) ? Object.entries(queueManagers).map(([name, qm]) => [name, instancesOf(qm)]) : []),
  };
}

/** An estate that passed its schema, compiled; relative key files are resolved against `baseDir`. */
export function compileEstate(data: unknown, baseDir: string): EstateSpec {
  const estate = data as {
    hosts: Record<string, Omit<HostSpec, 'name' | 'port'> & { port?: number }>;
    queueManagers: Record<string, { instances: string[]; channel?: string; listeners?: Record<string, number> }>;
    mqClient?: { libraryDir: string };
  };
  const hostDefaults = loadSuiteSchemas().hostDefaults;
  const hosts = Object.fromEntries(
    Object.entries(estate.hosts).map(([name, host]) => {
      const spec: HostSpec = {
        name,
        address: host.address,
        port: host.port ?? (hostDefaults.port as number),
        user: host.user,
        credential: resolveCredential(host.credential, baseDir),
        hostKey: host.hostKey,
      };
      return [name, spec];
    }),
  );
  const queueManagers = Object.fromEntries(
    Object.entries(estate.queueManagers).map(([name, qm]) => {
      const spec: QueueManagerSpec = { name, instances: [...qm.instances] };
      if (qm.channel !== undefined) spec.channel = qm.channel;
      if (qm.listeners !== undefined) spec.listeners = { ...qm.listeners };
      return [name, spec];
    }),
  );
  const compiled: EstateSpec = { hosts, queueManagers };
  if (estate.mqClient) compiled.mqClient = { libraryDir: resolve(baseDir, estate.mqClient.libraryDir) };
  return compiled;
}

function resolveCredential(credential: CredentialRef, baseDir: string): CredentialRef {
  if (!('keyFile' in credential)) return { env: credential.env };
  const resolved: CredentialRef = { keyFile: resolve(baseDir, credential.keyFile) };
  if (credential.passphraseEnv !== undefined) resolved.passphraseEnv = credential.passphraseEnv;
  return resolved;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

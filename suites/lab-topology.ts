import { readdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from './definition-error.ts';
import { collectEstateNames, type EstateNames } from './estate-file.ts';
import type { SourceDocument } from './yaml-source.ts';

/**
 * The embedded lab's topology files, read as plain YAML data only to learn which hosts and
 * queue managers the lab will have (the harness never imports lab code). The lab validates
 * the rest of its own format when it starts.
 */

export const defaultTopologiesDir = fileURLToPath(new URL('../lab/topologies/', import.meta.url));

const BARE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `demo` is `<topologiesDir>/demo.yaml`; anything else is a path relative to the suite's folder. */
export function locateTopology(value: string, suiteDir: string, topologiesDir: string): string {
  return BARE_NAME.test(value) ? resolve(topologiesDir, `${value}.yaml`) : resolve(suiteDir, value);
}

export function isBareTopologyName(value: string): boolean {
  return BARE_NAME.test(value);
}

/** The topologies a bare name may pick, for hints. */
export async function listTopologyNames(topologiesDir: string): Promise<string[]> {
  try {
    const entries = await readdir(topologiesDir);
    return entries.filter((entry) => entry.endsWith('.yaml')).map((entry) => basename(entry, '.yaml')).sort();
  } catch {
    return [];
  }
}

export type TopologyCheck = { ok: true; names: EstateNames } | { ok: false; issues: Issue[] };

/** The host and queue-manager names of a parsed topology, or why it is not a topology. */
export function checkTopologySource(source: SourceDocument): TopologyCheck {
  const data = source.data as Record<string, unknown> | null;
  const issues: Issue[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [notTopology('', 'the file is not a mapping')] };
  }
  for (const field of ['hosts', 'queueManagers']) {
    const value = data[field];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push(notTopology(value === undefined ? '' : `/${field}`, `"${field}" must be a mapping of names`));
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, names: collectEstateNames(data) };
}

function notTopology(pointer: string, reason: string): Issue {
  return {
    code: 'MQC-SUITE-ESTATE',
    pointer,
    message: `not a lab topology: ${reason}`,
    hint: 'a topology has name, sshUser, hosts: { mq1: {}, ... } and queueManagers: { QM1: { instances: [mq1, mq2] } }',
  };
}

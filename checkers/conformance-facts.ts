import type { Verdict } from './result-document.ts';

/**
 * The contract of conformance checks: the facts one check found on each node, and the line
 * of the checklist each node gets once they are judged.
 */

/** A JSON value a fact can hold. */
export type FactValue = string | number | boolean | null | FactValue[];

export interface NodeFacts {
  /** The host (or, for client-side checks, the application) the facts are about. */
  node: string;
  /** What the node is to the check (active, standby, application). */
  role?: string;
  /** Null when the facts could not be read: the line is unknown, never a pass. */
  facts: Record<string, FactValue> | null;
  /** Each fact in words, for a failure about it: "uid of mqm is 502; mq1 has 501". */
  words: Record<string, string>;
  /** Why the facts could not be read. */
  error?: string;
}

export interface CheckFacts {
  /** Catalog name: mq-user, qm-storage, … */
  check: string;
  /** The prerequisite in words. */
  title: string;
  queueManager: string | null;
  nodes: NodeFacts[];
}

export interface ConformanceLine {
  check: string;
  title: string;
  queueManager: string | null;
  node: string;
  role?: string;
  verdict: Verdict;
  /** Each failed fact, naming the node: "mq2: uid of mqm is 502; mq1 has 501". */
  failures: string[];
  /** What could not be read or measured. */
  missing: string[];
  facts: Record<string, FactValue> | null;
}

export interface ConformanceReport {
  verdict: Verdict;
  lines: ConformanceLine[];
  /** Checks not run because the estate does not declare what they need (no clusters, no applications). */
  notApplicable: Array<{ check: string; title: string; reason: string }>;
}

/**
 * Adds `<key>Agrees` to every node that has `key`: whether its value equals the first
 * node's that has one, with the comparison in words ("uid of mqm is 502; mq1 has 501").
 * A node without the value gets null (not measured).
 */
export function addAgreement(nodes: NodeFacts[], key: string, label: string): void {
  const reference = nodes.find((n) => n.facts !== null && n.facts[key] !== null && n.facts[key] !== undefined);
  for (const node of nodes) {
    if (node.facts === null) continue;
    const value = node.facts[key];
    if (value === null || value === undefined || !reference) {
      node.facts[`${key}Agrees`] = null;
      continue;
    }
    const expected = reference.facts![key];
    node.facts[`${key}Agrees`] = JSON.stringify(value) === JSON.stringify(expected);
    node.words[`${key}Agrees`] = `${label} is ${String(value)}; ${reference.node} has ${String(expected)}`;
  }
}

/** Fail dominates unknown dominates pass; an empty checklist is unknown (as mergeVerdicts, without ajv: workflows use it). */
export function conformanceVerdict(lines: readonly ConformanceLine[]): Verdict {
  if (lines.some((line) => line.verdict === 'fail')) return 'fail';
  if (lines.length === 0 || lines.some((line) => line.verdict === 'unknown')) return 'unknown';
  return 'pass';
}

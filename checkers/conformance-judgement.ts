import type { ExpectationSpec } from '../suites/suite-model.ts';
import type { CheckFacts, ConformanceLine } from './conformance-facts.ts';
import { judgeExpectation } from './expectation-judge.ts';

/**
 * Judges one check's facts node by node against its expectation (a JSON Schema over one
 * node's facts), as a scenario's result document is judged: a failure about a fact the check
 * put in words is reported in those words, naming the node; facts that could not be read
 * make the line unknown.
 */
export function judgeCheck(facts: CheckFacts, expectation: ExpectationSpec): ConformanceLine[] {
  return facts.nodes.map((node): ConformanceLine => {
    const base = { check: facts.check, title: facts.title, queueManager: facts.queueManager, node: node.node, facts: node.facts, ...(node.role ? { role: node.role } : {}) };
    if (node.facts === null) {
      return { ...base, verdict: 'unknown', failures: [], missing: [`${node.node}: could not run: ${node.error ?? 'no facts'}`] };
    }
    const outcome = judgeExpectation(node.facts, expectation, []);
    const inWords = (text: string): string => {
      const key = Object.keys(node.words).find((fact) => text.startsWith(`${fact} `) || text.startsWith(`${fact}.`));
      return `${node.node}: ${key ? node.words[key] : text}`;
    };
    return { ...base, verdict: outcome.verdict, failures: [...new Set(outcome.failures.map(inWords))], missing: outcome.missing.map((m) => `${node.node}: ${m}`) };
  });
}

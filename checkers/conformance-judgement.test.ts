import { describe, expect, it } from 'vitest';
import { defaultConformanceExpectation } from '../suites/conformance-expectations.ts';
import { addAgreement, conformanceVerdict, type NodeFacts } from './conformance-facts.ts';
import { judgeCheck } from './conformance-judgement.ts';

const node = (name: string, facts: NodeFacts['facts'], words: Record<string, string> = {}): NodeFacts => ({ node: name, facts, words });

describe('conformance judgement - a check judged node by node', () => {
  it('judgeCheck - a disagreeing uid fails on that node in the words of the fact; the reference node passes', () => {
    const nodes = [node('mq1', { uid: 501, mqmGid: 501, userInGroupMqm: true }), node('mq2', { uid: 502, mqmGid: 501, userInGroupMqm: true })];
    addAgreement(nodes, 'uid', 'uid of mqm');
    addAgreement(nodes, 'mqmGid', 'gid of group mqm');
    const lines = judgeCheck({ check: 'mq-user', title: 't', queueManager: 'QM1', nodes }, defaultConformanceExpectation('mq-user'));
    expect(lines.map((l) => [l.node, l.verdict, l.failures])).toEqual([
      ['mq1', 'pass', []],
      ['mq2', 'fail', ['mq2: uid of mqm is 502; mq1 has 501']],
    ]);
  });

  it('judgeCheck - facts that could not be read are unknown with the reason, never a pass; an unworded failure keeps the judge wording', () => {
    const nodes = [node('mq1', null), node('mq2', { queueDefined: true, defpsist: 'NO' })];
    nodes[0]!.error = 'ssh: connection refused';
    const lines = judgeCheck({ check: 'health-queue', title: 't', queueManager: 'QM1', nodes }, defaultConformanceExpectation('health-queue'));
    expect(lines[0]).toMatchObject({ verdict: 'unknown', missing: ['mq1: could not run: ssh: connection refused'] });
    expect(lines[1]).toMatchObject({ verdict: 'fail', failures: ['mq2: defpsist was "NO", must be "YES"'] });
    expect(conformanceVerdict(lines)).toBe('fail');
    expect(conformanceVerdict([lines[0]!])).toBe('unknown');
    expect(conformanceVerdict([])).toBe('unknown');
  });

  it('judgeCheck - a fact not measured (null) is unknown', () => {
    const lines = judgeCheck({ check: 'mq-version', title: 't', queueManager: 'QM1', nodes: [node('mq1', { version: '9.3.1.0', versionAgrees: null })] }, defaultConformanceExpectation('mq-version'));
    expect(lines[0]).toMatchObject({ verdict: 'unknown', missing: ['mq1: versionAgrees was not measured'] });
  });
});

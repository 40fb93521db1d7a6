import { describe, expect, it } from 'vitest';
import { checkTopologySource, locateTopology } from './lab-topology.ts';
import { parseSource, type SourceDocument } from './yaml-source.ts';

function parsed(text: string): SourceDocument {
  const read = parseSource('/t.yaml', text);
  if (read.status !== 'parsed') throw new Error(JSON.stringify(read));
  return read.source;
}

describe('lab-topology', () => {
  it('locateTopology - a bare name is a file in the topologies folder; anything else is relative to the suite', () => {
    expect(locateTopology('demo', '/repo/suites/lab', '/repo/lab/topologies')).toBe('/repo/lab/topologies/demo.yaml');
    expect(locateTopology('../topologies/big.yaml', '/repo/suites/lab', '/repo/lab/topologies')).toBe('/repo/suites/topologies/big.yaml');
    expect(locateTopology('/abs/t.yaml', '/repo/suites/lab', '/repo/lab/topologies')).toBe('/abs/t.yaml');
  });

  it('checkTopologySource - host and queue-manager names, nothing else', () => {
    const checked = checkTopologySource(parsed('name: t\nhosts: { mq1: {}, nfs1: { role: nfs-server } }\nqueueManagers: { QM1: { instances: [mq1, mq2], logReplayMs: 9 } }\n'));
    expect(checked).toEqual({ ok: true, names: { hosts: ['mq1', 'nfs1'], queueManagers: new Map([['QM1', ['mq1', 'mq2']]]) } });
  });

  it('checkTopologySource - a file without hosts or queue managers is not a topology', () => {
    const checked = checkTopologySource(parsed('name: t\nhosts: [mq1]\n'));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.issues.map((issue) => [issue.code, issue.pointer, issue.message])).toEqual([
      ['MQC-SUITE-ESTATE', '/hosts', 'not a lab topology: "hosts" must be a mapping of names'],
      ['MQC-SUITE-ESTATE', '', 'not a lab topology: "queueManagers" must be a mapping of names'],
    ]);
  });
});

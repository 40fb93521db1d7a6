import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../cli/state-paths.ts';
import { loadTopology, parseTopology, TopologyError } from './topology.ts';

function problemsOf(raw: unknown): { field: string; message: string }[] {
  try {
    parseTopology(raw, 'bad.yaml');
  } catch (error) {
    if (error instanceof TopologyError) return error.problems;
    throw error;
  }
  throw new Error('topology was accepted');
}

describe('topology - loading', () => {
  it('topology - the demo topology loads with its timings in milliseconds', () => {
    const topology = loadTopology(join(packageRoot, 'lab', 'topologies', 'demo.yaml'));
    expect(topology).toMatchObject({
      name: 'demo',
      sshUser: 'mqm',
      hosts: [
        { name: 'mq1', role: 'mq', sshPort: 0, address: '10.0.0.11' },
        { name: 'mq2', role: 'mq', sshPort: 0, address: '10.0.0.12' },
        { name: 'nfs1', role: 'nfs-server', sshPort: 0, address: '10.0.0.5' },
        { name: 'app1', role: 'app', sshPort: 0, address: '10.0.0.21' },
      ],
      nfs: { server: 'nfs1', leaseMs: 4000, splitBrain: false },
      queueManagers: [{ name: 'QM1', instances: ['mq1', 'mq2'], standbyPollMs: 500, logReplayMs: 1200, version: '9.3.1.0' }],
      agents: [{ name: 'AGENT1', host: 'app1', queueManager: 'QM1', retryIntervalMs: 1000 }],
    });
  });

  it('topology - every problem is reported at once with its field and the file', () => {
    const problems = problemsOf({
      name: 'Demo',
      sshUser: 'mqm',
      hosts: { mq1: { role: 'db' }, nfs1: { role: 'nfs-server', sshPort: 70000 } },
      nfs: { server: 'mq1', leaseSeconds: -1 },
      queueManagers: { QM1: { instances: ['mq1', 'mq9', 'nfs1'], standbyPollMs: 'fast', versoin: '9.3' } },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'name',
      'hosts.mq1.role',
      'hosts.nfs1.sshPort',
      'nfs.server',
      'nfs.leaseSeconds',
      'queueManagers.QM1.versoin',
      'queueManagers.QM1.instances[1]',
      'queueManagers.QM1.instances[2]',
      'queueManagers.QM1.standbyPollMs',
    ]);
  });

  it('topology - missing sections are named', () => {
    expect(problemsOf({ name: 'x' }).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'sshUser: is required',
      'hosts: is required',
      'hosts: at least one host is required',
      'nfs: is required',
      'nfs.server: is required',
      'queueManagers: is required',
    ]);
  });

  it('topology - a file that is not YAML names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqchaos-topology-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'name: [unclosed\n');
    try {
      expect(() => loadTopology(file)).toThrow(TopologyError);
      expect(() => loadTopology(file)).toThrow(new RegExp(`^${file}: invalid topology:\\n  \\(yaml\\): `));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

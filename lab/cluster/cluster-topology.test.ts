import { describe, expect, it } from 'vitest';
import { loadTopology, parseTopology, TopologyError } from '../topology.ts';

function topology(cluster: Record<string, unknown>, instancesOfQm1: string[] = ['h1']): Record<string, unknown> {
  return {
    name: 't',
    sshUser: 'mqm',
    hosts: { h1: {}, h2: {}, h3: {}, nfs1: { role: 'nfs-server', address: '10.0.0.5' } },
    nfs: { server: 'nfs1' },
    queueManagers: { QM1: { instances: instancesOfQm1 }, QM2: { instances: ['h2'] }, QM3: { instances: ['h3'] } },
    clusters: { DEMO: cluster },
  };
}

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseTopology(raw, 'cluster.yaml');
    return [];
  } catch (error) {
    return (error as TopologyError).problems.map((p) => `${p.field}: ${p.message}`);
  }
}

describe('clusters: in a lab topology', () => {
  it('the shipped cluster topology loads with MQ-named channels and the default workload tail', () => {
    const [cluster] = loadTopology(new URL('../topologies/cluster.yaml', import.meta.url).pathname).clusters;
    expect(cluster).toMatchObject({ name: 'DEMO', repositories: ['QM1', 'QM2'], members: ['QM1', 'QM2', 'QM3', 'QM4'] });
    expect(cluster!.channels).toMatchObject({ shortRetry: 3, shortTimerMs: 1000, longRetry: 5, longTimerMs: 4000 });
    expect(cluster!.queues).toMatchObject([{ name: 'APP.CLUSTER.Q', instances: ['QM3', 'QM4'], defbind: 'OPEN', defaultPersistent: true }]);
  });

  it('defaults the channel timings to MQ\'s (SHORTRTY 10 x 60 s, LONGRTY 999999999 x 1200 s, HBINT 300 s, DISCINT 6000 s)', () => {
    const parsed = parseTopology(topology({ repositories: ['QM1', 'QM2'] }), 'cluster.yaml');
    expect(parsed.clusters[0]!.channels).toMatchObject({ shortRetry: 10, shortTimerMs: 60_000, longRetry: 999_999_999, longTimerMs: 1_200_000, heartbeatMs: 300_000, discIntMs: 6_000_000 });
  });

  it('names every problem: one repository, an unknown instance host, a multi-instance member, a tail that does not end in weighted-lru', () => {
    const problems = problemsOf(
      topology({ repositories: ['QM1'], queues: { 'APP.Q': { instances: ['QM9'], defbind: 'SOMETIMES' } }, workload: { tail: ['netprty', 'weighted-lru', 'suspended'] } }, ['h1', 'h3']),
    );
    expect(problems).toEqual([
      'clusters.DEMO.members: QM1 has 2 instances; cluster members are single-instance queue managers',
      'clusters.DEMO.repositories: a cluster has two full repositories',
      'clusters.DEMO.queues.APP.Q.instances[0]: unknown queue manager "QM9"',
      'clusters.DEMO.queues.APP.Q.instances: must name at least one member',
      'clusters.DEMO.queues.APP.Q.defbind: must be OPEN, NOTFIXED or GROUP',
      'clusters.DEMO.workload.tail: weighted-lru chooses one destination, so it comes last',
    ]);
  });
});

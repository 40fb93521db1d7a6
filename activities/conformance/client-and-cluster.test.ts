import { describe, expect, it } from 'vitest';
import { judgeCheck } from '../../checkers/conformance-judgement.ts';
import { defaultConformanceExpectation } from '../../suites/conformance-expectations.ts';
import type { EstateSpec } from '../../suites/suite-model.ts';
import { checkClients, parseConnectionNames } from './client-check.ts';
import { clusterFacts } from './cluster-check.ts';

const host = (name: string, address: string) => ({ name, address, port: 22, user: 'mqm', credential: { env: 'X' }, hostKey: 'SHA256:x' });
const estate: EstateSpec = {
  hosts: { mq1: host('mq1', '10.0.0.11'), mq2: host('mq2', '10.0.0.12') },
  queueManagers: { QM1: { name: 'QM1', instances: ['mq1', 'mq2'], listeners: { mq1: 1414, mq2: 1414 } } },
};

describe('client and cluster conformance - judged from declared parameters and documented displays', () => {
  it('client - a reconnecting application listing both instances holds; one listing only mq1 or not reconnecting fails in words', () => {
    const facts = checkClients(estate, [
      { name: 'good', queueManager: 'QM1', connectionName: '10.0.0.11(1414),10.0.0.12(1414)', reconnect: 'reconnect' },
      { name: 'one-host', queueManager: 'QM1', connectionName: '10.0.0.11(1414)', reconnect: 'qmgr' },
      { name: 'no-reconnect', queueManager: 'QM1', connectionName: 'mq1,mq2', reconnect: 'no' },
    ]);
    const lines = judgeCheck(facts, defaultConformanceExpectation('client'));
    expect(lines.map((l) => [l.node, l.verdict, l.failures])).toEqual([
      ['good', 'pass', []],
      ['one-host', 'fail', ["one-host: one-host's connection name 10.0.0.11(1414) does not list the instance on mq2 (10.0.0.12(1414))"]],
      ['no-reconnect', 'fail', ['no-reconnect: no-reconnect connects with reconnect option no; it will not reconnect after a failover (use reconnect or qmgr)']],
    ]);
    expect(parseConnectionNames('a(1),b')).toEqual([{ host: 'a', port: 1 }, { host: 'b', port: null }]);
  });

  it('cluster - a member with a DEFBIND(OPEN) queue, a STOPPED sender, SCTQ above its baseline and one reachable repository fails on each fact', () => {
    const cluster = { name: 'GLOBAL_HA_CLUSTER', queueManagers: ['QM1'], transmitQueueBaseline: 0, forbidBindOnOpen: true };
    const bad = clusterFacts(
      { bindOnOpenQueues: ['APP.ORDERS'], stoppedChannels: ['TO.QM3'], retriesExhaustedChannels: [], transmitQueueDepth: 12, fullRepositoriesReachable: 1, fullRepositories: [{ name: 'QM1', status: 'RUNNING' }, { name: 'QM2', status: 'RETRYING' }] },
      cluster,
      'QM1',
    );
    const good = clusterFacts({ bindOnOpenQueues: [], stoppedChannels: [], retriesExhaustedChannels: [], transmitQueueDepth: 0, fullRepositoriesReachable: 2, fullRepositories: [] }, cluster, 'QM2');
    const lines = judgeCheck({ check: 'cluster', title: 't', queueManager: null, nodes: [{ node: 'QM1@mq1', ...bad }, { node: 'QM2@mq3', ...good }] }, defaultConformanceExpectation('cluster'));
    expect(lines[0]!.failures).toEqual([
      'QM1@mq1: cluster queues with DEFBIND(OPEN) on QM1: APP.ORDERS',
      'QM1@mq1: cluster-sender channels STOPPED on QM1: TO.QM3',
      'QM1@mq1: SYSTEM.CLUSTER.TRANSMIT.QUEUE on QM1 holds 12 messages; the baseline is 0',
      'QM1@mq1: QM1 reaches 1 full repositories of GLOBAL_HA_CLUSTER (QM1 RUNNING, QM2 RETRYING); two are required',
    ]);
    expect(lines[1]!.verdict).toBe('pass');
  });
});

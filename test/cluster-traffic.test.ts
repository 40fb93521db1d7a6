import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraffic, type TrafficSummary } from '../activities/traffic/run-traffic.ts';
import { awaitTrafficRunning, requestTrafficStop } from '../activities/traffic/traffic-control.ts';
import { accountMessages } from '../checkers/message-accounting.ts';
import { measureRouting } from '../checkers/message-routing.ts';
import { workerLogger } from '../cli/create-worker.ts';
import { buildStandInLibrary } from '../lab/native/stand-in-library.ts';
import { filterEvents } from '../lab/truth-log.ts';
import { readTrafficRecording } from '../records/traffic-log-files.ts';
import type { EstateSpec, HostSpec } from '../suites/suite-model.ts';
import type { ProducerSpec, TrafficSpec } from '../suites/traffic-model.ts';
import { startClusterTestEstate, type ClusterTestEstate } from './support/cluster-test-estate.ts';

/**
 * Traffic groups on a cluster: producers connected to QM1 with bind-on-open, bind-not-fixed
 * and a fully qualified ObjectQMgrName, consumers on both instances of APP.Q (QM3, QM4);
 * every message accounted, and where each group's messages were got equals the lab truth.
 */
let lab: ClusterTestEstate;
let libraryDir: string;
let scenarioDir: string;
beforeAll(async () => {
  const built = buildStandInLibrary();
  if (!built.ok) throw new Error(built.error);
  libraryDir = built.libraryDir;
  lab = await startClusterTestEstate({ realClock: true, channels: { heartbeatMs: 1000, shortTimerMs: 500 } });
  scenarioDir = mkdtempSync(join(tmpdir(), 'mqchaos-cluster-traffic-'));
});
afterAll(async () => {
  await lab?.stop();
  rmSync(scenarioDir, { recursive: true, force: true });
});

function host(name: string): HostSpec {
  return { name, address: '127.0.0.1', port: 22, user: 'mqm', credential: { env: 'UNUSED' }, hostKey: `SHA256:${'A'.repeat(43)}` };
}

describe('traffic groups on a cluster', () => {
  it('three producer groups on the gateway, consumers on each instance: nothing lost, and routing.deliveredTo per group equals the truth', async () => {
    const hosts: Record<string, HostSpec> = {};
    const queueManagers: EstateSpec['queueManagers'] = {};
    for (const [qm, member] of lab.cluster.members) {
      hosts[member.host] = host(member.host);
      queueManagers[qm] = { name: qm, instances: [member.host], channel: 'DEV.APP.SVRCONN', listeners: lab.mq.listenerPorts(qm) };
    }
    const producer = (id: string, fields: Partial<ProducerSpec>): ProducerSpec => ({ id, persistence: 'persistent', ratePerSecond: 200, count: 30, messageBytes: 128, syncpoint: 0, reconnect: 'reconnect', queueManager: 'QM1', ...fields });
    const traffic: TrafficSpec = {
      queue: 'APP.Q',
      bind: 'as-q-def',
      producers: [producer('p1', { bind: 'on-open' }), producer('p2', { bind: 'not-fixed' }), producer('p3', { objectQueueManager: 'QM4' })],
      consumers: [
        { id: 'c1', ratePerSecond: 0, syncpoint: 0, reconnect: 'reconnect', queueManager: 'QM3' },
        { id: 'c2', ratePerSecond: 0, syncpoint: 0, reconnect: 'reconnect', queueManager: 'QM4' },
      ],
      drainSeconds: 5,
    };
    const request = { runId: 'unit', scenario: 'cluster', scenarioDir, queueManager: 'QM3', estate: { hosts, queueManagers, mqClient: { libraryDir } }, traffic, maxProducingMs: 30_000 };
    const running = new MockActivityEnvironment({}, { logger: workerLogger() }).run(runTraffic, request) as Promise<TrafficSummary>;
    await new MockActivityEnvironment({}, { logger: workerLogger() }).run(awaitTrafficRunning, { scenarioDir, timeoutMs: 20_000 });
    // Every put reached its destination queue manager (bounded wait on the truth), then the consumers drain.
    for (let i = 0; i < 200 && filterEvents(lab.events, 'message-delivered').length < 90; i++) await new Promise((r) => setTimeout(r, 50));
    await requestTrafficStop({ scenarioDir });
    await running;

    const recording = (await readTrafficRecording(scenarioDir))!;
    const { messages } = accountMessages(recording, null);
    expect(messages.persistent).toMatchObject({ sent: 90, confirmed: 90, lost: 0, duplicated: 0 });
    const routing = measureRouting(recording);
    expect(routing.p3).toEqual({ deliveredTo: { QM4: 30 } });
    expect(Object.values(routing.p1!.deliveredTo)).toEqual([30]);
    expect(Object.keys(routing.p2!.deliveredTo).sort()).toEqual(['QM3', 'QM4']);
    // The truth: messages delivered per queue manager equal the routing's totals per queue manager.
    const delivered = filterEvents(lab.events, 'message-delivered').filter((e) => e.queue === 'APP.Q');
    for (const qm of ['QM3', 'QM4']) {
      const routed = Object.values(routing).reduce((sum, r) => sum + (r.deliveredTo[qm] ?? 0), 0);
      expect(routed).toBe(delivered.filter((e) => e.qm === qm).length);
    }
  });
});

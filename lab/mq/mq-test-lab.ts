import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../clock.ts';
import { LabEstate } from '../lab-estate.ts';
import { parseTopology } from '../topology.ts';
import type { TruthEvent } from '../truth-log.ts';
import { LabMqService } from './lab-mq-service.ts';

export interface MqTestLab {
  estate: LabEstate;
  mq: LabMqService;
  /** Every truth event so far, in order. */
  events: TruthEvent[];
  /** `127.0.0.1(port)` list for the given hosts, in that order. */
  connectionName(hosts: string[]): string;
  /** Environment for MqiTestClient: an mqclient.ini with short reconnect delays. */
  clientEnv: Record<string, string>;
  /** kill -9 of the queue manager's execution controller on a host. */
  killController(host: string): void;
  /** Resolves with the first event (already seen or coming) that matches, or rejects after `timeoutMs`. */
  waitForEvent(matches: (event: TruthEvent) => boolean, timeoutMs?: number): Promise<TruthEvent>;
  stop(): Promise<void>;
}

/**
 * Test support: QM1 with instances on mq1 (active) and mq2 (standby), on the real clock,
 * with its MQ listeners on loopback, in the test's own process.
 */
export async function startMqTestLab(qmSpec: Record<string, unknown> = {}, { messageTruth = true, leaseSeconds = 4, breaks = {} as Record<string, string[]> } = {}): Promise<MqTestLab> {
  const topology = parseTopology(
    {
      name: 'mq-test',
      messageTruth,
      sshUser: 'mqm',
      hosts: { mq1: { breaks: breaks.mq1 ?? [] }, mq2: { breaks: breaks.mq2 ?? [] }, nfs1: { role: 'nfs-server' } },
      nfs: { server: 'nfs1', leaseSeconds },
      queueManagers: { QM1: { instances: ['mq1', 'mq2'], standbyPollMs: 100, logReplayMs: 150, shutdownMs: 100, ...qmSpec } },
    },
    'mq-test-topology.yaml',
  );
  const estate = new LabEstate(topology, systemClock);
  const events: TruthEvent[] = [];
  const waiters: { matches: (event: TruthEvent) => boolean; resolve: (event: TruthEvent) => void }[] = [];
  estate.onEvent((event) => {
    events.push(event);
    for (const waiter of waiters.splice(0)) {
      if (waiter.matches(event)) waiter.resolve(event);
      else waiters.push(waiter);
    }
  });
  const mq = new LabMqService(estate);
  await mq.start();
  await estate.startConfiguredInstances();
  // The listener opens once at start to reserve its port; wait for the active's own open.
  const listening = (): boolean => mq.listenerOn('QM1', 'mq1')?.listening === true;
  if (!listening()) await new Promise<void>((resolve) => waiters.push({ matches: (e) => e.event === 'mq-listener' && e.host === 'mq1' && listening(), resolve: () => resolve() }));

  const iniFile = join(mkdtempSync(join(tmpdir(), 'mqchaos-mqclient-')), 'mqclient.ini');
  writeFileSync(iniFile, 'CHANNELS:\n  ReconDelay=(50)(100)(200)\n  MQReconnectTimeout=2\n');
  return {
    estate,
    mq,
    events,
    clientEnv: { MQCLNTCF: iniFile },
    connectionName: (hosts) => hosts.map((host) => `127.0.0.1(${mq.listenerPorts('QM1')[host] ?? 1})`).join(','),
    killController(host) {
      const controller = estate.host(host).processes.list().find((p) => p.command.includes('/amqzxma0 -m QM1'));
      if (!controller) throw new Error(`no execution controller of QM1 on ${host}`);
      estate.host(host).signal(controller.pid, 'KILL', 'root');
    },
    waitForEvent(matches, timeoutMs = 15_000) {
      const seen = events.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching truth event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ matches, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    async stop() {
      await mq.stop();
      estate.stop();
    },
  };
}

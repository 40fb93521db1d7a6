import { LabCluster } from '../../lab/cluster/lab-cluster.ts';
import { LabEstate } from '../../lab/lab-estate.ts';
import type { ClusterTarget } from '../../lab/mq/cluster-router.ts';
import { LabMqService } from '../../lab/mq/lab-mq-service.ts';
import type { StoredMessage } from '../../lab/mq/message-queue.ts';
import { MQC } from '../../lab/mq/mq-constants.ts';
import { WIRE } from '../../lab/mq/wire-protocol.ts';
import { parseTopology, type Topology } from '../../lab/topology.ts';
import type { TruthEvent } from '../../lab/truth-log.ts';
import { systemClock, type Clock } from '../../lab/clock.ts';
import { VirtualClock } from '../../lab/virtual-clock.ts';

export interface ClusterTestEstate {
  estate: LabEstate;
  /** The virtual clock; on the real clock (`realClock`) advancing it is an error. */
  clock: VirtualClock;
  mq: LabMqService;
  cluster: LabCluster;
  topology: Topology;
  events: TruthEvent[];
  /** MQOPEN for output on `qm` as an application would (bind options, ObjectQMgrName); throws with the reason when refused. */
  open(qm: string, queue: string, options?: { bind?: 'on-open' | 'not-fixed' | 'as-q-def'; objectQmgr?: string }): ClusterTarget;
  /** MQPUT through an open target, outside syncpoint; the stored message or the reason code it failed with. */
  put(qm: string, target: ClusterTarget, persistent?: boolean): StoredMessage | number;
  /** Moves the virtual clock on, a step at a time so that timers chain. */
  advance(ms: number, stepMs?: number): void;
  stop(): Promise<void>;
}

/**
 * A cluster of `members` queue managers (QM1..QMn on hosts h1..hn, QM1 and QM2 the full
 * repositories) on a virtual clock, with APP.Q instances where `instances` says. Channel
 * timings are the test's, in ms. Puts go through the cluster router as a session's would.
 */
export async function startClusterTestEstate(options: {
  members?: number;
  instances?: string[];
  channels?: Record<string, number>;
  queue?: Record<string, unknown>;
  memberAttributes?: Record<string, Record<string, unknown>>;
  workload?: Record<string, unknown>;
  /** Run on the system clock, so that MQ clients in other processes see channels move. */
  realClock?: boolean;
} = {}): Promise<ClusterTestEstate> {
  const count = options.members ?? 4;
  const names = Array.from({ length: count }, (_, i) => `QM${i + 1}`);
  const hosts: Record<string, unknown> = { nfs1: { role: 'nfs-server', address: '10.0.0.5' } };
  const queueManagers: Record<string, unknown> = {};
  names.forEach((name, i) => {
    hosts[`h${i + 1}`] = { address: `10.0.1.${i + 1}` };
    queueManagers[name] = { instances: [`h${i + 1}`], logReplayMs: 10, shutdownMs: 20, standbyPollMs: 100 };
  });
  const topology = parseTopology(
    {
      name: 'cluster-test',
      sshUser: 'mqm',
      hosts,
      nfs: { server: 'nfs1', leaseSeconds: 30 },
      queueManagers,
      clusters: {
        DEMO: {
          repositories: ['QM1', 'QM2'],
          channels: { shortRetry: 3, shortTimerMs: 100, longRetry: 2, longTimerMs: 500, discIntMs: 10_000, heartbeatMs: 50, startMs: 5, bindMs: 10, stopMs: 10, ...options.channels },
          queues: { 'APP.Q': { instances: options.instances ?? ['QM3', 'QM4'], ...options.queue } },
          ...(options.memberAttributes ? { queueManagers: options.memberAttributes } : {}),
          ...(options.workload ? { workload: options.workload } : {}),
        },
      },
    },
    'cluster-test.yaml',
  );
  const clock = new VirtualClock();
  const estate = new LabEstate(topology, options.realClock ? (systemClock as Clock) : clock);
  const events: TruthEvent[] = [];
  estate.onEvent((event) => events.push(event));
  const mq = new LabMqService(estate);
  const cluster = new LabCluster(estate, mq, topology.clusters[0]!);
  await mq.start();
  const started = estate.startConfiguredInstances();
  if (!options.realClock) clock.advanceBy(20);
  await started;

  const bindOption = { 'on-open': MQC.MQOO_BIND_ON_OPEN, 'not-fixed': MQC.MQOO_BIND_NOT_FIXED, 'as-q-def': 0 };
  return {
    estate,
    clock,
    mq,
    cluster,
    topology,
    events,
    open(qm, queue, { bind = 'as-q-def', objectQmgr = '' } = {}) {
      const resolved = cluster.resolveOpen(qm, queue, objectQmgr, MQC.MQOO_OUTPUT | bindOption[bind]);
      if (!resolved) throw new Error(`${queue} is not a cluster destination from ${qm}`);
      if ('reason' in resolved) throw new Error(`MQOPEN ${queue} on ${qm}: reason ${resolved.reason}`);
      return resolved.target;
    },
    put(qm, target, persistent = true) {
      const choice = cluster.route(qm, target);
      if (choice.kind === 'failed') return choice.reason;
      const queue = choice.kind === 'local' ? choice.queue : choice.transmitQueue;
      const md = Buffer.alloc(WIRE.MD_BYTES);
      mq.storeOf(qm)!.writeNewMsgId(md, WIRE.MD_MSG_ID);
      const message = queue.append(md, Buffer.from('body'), persistent, 0, 'available');
      choice.enqueued(message);
      mq.waitsOf(qm)!.wake(queue);
      return message;
    },
    advance(ms, stepMs = 5) {
      for (let done = 0; done < ms; done += stepMs) clock.advanceBy(Math.min(stepMs, ms - done));
    },
    async stop() {
      await mq.stop();
      estate.stop();
    },
  };
}

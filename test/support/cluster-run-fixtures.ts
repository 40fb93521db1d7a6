import type { ClusterObservation, ClusterResultFields } from '../../checkers/cluster-observations.ts';
import type { ScenarioResult, SuiteResult } from '../../checkers/result-document.ts';

/**
 * A hand-written cluster run for the report's tests: QM3, which holds an instance of
 * APP.CLUSTER.Q beside QM2's, is stopped for 12 s while QM1 and QM4 send to the queue.
 * Bind-on-open and fully qualified messages for QM3 wait on each sender's
 * SYSTEM.CLUSTER.TRANSMIT.QUEUE (20 a second on QM1, 10 on QM4) until QM3 is back, then drain
 * in two seconds; the cluster-sender channels to QM3 go RETRYING and come back RUNNING.
 */
export const CLUSTER_T0_MS = Date.parse('2026-12-01T09:00:00.000Z');
const at = (seconds: number) => CLUSTER_T0_MS + Math.round(seconds * 1000);
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

/** Whole seconds from −5 to +20 around the fault; QM3 is down from 0 to 12. */
const SECONDS = Array.from({ length: 26 }, (_, index) => index - 5);
const DOWN = (second: number) => second >= 0 && second < 12;

function buildup(second: number, perSecond: number): number {
  if (second < 0) return 0;
  if (second <= 12) return perSecond * second;
  return Math.max(0, perSecond * 12 - perSecond * 6 * (second - 12));
}

/** `peakOnQm1`: what QM1's transmit queue holds when QM3 comes back (it fills evenly over the 12 s). */
export function clusterObservations(peakOnQm1 = 240): ClusterObservation[] {
  const observations: ClusterObservation[] = [];
  const qm1PerSecond = peakOnQm1 / 12;
  for (const second of SECONDS) {
    const t = at(second);
    observations.push({ k: 'xmitq', t, sender: 'QM1', ok: true, depth: buildup(second, qm1PerSecond), byChannel: { 'CLUS.TO.QM3': buildup(second, qm1PerSecond) } });
    observations.push({ k: 'xmitq', t: t + 40, sender: 'QM4', ok: true, depth: buildup(second, 10), byChannel: { 'CLUS.TO.QM3': buildup(second, 10) } });
    for (const sender of ['QM1', 'QM4']) {
      const toQm3 = second < 1 || second >= 13 ? 'RUNNING' : second === 12 ? 'STARTING' : 'RETRYING';
      observations.push({ k: 'chstatus', t: t + 80, sender, channel: 'CLUS.TO.QM3', ok: true, status: toQm3 });
      observations.push({ k: 'chstatus', t: t + 80, sender, channel: 'CLUS.TO.QM2', ok: true, status: 'RUNNING', msgs: 100 + second * 15 });
    }
    observations.push({ k: 'qstatus', t: t + 120, queueManager: 'QM2', queue: 'APP.CLUSTER.Q', ok: true, depth: 4 + (DOWN(second) ? 6 : 0), ipprocs: 1 });
    observations.push(
      DOWN(second)
        ? { k: 'qstatus', t: t + 120, queueManager: 'QM3', queue: 'APP.CLUSTER.Q', ok: false, error: 'AMQ8146E: IBM MQ queue manager not available.' }
        : { k: 'qstatus', t: t + 120, queueManager: 'QM3', queue: 'APP.CLUSTER.Q', ok: true, depth: second === 13 ? 40 : 3, ipprocs: 1 },
    );
  }
  return observations;
}

export function clusterScenarioResult(runId = 'run-cluster-1', peakOnQm1 = 240): ScenarioResult & ClusterResultFields {
  return {
    schemaVersion: 1,
    runId,
    suite: 'cluster-bind-comparison',
    scenario: 'stop-qm3-bind-comparison',
    queueManager: 'QM3',
    harnessStatus: 'completed',
    fault: { kind: 'stop-member', target: { queueManager: 'QM3', host: 'mq3', mode: 'immediate' } },
    failover: {
      faultAt: iso(0),
      oldActiveHost: null,
      oldInstanceEndedAt: null,
      newActiveHost: null,
      newInstanceActiveAt: null,
      instanceFailoverSeconds: null,
      probeIntervalMs: 1000,
    },
    messages: null,
    events: [
      { at: iso(0), kind: 'fault-injected', summary: 'endmqm -i QM3 on mq3', host: 'mq3' },
      { at: iso(12), kind: 'fault-restored', summary: 'strmqm QM3 on mq3; CLUS.TO.QM3 RUNNING from QM1 and QM4', host: 'mq3' },
    ],
    recovery: { ok: true, actions: ['strmqm QM3 on mq3'] },
    expectation: { verdict: 'pass', failures: [], missing: [], source: '{"properties":{"transmit":{}}}' },
    verdict: 'pass',
    transmit: {
      QM1: { baseline: 0, peakDepth: peakOnQm1, depthAtRecovery: peakOnQm1, drainSeconds: 2, stuckMessages: 0, channels: {} },
      QM4: { baseline: 0, peakDepth: 120, depthAtRecovery: 120, drainSeconds: 2, stuckMessages: 0, channels: {} },
    },
    channels: {
      QM1: { 'CLUS.TO.QM3': { timeInRetryingSeconds: 11, endedStopped: false, statusTimeline: [], reachedLongRetry: false, messagesMoved: 490 } },
      QM4: { 'CLUS.TO.QM3': { timeInRetryingSeconds: 11, endedStopped: false, statusTimeline: [], reachedLongRetry: false, messagesMoved: 245 } },
    },
    routing: {
      'orders-bound': { bind: 'on-open', deliveredTo: { QM2: 510, QM3: 490 } },
      'orders-balanced': { bind: 'not-fixed', deliveredTo: { QM2: 760, QM3: 240 } },
      'orders-to-qm3': { bind: 'qualified', deliveredTo: { QM3: 1000 } },
    },
  };
}

export function clusterSuiteResult(runId = 'run-cluster-1', startedAt = iso(-10), peakOnQm1 = 240): SuiteResult {
  return {
    schemaVersion: 1,
    runId,
    suite: 'cluster-bind-comparison',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 40_000).toISOString(),
    verdict: 'pass',
    estateDirty: false,
    scenarios: [clusterScenarioResult(runId, peakOnQm1)],
  };
}

import { activityInfo, cancellationSignal, heartbeat, sleep } from '@temporalio/activity';
import type { HealthAttempt } from '../../checkers/health-attempts.ts';
import type { EstateSpec, HealthCheckSpec } from '../../suites/suite-model.ts';
import { resolveClientEndpoint } from '../mq/client-endpoint.ts';
import { readRecordedFaultAt } from '../../records/event-log.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { healthFile } from '../../records/run-layout.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { createHealthCheck, type HealthCheck } from './health-check.ts';

export interface WatchHealthRequest {
  scenarioDir: string;
  check: HealthCheckSpec;
  estate: EstateSpec;
  /** The scenario's queue manager: what the MQI checks connect to. */
  queueManager: string;
  /** Without a failed attempt after the fault, stop once this long has passed since the fault (the observation window). */
  quietWindowMs: number;
  /** Stop when no fault has been recorded this long after the watch started (the injection failed or never came). */
  faultDueWithinMs: number;
}

export interface HealthWatchSummary {
  probe: string;
  attempts: number;
  endedBy: 'recovered' | 'never-failed' | 'timeout' | 'no-fault';
}

interface HealthProgress {
  attempts: number;
  /** When the watch first started (a retried activity keeps it). */
  startedAt: number;
  /** End of the latest failed attempt; null when none failed. */
  lastFailureAt: number | null;
}

const START_HEARTBEAT_MS = 1_000;

/**
 * Polls one health check from before the fault (the workflow starts it with the baseline),
 * at its interval on a fixed schedule, recording every attempt. It learns the fault time
 * from the scenario's recorded `fault-injected` event and stops at the first success after
 * a failure that ended after the fault (the service is back), or — when none failed — once
 * the observation window has passed on a success, or at the check's timeout. The checker
 * (checkers/health-measurement.ts) times it from the file.
 */
export async function watchHealth(ssh: SshPool, request: WatchHealthRequest): Promise<HealthWatchSummary> {
  const { check } = request;
  const progress: HealthProgress = (activityInfo().heartbeatDetails as HealthProgress | undefined) ?? { attempts: 0, startedAt: Date.now(), lastFailureAt: null };
  const signal = cancellationSignal();
  const healthCheck = createCheck(ssh, request);
  const summary = (endedBy: HealthWatchSummary['endedBy']): HealthWatchSummary => ({ probe: check.name, attempts: progress.attempts, endedBy });
  try {
    const beating = setInterval(() => heartbeat(progress), START_HEARTBEAT_MS);
    try {
      await healthCheck.start?.(signal);
    } finally {
      clearInterval(beating);
    }
    const scheduleFrom = Date.now();
    let faultAt: number | null = null;
    for (;;) {
      const startedAt = Date.now();
      const outcome = await healthCheck.attempt(signal);
      const attempt: HealthAttempt = { probe: check.name, startedAt, endedAt: Date.now(), ok: outcome.ok };
      if (outcome.error !== undefined) attempt.error = outcome.error;
      if (outcome.reasonCode !== undefined) attempt.reasonCode = outcome.reasonCode;
      await appendJsonLines(healthFile(request.scenarioDir), [attempt]);
      progress.attempts += 1;
      if (!outcome.ok) progress.lastFailureAt = attempt.endedAt;
      heartbeat(progress);
      faultAt ??= await readRecordedFaultAt(request.scenarioDir);
      if (faultAt === null) {
        if (attempt.endedAt >= progress.startedAt + request.faultDueWithinMs) return summary('no-fault');
      } else {
        const failedSinceFault = progress.lastFailureAt !== null && progress.lastFailureAt >= faultAt;
        if (outcome.ok && failedSinceFault) return summary('recovered');
        if (outcome.ok && attempt.endedAt >= faultAt + request.quietWindowMs) return summary('never-failed');
        if (attempt.endedAt >= faultAt + check.timeoutMs) return summary('timeout');
      }
      const elapsed = Date.now() - scheduleFrom;
      await sleep(Math.max(0, (Math.floor(elapsed / check.intervalMs) + 1) * check.intervalMs - elapsed));
    }
  } finally {
    await healthCheck.close?.();
  }
}

function createCheck(ssh: SshPool, request: WatchHealthRequest): HealthCheck {
  const { check, estate } = request;
  if (check.kind === 'command') {
    const host = estate.hosts[check.host];
    return createHealthCheck(check, { ssh, ...(host ? { host } : {}) });
  }
  return createHealthCheck(check, { ssh, endpoint: resolveClientEndpoint(estate, request.queueManager, check.channel) });
}

import { activityInfo, cancellationSignal, heartbeat, sleep } from '@temporalio/activity';
import type { HealthAttempt } from '../../checkers/health-attempts.ts';
import type { HealthCheckSpec, HostSpec } from '../../suites/suite-model.ts';
import { appendJsonLines } from '../record/artifact-files.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { createHealthCheck } from './health-check.ts';
import { join } from 'node:path';

export interface WatchHealthRequest {
  scenarioDir: string;
  check: HealthCheckSpec;
  host: HostSpec;
  /** Epoch ms of the fault; the check's timeout counts from here. */
  faultAt: number;
  /** Without any failed attempt, stop once this long has passed since the fault (the observation window). */
  quietWindowMs: number;
}

export interface HealthWatchSummary {
  probe: string;
  attempts: number;
  endedBy: 'recovered' | 'never-failed' | 'timeout';
}

interface HealthProgress {
  attempts: number;
  sawFailure: boolean;
}

export function healthFile(scenarioDir: string): string {
  return join(scenarioDir, 'health.jsonl');
}

/**
 * Polls one health check from the fault, at its interval on a fixed schedule, recording
 * every attempt. It stops at the first success after a failure (the service is back), or —
 * when no attempt has failed — once the observation window has passed on a success, or at
 * the check's timeout. The checker (checkers/health-measurement.ts) times it from the file.
 */
export async function watchHealth(ssh: SshPool, request: WatchHealthRequest): Promise<HealthWatchSummary> {
  const { check } = request;
  const progress: HealthProgress = (activityInfo().heartbeatDetails as HealthProgress | undefined) ?? { attempts: 0, sawFailure: false };
  const healthCheck = createHealthCheck(check, { ssh, host: request.host });
  const signal = cancellationSignal();
  const deadline = request.faultAt + check.timeoutMs;
  const summary = (endedBy: HealthWatchSummary['endedBy']): HealthWatchSummary => ({ probe: check.name, attempts: progress.attempts, endedBy });
  for (;;) {
    const startedAt = Date.now();
    const outcome = await healthCheck.attempt(signal);
    const attempt: HealthAttempt = { probe: check.name, startedAt, endedAt: Date.now(), ok: outcome.ok };
    if (outcome.error !== undefined) attempt.error = outcome.error;
    await appendJsonLines(healthFile(request.scenarioDir), [attempt]);
    progress.attempts += 1;
    heartbeat(progress);
    if (outcome.ok && progress.sawFailure) return summary('recovered');
    if (!outcome.ok) progress.sawFailure = true;
    if (outcome.ok && Date.now() >= request.faultAt + request.quietWindowMs) return summary('never-failed');
    if (Date.now() >= deadline) return summary('timeout');
    const elapsed = Date.now() - request.faultAt;
    await sleep(Math.max(0, (Math.floor(elapsed / check.intervalMs) + 1) * check.intervalMs - elapsed));
  }
}

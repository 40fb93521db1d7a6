import type { HealthAttempt } from '../../checkers/health-attempts.ts';
import type { HealthCheckSpec, HostSpec } from '../../suites/suite-model.ts';
import { ensureHealthQueue } from '../mq/health-queue.ts';
import { recordEvent } from '../../records/event-log.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { healthFile } from '../../records/run-layout.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

export interface PrepareHealthRequest {
  scenarioDir: string;
  queueManager: string;
  /** The host of the active instance, where runmqsc reaches the queue manager. */
  activeHost: HostSpec;
  checks: HealthCheckSpec[];
}

export interface PreparedHealthChecks {
  /** The checks to watch; a check that cannot run is left out, with the reason recorded as its one failed attempt. */
  watch: string[];
}

/**
 * The preflight of the health checks, before anything is injected: the PUT/GET check's test
 * queue must exist with DEFPSIST(YES). A missing queue is defined when the check allows it;
 * otherwise the check cannot run, which its result says (timeToHealthySeconds null, the
 * reason as lastError) rather than failing the scenario. A queue with DEFPSIST(NO) is an
 * operational error (HealthQueueUnsuitableError): the check would prove nothing.
 */
export async function prepareHealthChecks(ssh: SshPool, request: PrepareHealthRequest): Promise<PreparedHealthChecks> {
  const watch: string[] = [];
  const { queueManager, activeHost, scenarioDir } = request;
  for (const check of request.checks) {
    if (check.kind !== 'put-get') {
      watch.push(check.name);
      continue;
    }
    const startedAt = Date.now();
    const state = await ensureHealthQueue(ssh, activeHost, queueManager, check.queue, check.createQueue);
    const where = `(runmqsc on ${activeHost.name})`;
    if (state === 'missing') {
      const error = `test queue ${check.queue} is not defined on ${queueManager} (AMQ8147E) and createQueue is not set: the PUT/GET check cannot run`;
      const attempt: HealthAttempt = { probe: check.name, startedAt, endedAt: Date.now(), ok: false, error };
      await appendJsonLines(healthFile(scenarioDir), [attempt]);
      await recordEvent(scenarioDir, { kind: 'observation', host: activeHost.name, summary: `health check ${check.name}: ${error} ${where}` });
      continue;
    }
    const what = state === 'created' ? `defined ${check.queue} with DEFPSIST(YES)` : `${check.queue} has DEFPSIST(YES)`;
    await recordEvent(scenarioDir, { kind: 'observation', host: activeHost.name, summary: `health check ${check.name}: ${what} on ${queueManager} ${where}` });
    watch.push(check.name);
  }
  return { watch };
}

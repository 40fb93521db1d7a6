import type { HealthCheckSpec } from './suite-model.ts';

/** A health check as written in a suite (schema: suite.schema.json#/definitions/healthCheck): exactly one kind key. */
export interface RawHealthCheck {
  name: string;
  command?: { host: string; run: string[]; expect: string };
  putGet?: { queue?: string; createQueue?: boolean; channel?: string };
  clientConnect?: { channel?: string };
  intervalMs?: number;
  timeoutSeconds?: number;
  attemptTimeoutMs?: number;
}

const DEFAULT_INTERVAL_MS = 250;
const DEFAULT_TIMEOUT_SECONDS = 120;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEALTH_QUEUE = 'MQCHAOS.HEALTH';

/** Defaults applied, durations in milliseconds. */
export function compileHealthChecks(raw: readonly RawHealthCheck[]): HealthCheckSpec[] {
  return raw.map((check): HealthCheckSpec => {
    const timing = {
      name: check.name,
      intervalMs: check.intervalMs ?? DEFAULT_INTERVAL_MS,
      timeoutMs: Math.round((check.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000),
      attemptTimeoutMs: check.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    };
    if (check.command) return { ...timing, kind: 'command', host: check.command.host, argv: [...check.command.run], expect: check.command.expect };
    if (check.putGet) {
      const { queue = DEFAULT_HEALTH_QUEUE, createQueue = false, channel } = check.putGet;
      return { ...timing, kind: 'put-get', queue, createQueue, ...(channel === undefined ? {} : { channel }) };
    }
    const channel = check.clientConnect?.channel;
    return { ...timing, kind: 'client-connect', ...(channel === undefined ? {} : { channel }) };
  });
}

import type { HealthCheckSpec } from './suite-model.ts';

/** A health check as written in a suite (schema: suite.schema.json#/definitions/healthCheck). */
export interface RawHealthCheck {
  name: string;
  command: { host: string; run: string[]; expect: string };
  intervalMs?: number;
  timeoutSeconds?: number;
  attemptTimeoutMs?: number;
}

const DEFAULT_INTERVAL_MS = 250;
const DEFAULT_TIMEOUT_SECONDS = 120;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;

/** Defaults applied, durations in milliseconds. */
export function compileHealthChecks(raw: readonly RawHealthCheck[]): HealthCheckSpec[] {
  return raw.map((check) => ({
    name: check.name,
    kind: 'command',
    host: check.command.host,
    argv: [...check.command.run],
    expect: check.command.expect,
    intervalMs: check.intervalMs ?? DEFAULT_INTERVAL_MS,
    timeoutMs: Math.round((check.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000),
    attemptTimeoutMs: check.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
  }));
}

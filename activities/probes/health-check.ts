import type { HealthCheckSpec, HostSpec } from '../../suites/suite-model.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

/** One attempt's outcome; `error` says why it was not healthy. */
export interface HealthCheckOutcome {
  ok: boolean;
  error?: string;
}

/**
 * A health check the probe can attempt again and again. The `command` kind runs an SSH
 * command; the MQI kinds (a PUT/GET on a DEFPSIST(YES) test queue, a client connection
 * through the listener) implement the same interface over activities/mq's MQI session and
 * plug in here as further cases of `createHealthCheck`.
 */
export interface HealthCheck {
  attempt(signal: AbortSignal): Promise<HealthCheckOutcome>;
}

export interface HealthCheckDeps {
  ssh: SshPool;
  /** The estate host the check runs on / against. */
  host: HostSpec;
}

export function createHealthCheck(spec: HealthCheckSpec, deps: HealthCheckDeps): HealthCheck {
  switch (spec.kind) {
    case 'command':
      return createCommandCheck(spec, deps);
  }
}

/** Healthy when the command exits 0 and its standard output matches `expect`. */
function createCommandCheck(spec: HealthCheckSpec, { ssh, host }: HealthCheckDeps): HealthCheck {
  const expect = new RegExp(spec.expect);
  return {
    async attempt(signal) {
      try {
        const result = await ssh.run(host, spec.argv, { timeoutMs: spec.attemptTimeoutMs, signal });
        if (result.exitCode === 0 && expect.test(result.stdout)) return { ok: true };
        const said = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
        return { ok: false, error: `exit ${result.exitCode ?? result.exitSignal}: ${said}` };
      } catch (err) {
        signal.throwIfAborted();
        return { ok: false, error: (err as Error).message };
      }
    },
  };
}

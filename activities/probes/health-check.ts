import type { CommandHealthCheck, HealthCheckSpec, HostSpec } from '../../suites/suite-model.ts';
import type { ClientEndpoint } from '../mq/client-endpoint.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { createMqiHealthCheck } from './mqi-health-check.ts';

/** One attempt's outcome; `error` says why it was not healthy, `reasonCode` the MQ reason of a failed MQI call. */
export interface HealthCheckOutcome {
  ok: boolean;
  error?: string;
  reasonCode?: number;
}

/**
 * A health check the probe can attempt again and again. The `command` kind runs an SSH
 * command; the MQI kinds (a PUT/GET on a DEFPSIST(YES) test queue, a client connection
 * through the listener) run in a probe process of their own (mqi-health-check.ts), which
 * `start` sets up before the first attempt and `close` ends.
 */
export interface HealthCheck {
  start?(signal: AbortSignal): Promise<void>;
  attempt(signal: AbortSignal): Promise<HealthCheckOutcome>;
  close?(): Promise<void>;
}

/** What a check reaches: the estate host of a command, or the queue manager's client endpoint. */
export interface HealthCheckTarget {
  ssh: SshPool;
  host?: HostSpec;
  endpoint?: ClientEndpoint;
}

export function createHealthCheck(spec: HealthCheckSpec, target: HealthCheckTarget): HealthCheck {
  if (spec.kind === 'command') {
    if (!target.host) throw new Error(`health check ${spec.name}: no estate host ${spec.host}`);
    return createCommandCheck(spec, target.ssh, target.host);
  }
  if (!target.endpoint) throw new Error(`health check ${spec.name}: no client endpoint for the queue manager`);
  return createMqiHealthCheck(spec, target.endpoint);
}

/** Healthy when the command exits 0 and its standard output matches `expect`. */
function createCommandCheck(spec: CommandHealthCheck, ssh: SshPool, host: HostSpec): HealthCheck {
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

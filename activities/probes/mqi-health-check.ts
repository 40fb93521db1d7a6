import type { MqiHealthCheck } from '../../suites/suite-model.ts';
import type { ClientEndpoint } from '../mq/client-endpoint.ts';
import type { ConnectOptions } from '../mq/mqi-session.ts';
import type { HealthCheck } from './health-check.ts';
import type { MqiAttemptPlan } from './mqi-probe-ipc.ts';
import { MqiProbeProcess } from './mqi-probe-process.ts';

const PROBE_START_TIMEOUT_MS = 30_000;
/** Part of the attempt's time the process keeps for answering after its MQGET wait. */
const ANSWER_MARGIN_MS = 200;

/**
 * The MQI health checks (`put-get`, `client-connect`) behind the HealthCheck interface: one
 * probe process for the whole watch, started before the first attempt and killed at the end
 * or on cancellation. An attempt that does not answer in time counts as failed; its process
 * is killed and the next attempt starts a new one.
 */
export function createMqiHealthCheck(spec: MqiHealthCheck, endpoint: ClientEndpoint): HealthCheck {
  const connect: ConnectOptions = {
    queueManager: endpoint.queueManager,
    channel: endpoint.channel,
    connectionNames: endpoint.connectionNames,
    reconnect: 'disabled',
    applName: `mqchaos health ${spec.name}`,
  };
  const planAttempt = (): MqiAttemptPlan =>
    spec.kind === 'client-connect'
      ? { kind: 'client-connect', connect }
      : { kind: 'put-get', connect, queue: spec.queue, answerByMs: Date.now() + Math.max(0, spec.attemptTimeoutMs - ANSWER_MARGIN_MS) };
  let probe: MqiProbeProcess | null = null;
  const ensureProbe = async (signal: AbortSignal): Promise<MqiProbeProcess> => {
    if (!probe?.usable) {
      probe?.kill();
      probe = await MqiProbeProcess.start(endpoint.libraryDir, PROBE_START_TIMEOUT_MS, signal);
    }
    return probe;
  };
  return {
    async start(signal) {
      await ensureProbe(signal);
    },
    async attempt(signal) {
      return (await ensureProbe(signal)).attempt(planAttempt(), spec.attemptTimeoutMs, signal);
    },
    async close() {
      probe?.kill();
      probe = null;
    },
  };
}

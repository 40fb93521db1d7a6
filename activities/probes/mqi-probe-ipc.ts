import type { ConnectOptions } from '../mq/mqi-session.ts';
import type { HealthCheckOutcome } from './health-check.ts';

/**
 * What the health probe's MQI process (mqi-probe-main.ts) is told and tells back over its IPC
 * channel. The activity sends `start` once, then one `attempt` at a time; the process answers
 * `ready` once the client library is loaded (or `failed`), then one `result` per attempt.
 */
export type MqiAttemptPlan =
  | { kind: 'client-connect'; connect: ConnectOptions }
  | {
      kind: 'put-get';
      connect: ConnectOptions;
      queue: string;
      /** Epoch ms by which the attempt must answer: the MQGET waits at most until then. */
      answerByMs: number;
    };

export type ToProbe = { type: 'start'; libraryDir: string | null } | { type: 'attempt'; id: number; plan: MqiAttemptPlan };

export type FromProbe = { type: 'ready' } | { type: 'failed'; error: string } | { type: 'result'; id: number; outcome: HealthCheckOutcome };

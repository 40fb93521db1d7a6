import { randomBytes } from 'node:crypto';
import type { MqiModule } from '../mq/mqi-module.ts';
import { MqiCallError, MqiSession, type ConnectOptions, type MqiQueue } from '../mq/mqi-session.ts';
import type { HealthCheckOutcome } from './health-check.ts';

const MQRC_UNKNOWN_OBJECT_NAME = 2085;

/**
 * The MQI health checks, run in the probe's own process (synchronous MQI calls). Every
 * attempt makes a new client connection with automatic reconnection disabled, so it sees the
 * queue manager as a newly started application would, and ends it before answering.
 */

/** MQCONNX and MQDISC: healthy when the connection is accepted (a failed MQDISC does not undo that). */
export function attemptClientConnect(mq: MqiModule, connect: ConnectOptions): HealthCheckOutcome {
  try {
    disconnectQuietly(MqiSession.connect(mq, connect));
    return { ok: true };
  } catch (error) {
    return failedWith(error);
  }
}

/**
 * The HA cluster manager's PUT/GET test: a persistent message with a unique body put outside
 * syncpoint, got back by its MsgId on the same connection and compared. Every message it puts
 * carries this probe's CorrelId; once an attempt succeeds after one that may have left its
 * message on the queue (the connection broke, or the get timed out), the probe takes those
 * back by CorrelId, so a failover does not leave test messages behind.
 */
export class PutGetProbe {
  private readonly correlId = randomBytes(24);
  private sequence = 0;
  private mayHaveLeftMessages = false;

  constructor(
    private readonly mq: MqiModule,
    private readonly connect: ConnectOptions,
    private readonly queueName: string,
  ) {}

  attempt(answerByMs: number): HealthCheckOutcome {
    let session: MqiSession | undefined;
    try {
      session = MqiSession.connect(this.mq, this.connect);
      const queue = session.open({ queue: this.queueName, bind: 'as-q-def', output: true, input: true });
      const body = Buffer.from(`mqchaos health check ${this.correlId.toString('hex')} #${++this.sequence} ${new Date().toISOString()}`);
      this.mayHaveLeftMessages = true;
      const msgId = queue.put(body, { persistent: true, syncpoint: false, correlId: this.correlId });
      const buffer = Buffer.alloc(body.length + 1024);
      const waitMs = Math.max(0, answerByMs - Date.now());
      const got = queue.get(buffer, { waitMs, syncpoint: 'none', msgId });
      if (!got) return { ok: false, error: `the message put with MsgId ${msgId.toString('hex')} did not come back within ${waitMs} ms` };
      if (got.truncated || !buffer.subarray(0, got.length).equals(body)) {
        return { ok: false, error: `the message put with MsgId ${msgId.toString('hex')} came back changed (${got.length} bytes, ${body.length} put)` };
      }
      this.takeBackLeftMessages(queue, buffer);
      return { ok: true };
    } catch (error) {
      return failedWith(error, this.queueName);
    } finally {
      // MQDISC closes the queue too.
      if (session) disconnectQuietly(session);
    }
  }

  private takeBackLeftMessages(queue: MqiQueue, buffer: Buffer): void {
    if (!this.mayHaveLeftMessages) return;
    try {
      while (queue.get(buffer, { waitMs: 0, syncpoint: 'none', correlId: this.correlId })) {
        // another left-over test message taken
      }
      this.mayHaveLeftMessages = false;
    } catch (error) {
      if (!(error instanceof MqiCallError)) throw error;
      // Tried again after the next successful attempt.
    }
  }
}

function failedWith(error: unknown, queue?: string): HealthCheckOutcome {
  if (!(error instanceof MqiCallError)) throw error;
  const missing = error.rc === MQRC_UNKNOWN_OBJECT_NAME && queue ? ` (queue ${queue} is not defined)` : '';
  return { ok: false, error: `MQ${error.message}${missing}`, reasonCode: error.rc };
}

function disconnectQuietly(session: MqiSession): void {
  try {
    session.disconnect();
  } catch (error) {
    if (!(error instanceof MqiCallError)) throw error;
    // A connection that broke meanwhile still counts as accepted; MQDISC releases it anyway.
  }
}

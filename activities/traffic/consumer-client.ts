import { setImmediate as yieldToEvents, setTimeout as delay } from 'node:timers/promises';
import type { MqiModule } from '../mq/mqi-module.ts';
import { MqiCallError, type GotMessage } from '../mq/mqi-session.ts';
import { MQRC_BACKED_OUT, MQRC_CALL_INTERRUPTED, endsConnection } from '../mq/reason-meanings.ts';
import { ClientConnection, type ClientControl } from './client-connection.ts';
import { decodeBody, type DecodedBody } from './message-body.ts';
import { Pacer } from './pacer.ts';
import type { ClientSummary, ConsumerPlan } from './traffic-ipc.ts';
import { TrafficLogWriter } from './traffic-log-writer.ts';

const WORK_SLICE_MS = 20;
const RETRY_DELAY_MS = 50;

interface PendingGet {
  decoded: DecodedBody;
  t: number;
}

/**
 * A consumer modelled on amqsghac and amqsmhac: it gets with a wait; with a syncpoint batch
 * it gets persistent messages under syncpoint (MQGMO_SYNCPOINT_IF_PERSISTENT) and commits
 * every batch. What it got is written to its log only once final: at once outside syncpoint,
 * after MQCMIT inside; a backed-out unit of work is forgotten (the queue manager delivers it
 * again), one whose commit outcome is unknown is written as redeliverable. Told to stop, it
 * drains: it gets until the queue is empty (MQINQ CURDEPTH 0 after a get found nothing) or
 * its drain time is up, and writes the depth it saw.
 */
export class ConsumerClient {
  private readonly log: TrafficLogWriter;
  private readonly connection: ClientConnection;
  private readonly buffer: Buffer;
  private pending: PendingGet[] = [];
  private copies = 0;
  private drainDeadlineMs: number | null = null;
  private drained = false;
  private readonly pacer: Pacer;

  constructor(
    mq: MqiModule,
    private readonly plan: ConsumerPlan,
    private readonly control: ClientControl,
  ) {
    this.log = new TrafficLogWriter(plan.logFile, { k: 'consumer', id: plan.id, queue: plan.queue, qm: plan.connect.queueManager, syncpoint: plan.syncpoint, t: Date.now() }, plan.sliceMs);
    this.connection = new ClientConnection(mq, plan, this.log, control, { output: false, input: true });
    this.buffer = Buffer.alloc(plan.maxMessageBytes);
    this.pacer = new Pacer(plan.ratePerSecond);
  }

  get count(): number {
    return this.copies;
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  connect(): Promise<boolean> {
    return this.connection.establish(() => this.drainOver());
  }

  async run(): Promise<ClientSummary> {
    let reason: ClientSummary['reason'] = 'stopped';
    try {
      while (!this.drained) {
        if (this.control.stopRequested && this.drainDeadlineMs === null) this.drainDeadlineMs = Date.now() + this.plan.drainMs;
        if (this.control.aborted) reason = 'aborted';
        else if (Date.now() >= this.plan.hardDeadlineMs) reason = 'duration';
        else if (!this.drainOver()) {
          await this.workSlice();
          continue;
        }
        break;
      }
      if (!this.drained) this.log.addDrain(this.readDepth(), false);
    } catch (error) {
      return this.finish('error', error instanceof Error ? error.message : String(error));
    }
    return this.finish(reason);
  }

  private drainOver(): boolean {
    return this.drainDeadlineMs !== null && Date.now() >= this.drainDeadlineMs;
  }

  private finish(reason: ClientSummary['reason'], error?: string): ClientSummary {
    if (this.connection.connected) this.commitPending();
    this.connection.disconnect();
    this.log.end(this.copies, reason, error);
    return { id: this.plan.id, count: this.copies, connected: false, reason, ...(error === undefined ? {} : { error }) };
  }

  private async workSlice(): Promise<void> {
    const sliceEnd = Date.now() + WORK_SLICE_MS;
    while (Date.now() < sliceEnd && !this.drained && !this.connection.mustEnd() && !this.drainOver()) {
      if (!this.connection.connected && !(await this.connect())) return;
      // A slow consumer builds a backlog; draining is never paced.
      const waitMs = this.control.stopRequested ? 0 : this.pacer.waitMs();
      if (waitMs > 0) {
        await delay(Math.min(waitMs, WORK_SLICE_MS));
        return;
      }
      const startMs = performance.now();
      let message: GotMessage | null;
      try {
        message = this.connection.queue.get(this.buffer, { waitMs: this.plan.waitMs, syncpoint: this.plan.syncpoint > 0 ? 'if-persistent' : 'none' });
        this.connection.noteSuccess();
      } catch (error) {
        if (!(error instanceof MqiCallError)) throw error;
        await this.afterFailure(error);
        return;
      }
      const elapsedMs = performance.now() - startMs;
      if (message === null) {
        this.commitPending();
        if (this.control.stopRequested && this.connection.connected && this.readDepth() === 0) {
          this.drained = true;
          this.log.addDrain(0, true);
        }
        break;
      }
      if (elapsedMs > this.plan.blockedCallMs + this.plan.waitMs) this.connection.noteBlocked('GET', elapsedMs);
      this.pacer.took(1);
      this.take(message);
      this.connection.pollStatus();
    }
    await yieldToEvents();
  }

  private take(message: GotMessage): void {
    const decoded: DecodedBody = message.truncated
      ? { ok: false, why: 'length' }
      : decodeBody(this.buffer, message.length, message.correlId, this.plan.runId);
    const got = { decoded, t: Date.now() };
    if (this.plan.syncpoint > 0 && message.persistent) {
      this.pending.push(got);
      if (this.pending.length >= this.plan.syncpoint) this.commitPending();
    } else {
      this.write(got, false);
    }
  }

  /** Commits the unit of work and writes what it got; see the class comment for a failed commit. */
  private commitPending(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.connection.mqi.commit();
      for (const got of batch) this.write(got, false);
    } catch (error) {
      if (!(error instanceof MqiCallError)) throw error;
      this.connection.noteFailure(error);
      if (error.rc !== MQRC_BACKED_OUT) for (const got of batch) this.write(got, true);
      // As amqsmhac does: end whatever unit of work the queue manager may still hold for this connection.
      this.backOut();
    }
  }

  private backOut(): void {
    try {
      this.connection.mqi.backout();
    } catch {
      // a broken connection has backed the unit of work out already
    }
  }

  private write(got: PendingGet, redeliverable: boolean): void {
    this.copies += 1;
    const { decoded, t } = got;
    if (decoded.ok) {
      this.log.addGet(decoded.identity.producerId, decoded.identity.seq, decoded.identity.attempt, t, redeliverable);
      return;
    }
    const identity = decoded.identity;
    this.log.addCorrupt({ t, why: decoded.why, ...(identity && decoded.why !== 'other-run' ? { p: identity.producerId, s: identity.seq, a: identity.attempt } : {}) });
  }

  /** A failed get loses the unit of work in flight: the queue manager will deliver its messages again. */
  private async afterFailure(error: MqiCallError): Promise<void> {
    this.connection.noteFailure(error);
    if (this.pending.length > 0 || error.rc === MQRC_BACKED_OUT) {
      this.pending = [];
      this.backOut();
    }
    if (endsConnection(error.rc)) await this.connection.recoverFrom(error, () => this.drainOver());
    else if (error.rc !== MQRC_CALL_INTERRUPTED && error.rc !== MQRC_BACKED_OUT) await delay(RETRY_DELAY_MS);
  }

  private readDepth(): number | null {
    if (!this.connection.connected) return null;
    try {
      return this.connection.queue.inquire().currentDepth;
    } catch (error) {
      if (!(error instanceof MqiCallError)) throw error;
      this.connection.noteFailure(error);
      return null;
    }
  }
}

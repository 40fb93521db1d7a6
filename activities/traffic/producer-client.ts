import { setImmediate as yieldToEvents, setTimeout as delay } from 'node:timers/promises';
import { persistenceClassOf, type PutOutcome } from '../../checkers/traffic-log.ts';
import type { MqiModule } from '../mq/mqi-module.ts';
import { MqiCallError } from '../mq/mqi-session.ts';
import { MQRC_BACKED_OUT, MQRC_CALL_INTERRUPTED, endsConnection, failedCommitOutcome, failedPutOutcome } from '../mq/reason-meanings.ts';
import { ClientConnection, type ClientControl } from './client-connection.ts';
import { MessageTemplate } from './message-body.ts';
import { Pacer } from './pacer.ts';
import type { ClientSummary, ProducerPlan } from './traffic-ipc.ts';
import { TrafficLogWriter } from './traffic-log-writer.ts';

/** Longest a producer works between looks at its IPC channel. */
const WORK_SLICE_MS = 20;
const RETRY_DELAY_MS = 50;
const MAX_ATTEMPTS = 255;

/**
 * A producer modelled on IBM's HA samples. Outside syncpoint (amqsphac): a put that fails is
 * recorded failed or in doubt and put again as the next attempt of the same sequence number
 * until one is confirmed. In syncpoint (amqsfhac): a batch whose put or commit fails is
 * backed out and re-sent whole as the next attempt; a commit whose outcome is unknown makes
 * the batch in doubt. Bounded by its count, the stop request and the hard deadline.
 */
export class ProducerClient {
  private readonly log: TrafficLogWriter;
  private readonly connection: ClientConnection;
  private readonly message: MessageTemplate;
  private attempts = 0;
  private nextSeq = 1;
  private readonly pacer: Pacer;

  constructor(
    mq: MqiModule,
    private readonly plan: ProducerPlan,
    private readonly control: ClientControl,
  ) {
    this.log = new TrafficLogWriter(
      plan.logFile,
      { k: 'producer', id: plan.id, queue: plan.queue, persistence: plan.persistence, syncpoint: plan.syncpoint, sliceMs: plan.sliceMs, t: Date.now() },
      plan.sliceMs,
    );
    this.connection = new ClientConnection(mq, plan, this.log, control, { output: true, input: false });
    this.message = new MessageTemplate(plan.runId, plan.id, plan.messageBytes);
    this.pacer = new Pacer(plan.ratePerSecond);
  }

  get count(): number {
    return this.attempts;
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  /** Connects; false when it could not before being told to stop. */
  connect(): Promise<boolean> {
    return this.connection.establish(() => this.control.stopRequested);
  }

  async run(): Promise<ClientSummary> {
    let reason: ClientSummary['reason'] = 'stopped';
    try {
      while (true) {
        if (this.control.aborted) reason = 'aborted';
        else if (Date.now() >= this.plan.hardDeadlineMs) reason = 'duration';
        else if (this.plan.count !== null && this.nextSeq > this.plan.count) reason = 'count';
        else if (!this.control.stopRequested) {
          await this.workSlice();
          continue;
        }
        break;
      }
    } catch (error) {
      return this.finish('error', error instanceof Error ? error.message : String(error));
    }
    return this.finish(reason);
  }

  private finish(reason: ClientSummary['reason'], error?: string): ClientSummary {
    this.connection.disconnect();
    this.log.end(this.attempts, reason, error);
    return { id: this.plan.id, count: this.attempts, connected: false, reason, ...(error === undefined ? {} : { error }) };
  }

  /** Puts (or paces) for up to WORK_SLICE_MS, then lets the event loop deliver IPC. */
  private async workSlice(): Promise<void> {
    const sliceEnd = Date.now() + WORK_SLICE_MS;
    while (Date.now() < sliceEnd && !this.control.stopRequested && !this.connection.mustEnd()) {
      if (this.plan.count !== null && this.nextSeq > this.plan.count) break;
      const waitMs = this.pacer.waitMs();
      if (waitMs > 0) {
        await delay(Math.min(waitMs, WORK_SLICE_MS));
        return;
      }
      const batch = this.plan.syncpoint > 0 ? Math.min(this.plan.syncpoint, (this.plan.count ?? Infinity) - this.nextSeq + 1) : 1;
      if (this.plan.syncpoint > 0) await this.sendBatch(this.nextSeq, batch);
      else await this.sendOne(this.nextSeq);
      this.nextSeq += batch;
      this.connection.pollStatus();
    }
    await yieldToEvents();
  }

  private persistentAt(seq: number): boolean {
    return persistenceClassOf(this.plan.persistence, seq) === 'persistent';
  }

  private async sendOne(seq: number): Promise<void> {
    for (let attempt = 0; attempt <= MAX_ATTEMPTS; attempt++) {
      if (!this.connection.connected && !(await this.connect())) return;
      this.message.stamp(seq, attempt);
      const startMs = performance.now();
      const t = Date.now();
      try {
        this.connection.queue.put(this.message.body, { persistent: this.persistentAt(seq), syncpoint: false, correlId: this.message.correlId });
        this.pacer.took(1);
        this.record(seq, 1, attempt, 'c', undefined, t, startMs);
        this.connection.noteSuccess();
        return;
      } catch (error) {
        if (!(error instanceof MqiCallError)) throw error;
        this.record(seq, 1, attempt, failedPutOutcome(error.rc), error.rc, t, startMs);
        if (!(await this.afterFailure(error))) return;
      }
    }
  }

  private async sendBatch(first: number, size: number): Promise<void> {
    for (let attempt = 0; attempt <= MAX_ATTEMPTS; attempt++) {
      if (!this.connection.connected && !(await this.connect())) return;
      const startMs = performance.now();
      const t = Date.now();
      let putsDone = 0;
      const slowest = { ms: 0, verb: 'PUT' };
      const timed = (verb: string, run: () => void) => {
        const callStartMs = performance.now();
        try {
          run();
        } finally {
          const ms = performance.now() - callStartMs;
          if (ms > slowest.ms) Object.assign(slowest, { ms, verb });
        }
      };
      try {
        for (; putsDone < size; putsDone++) {
          // Paced put by put, so a unit of work stays open as long as an application's would.
          const waitMs = putsDone > 0 ? this.pacer.waitMs() : 0;
          if (waitMs > 0) await delay(waitMs);
          const seq = first + putsDone;
          this.message.stamp(seq, attempt);
          timed('PUT', () => this.connection.queue.put(this.message.body, { persistent: this.persistentAt(seq), syncpoint: true, correlId: this.message.correlId }));
          this.pacer.took(1);
        }
        timed('CMIT', () => this.connection.mqi.commit());
        this.record(first, size, attempt, 'c', undefined, t, startMs, slowest);
        this.connection.noteSuccess();
        return;
      } catch (error) {
        if (!(error instanceof MqiCallError)) throw error;
        if (error.verb === 'CMIT') {
          this.record(first, size, attempt, failedCommitOutcome(error.rc), error.rc, t, startMs, slowest);
        } else {
          // The unit of work is lost: the batch's earlier puts were never committed, nor was this one.
          this.backOut();
          if (putsDone > 0) this.record(first, putsDone, attempt, 'f', MQRC_BACKED_OUT, t, startMs, { ...slowest, ms: 0 });
          this.record(first + putsDone, 1, attempt, 'f', error.rc, t, startMs, slowest);
        }
        if (!(await this.afterFailure(error))) return;
      }
    }
  }

  private backOut(): void {
    try {
      this.connection.mqi.backout();
    } catch {
      // a broken connection has backed the unit of work out already
    }
  }

  /**
   * Records the failure and gets ready for the next attempt: connects again if the reason
   * ended the connection, re-sends at once after an interrupted call (the connection has
   * reconnected, amqsphac), and pauses after any other failure (a full queue, say).
   * False when the producer must stop retrying.
   */
  private async afterFailure(error: MqiCallError): Promise<boolean> {
    this.connection.noteFailure(error);
    if (this.control.stopRequested || this.connection.mustEnd()) return false;
    if (endsConnection(error.rc)) return this.connection.recoverFrom(error, () => this.control.stopRequested);
    if (error.rc !== MQRC_CALL_INTERRUPTED && error.rc !== MQRC_BACKED_OUT) await delay(RETRY_DELAY_MS);
    return !this.control.stopRequested && !this.connection.mustEnd();
  }

  /** `slowestCall`: of a batch, its slowest MQI call (the batch itself also spends time paced). */
  private record(seq: number, n: number, attempt: number, outcome: PutOutcome, rc: number | undefined, t: number, startMs: number, slowestCall?: { ms: number; verb: string }): void {
    const elapsedMs = performance.now() - startMs;
    const end = Math.round(t + elapsedMs);
    const call = slowestCall ?? { ms: elapsedMs, verb: 'PUT' };
    const blocked = call.ms > this.plan.blockedCallMs;
    this.log.addPuts(seq, n, attempt, outcome, rc, t, end, end, blocked);
    if (blocked) this.connection.noteBlocked(call.verb, call.ms);
    this.attempts += n;
  }
}

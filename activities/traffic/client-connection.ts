import { setTimeout as delay } from 'node:timers/promises';
import type { MqiModule } from '../mq/mqi-module.ts';
import { MqiCallError, MqiSession, type MqiQueue, type ReconnectStatus } from '../mq/mqi-session.ts';
import { endsConnection } from '../mq/reason-meanings.ts';
import type { ClientPlan } from './traffic-ipc.ts';
import type { TrafficLogWriter } from './traffic-log-writer.ts';

/** What the activity asked of a client; checked between MQI calls. */
export interface ClientControl {
  stopRequested: boolean;
  aborted: boolean;
}

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2_000;
const STATUS_POLL_MS = 500;

/**
 * One traffic client's connection and open queue, and what it sees of them: failed calls,
 * calls that blocked, and the reconnection status (MQSTAT, since synchronous calls have no
 * event handler) are written to the client's log as events, each change once. When a reason
 * ends the connection (no automatic reconnection, or it failed) the client connects again
 * itself, as an application restarted by its cluster manager would.
 */
export class ClientConnection {
  private session: MqiSession | null = null;
  private openQueue: MqiQueue | null = null;
  private lastFailure = '';
  private lastStatus: ReconnectStatus = { cc: 0, rc: 0 };
  private lastStatusPollMs = 0;
  private statusSupported = true;
  private connectedOnce = false;

  constructor(
    private readonly mq: MqiModule,
    private readonly plan: ClientPlan,
    private readonly log: TrafficLogWriter,
    private readonly control: ClientControl,
    private readonly access: { output: boolean; input: boolean },
  ) {}

  get connected(): boolean {
    return this.openQueue !== null;
  }

  get queue(): MqiQueue {
    if (!this.openQueue) throw new Error(`traffic client ${this.plan.id} has no open queue`);
    return this.openQueue;
  }

  get mqi(): MqiSession {
    if (!this.session) throw new Error(`traffic client ${this.plan.id} is not connected`);
    return this.session;
  }

  /** Connects and opens the queue, retrying with backoff; false when `giveUp` says so, or aborted or past the deadline first. */
  async establish(giveUp: () => boolean = () => false): Promise<boolean> {
    let waitMs = RETRY_FIRST_MS;
    while (!this.mustEnd() && !giveUp()) {
      try {
        this.session = MqiSession.connect(this.mq, this.plan.connect);
        this.openQueue = this.session.open({ queue: this.plan.queue, objectQueueManager: this.plan.objectQueueManager, bind: this.plan.bind, ...this.access });
        this.log.addEvent({ t: Date.now(), what: this.connectedOnce ? 'reconnected-by-application' : 'connected' });
        this.connectedOnce = true;
        this.lastFailure = '';
        this.lastStatus = { cc: 0, rc: 0 };
        return true;
      } catch (error) {
        if (!(error instanceof MqiCallError)) throw error;
        this.noteFailure(error);
        this.drop();
        await delay(Math.min(waitMs, Math.max(0, this.plan.hardDeadlineMs - Date.now())));
        waitMs = Math.min(RETRY_MAX_MS, waitMs * 2);
      }
    }
    return false;
  }

  /** Records a failed call (once per distinct verb and reason in a row) and reads the reconnection status. */
  noteFailure(error: MqiCallError): void {
    const key = `${error.verb}:${error.rc}`;
    if (key !== this.lastFailure) this.log.addEvent({ t: Date.now(), what: 'call-failed', verb: error.verb, cc: error.cc, rc: error.rc });
    this.lastFailure = key;
    this.pollStatus(true);
  }

  noteSuccess(): void {
    this.lastFailure = '';
  }

  noteBlocked(verb: string, ms: number): void {
    this.log.addEvent({ t: Date.now(), what: 'call-blocked', verb, ms: Math.round(ms) });
    this.pollStatus(true);
  }

  /** MQSTAT(RECONNECTION) at most every 500 ms unless forced; a change is written with the failure that caused it. */
  pollStatus(force = false): void {
    const now = Date.now();
    if (!this.session || !this.statusSupported || (!force && now - this.lastStatusPollMs < STATUS_POLL_MS)) return;
    this.lastStatusPollMs = now;
    try {
      const status = this.session.reconnectStatus();
      if (status.cc === this.lastStatus.cc && status.rc === this.lastStatus.rc) return;
      this.lastStatus = status;
      const cause = status.rc === 0 ? undefined : this.session.reconnectError();
      this.log.addEvent({ t: now, what: 'reconnect-status', cc: status.cc, rc: status.rc, ...(cause && cause.rc !== 0 ? { cause: cause.rc } : {}) });
    } catch (error) {
      if (!(error instanceof MqiCallError)) throw error;
      // A client library without MQSTAT reconnection support (or a dead handle): stop asking.
      if (!endsConnection(error.rc)) this.statusSupported = false;
    }
  }

  /** After a failure: connect again when the reason ended the connection. False when told to stop first. */
  async recoverFrom(error: MqiCallError, giveUp: () => boolean = () => false): Promise<boolean> {
    if (!endsConnection(error.rc)) return true;
    this.disconnect();
    return this.establish(giveUp);
  }

  disconnect(): void {
    try {
      this.openQueue?.close();
    } catch {
      // the handle may already be gone with its connection
    }
    try {
      this.session?.disconnect();
    } catch {
      // likewise
    }
    this.drop();
  }

  mustEnd(): boolean {
    return this.control.aborted || Date.now() >= this.plan.hardDeadlineMs;
  }

  private drop(): void {
    this.openQueue = null;
    this.session = null;
  }
}

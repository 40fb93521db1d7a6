import type { Socket } from 'node:net';
import type { Clock } from '../clock.ts';
import type { GetWaits } from './get-waits.ts';
import type { LabFaultSwitch } from './lab-fault-switch.ts';
import type { MessageQueue, StoredMessage } from './message-queue.ts';
import type { MessageTruth } from './message-truth.ts';
import { runGet, runPut, runPut1 } from './message-operations.ts';
import { MQC } from './mq-constants.ts';
import type { ClusterRouter, ClusterTarget } from './cluster-router.ts';
import type { ConnectionBreakCause } from './mq-truth-events.ts';
import { runInquire, runSet } from './queue-attribute-inquiry.ts';
import type { QueueManagerStore } from './queue-manager-store.ts';
import { UnitOfWork } from './unit-of-work.ts';
import { allocateReply, encodeGoodbye, readMqString, WIRE, writeMqString } from './wire-protocol.ts';

/** What the instance behind a listener can do for a client right now. */
export type ServingState = 'active' | 'quiescing' | 'stopping' | 'standby' | 'unavailable';

export interface SessionContext {
  readonly qm: string;
  readonly host: string;
  readonly channel: string;
  readonly store: QueueManagerStore;
  readonly clock: Clock;
  readonly truth: MessageTruth;
  readonly waits: GetWaits;
  readonly faults: LabFaultSwitch;
  /** The estate's cluster, when it has one: cluster queues and fully qualified remote queues. */
  clusterRouter(): ClusterRouter | undefined;
  servingState(): ServingState;
  /**
   * Resolves at once when the instance's host reaches the queue manager's shared storage,
   * otherwise when it does again: writes to the log block on a hard NFS mount.
   */
  whenStorageWritable(): Promise<void> | undefined;
  nextConnectionNumber(): number;
  sessionEnded(session: MqSession): void;
}

export interface OpenHandle {
  readonly id: number;
  /** Undefined for the queue manager object. */
  readonly queue: MessageQueue | undefined;
  readonly options: number;
  readonly input: boolean;
  readonly output: boolean;
  /** MQOO_BIND_ON_OPEN / BIND_NOT_FIXED / as the queue's DEFBIND; recorded for cluster routing. */
  readonly bind: 'on-open' | 'not-fixed' | 'as-q-def';
  /** Set when the handle puts to a cluster queue or a queue on another queue manager. */
  readonly cluster?: ClusterTarget;
  browseCursor: { priority: number; sequence: number } | undefined;
}

const INPUT_OPTIONS = MQC.MQOO_INPUT_AS_Q_DEF | MQC.MQOO_INPUT_SHARED | MQC.MQOO_INPUT_EXCLUSIVE;
const ACCESS_OPTIONS = INPUT_OPTIONS | MQC.MQOO_BROWSE | MQC.MQOO_OUTPUT | MQC.MQOO_INQUIRE | MQC.MQOO_SET;

/**
 * One client connection to a lab queue manager: the server end of the stand-in library's
 * socket. Decodes each request frame, answers it, and keeps the connection's handles and
 * unit of work. One request is in flight at a time (the client waits for each reply).
 */
export class MqSession {
  conn = 0;
  applName = '';
  readonly uow = new UnitOfWork();
  private readonly handles = new Map<number, OpenHandle>();
  private nextHandle = 1;
  private pending: Buffer | undefined;
  private ended = false;

  constructor(
    private readonly socket: Socket,
    readonly context: SessionContext,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => this.end({ cause: 'client-gone', reason: MQC.MQRC_CONNECTION_BROKEN, backoutCause: 'connection-lost' }));
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Puts of the unit of work in progress (what an ending instance discards). */
  uncommittedPuts(): readonly StoredMessage[] {
    return this.uow.pendingPuts();
  }

  handle(id: number): OpenHandle | undefined {
    return this.handles.get(id);
  }

  send(frame: Buffer): void {
    if (!this.ended) this.socket.write(frame);
  }

  /** MQRC_Q_MGR_QUIESCING / _STOPPING when the call must fail because the queue manager is ending, else 0. */
  endingReason(failIfQuiescing: boolean): number {
    const state = this.context.servingState();
    if (state === 'stopping') return MQC.MQRC_Q_MGR_STOPPING;
    if (state === 'quiescing' && failIfQuiescing) return MQC.MQRC_Q_MGR_QUIESCING;
    return 0;
  }

  /**
   * Ends the session from the lab's side or because the client went. A goodbye tells the
   * client why (endmqm) and whether to reconnect; without one the client only sees the
   * socket close, as when the instance's processes die. Uncommitted work is backed out.
   */
  end(how: { cause: ConnectionBreakCause | 'disconnected'; reason: number; backoutCause: 'instance-ended' | 'connection-lost'; goodbye?: { reconnect: boolean } }): void {
    if (this.ended) return;
    this.ended = true;
    const { context } = this;
    context.waits.cancel(this);
    context.faults.releaseHeld(this);
    if (this.conn !== 0 && this.uow.inProgress) {
      const outcome = this.uow.backout();
      context.truth.backedOut(context.host, this.conn, outcome.puts, outcome.gets, how.backoutCause);
      for (const queue of outcome.queues) context.waits.wake(queue);
    }
    for (const handle of this.handles.values()) this.countOpen(handle, -1);
    this.handles.clear();
    if (this.conn !== 0) {
      if (how.cause === 'disconnected') context.truth.emit({ event: 'connection-closed', qm: context.qm, host: context.host, conn: this.conn });
      else context.truth.emit({ event: 'connection-broken', qm: context.qm, host: context.host, conn: this.conn, cause: how.cause, reason: how.reason });
    }
    if (how.goodbye && !this.socket.destroyed) this.socket.write(encodeGoodbye(how.reason, how.goodbye.reconnect));
    // end() rather than destroy(): replies already written still reach the client, as they would from a dying process.
    this.socket.end();
    context.sessionEnded(this);
  }

  private receive(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    while (!this.ended && data.length >= 4) {
      const length = data.readUInt32LE(0);
      if (length < 4 || length > WIRE.MAX_FRAME_BYTES) {
        this.end({ cause: 'client-gone', reason: MQC.MQRC_CONNECTION_BROKEN, backoutCause: 'connection-lost' });
        return;
      }
      if (data.length < 4 + length) break;
      this.dispatch(data.subarray(0, 4 + length));
      data = data.subarray(4 + length);
    }
    if (data.length > 0 && !this.ended) this.pending = Buffer.from(data);
  }

  private dispatch(frame: Buffer): void {
    const op = frame.readUInt8(4);
    if (this.conn === 0 && op !== WIRE.OP_CONNECT) return this.send(allocateReply(op, MQC.MQCC_FAILED, MQC.MQRC_CONNECTION_BROKEN, 0));
    switch (op) {
      case WIRE.OP_CONNECT: return this.connect(frame);
      case WIRE.OP_DISCONNECT: return this.disconnect();
      case WIRE.OP_OPEN: return this.open(frame);
      case WIRE.OP_CLOSE: return this.close(frame);
      case WIRE.OP_PUT: return runPut(this, frame);
      case WIRE.OP_PUT1: return runPut1(this, frame);
      case WIRE.OP_GET: return runGet(this, frame);
      case WIRE.OP_INQ: return runInquire(this, frame);
      case WIRE.OP_SET: return runSet(this, frame);
      case WIRE.OP_BEGIN: return this.begin();
      case WIRE.OP_COMMIT: return this.afterStorageWrite(this.uow.touchesPersistent(), () => this.commit());
      case WIRE.OP_BACKOUT: return this.backout();
      default: return this.send(allocateReply(op, MQC.MQCC_FAILED, MQC.MQRC_FUNCTION_NOT_SUPPORTED, 0));
    }
  }

  private connect(frame: Buffer): void {
    const { context } = this;
    const at = WIRE.HEADER_BYTES;
    const requested = readMqString(frame, at + 4, 48);
    const channel = readMqString(frame, at + 52, 20);
    const applName = readMqString(frame, at + 76, 28);
    const pid = frame.readInt32LE(at + 104);
    const previousConn = frame.readInt32LE(at + 108);
    const requiredQmid = readMqString(frame, at + 116, 48);
    const refusal = this.refuseConnection(requested, channel, requiredQmid);
    if (refusal !== 0) {
      this.send(allocateReply(WIRE.OP_CONNECT, MQC.MQCC_FAILED, refusal, 0));
      this.socket.end();
      return;
    }
    this.conn = context.nextConnectionNumber();
    this.applName = applName;
    const reply = allocateReply(WIRE.OP_CONNECT, MQC.MQCC_OK, MQC.MQRC_NONE, WIRE.CONNECT_REPLY_BYTES);
    writeMqString(reply, WIRE.REPLY_HEADER_BYTES, 48, context.qm);
    writeMqString(reply, WIRE.REPLY_HEADER_BYTES + 48, 48, context.store.qmid);
    reply.writeInt32LE(this.conn, WIRE.REPLY_HEADER_BYTES + 96);
    const where = { qm: context.qm, host: context.host, conn: this.conn, channel, pid };
    if (previousConn > 0) context.truth.emit({ event: 'client-reconnected', ...where, previousConn });
    else context.truth.emit({ event: 'connection-opened', ...where, applName });
    this.send(reply);
  }

  /** Why a listener refuses the connection (0: it accepts). */
  private refuseConnection(requested: string, channel: string, requiredQmid: string): number {
    const { context } = this;
    const state = context.servingState();
    if (state === 'standby') return MQC.MQRC_STANDBY_Q_MGR;
    if (state === 'unavailable') return MQC.MQRC_Q_MGR_NOT_AVAILABLE;
    if (state === 'quiescing') return MQC.MQRC_Q_MGR_QUIESCING;
    if (state === 'stopping') return MQC.MQRC_Q_MGR_STOPPING;
    if (channel !== context.channel) return MQC.MQRC_UNKNOWN_CHANNEL_NAME;
    // A name starting with * asks for any queue manager the channel leads to.
    if (requested !== '' && !requested.startsWith('*') && requested !== context.qm) return MQC.MQRC_Q_MGR_NAME_ERROR;
    if (requiredQmid !== '' && requiredQmid !== context.store.qmid) return MQC.MQRC_RECONNECT_QMID_MISMATCH;
    return 0;
  }

  /** MQDISC commits outstanding work, as on IBM MQ for Multiplatforms. */
  private disconnect(): void {
    this.commitQuietly();
    this.send(allocateReply(WIRE.OP_DISCONNECT, MQC.MQCC_OK, MQC.MQRC_NONE, 0));
    this.end({ cause: 'disconnected', reason: MQC.MQRC_NONE, backoutCause: 'connection-lost' });
  }

  private open(frame: Buffer): void {
    const at = WIRE.HEADER_BYTES;
    const objectType = frame.readInt32LE(at);
    const objectName = readMqString(frame, at + 4, 48);
    const objectQmgr = readMqString(frame, at + 52, 48);
    const options = frame.readInt32LE(at + 100);
    const refuse = (reason: number): void => this.send(allocateReply(WIRE.OP_OPEN, MQC.MQCC_FAILED, reason, WIRE.OPEN_REPLY_BYTES));
    const ending = this.endingReason((options & MQC.MQOO_FAIL_IF_QUIESCING) !== 0);
    if (ending !== 0) return refuse(ending);
    const inputKinds = [MQC.MQOO_INPUT_AS_Q_DEF, MQC.MQOO_INPUT_SHARED, MQC.MQOO_INPUT_EXCLUSIVE].filter((o) => (options & o) !== 0);
    if ((options & ACCESS_OPTIONS) === 0 || inputKinds.length > 1) return refuse(MQC.MQRC_OPTIONS_ERROR);
    let queue: MessageQueue | undefined;
    let cluster: ClusterTarget | undefined;
    const routed = objectType === MQC.MQOT_Q ? this.context.clusterRouter()?.resolveOpen(this.context.qm, objectName, objectQmgr, options) : undefined;
    if (routed && 'reason' in routed) return refuse(routed.reason);
    if (routed) cluster = routed.target;
    else if (objectQmgr !== '' && objectQmgr !== this.context.qm) return refuse(MQC.MQRC_UNKNOWN_REMOTE_Q_MGR);
    if (cluster) {
      queue = undefined;
    } else if (objectType === MQC.MQOT_Q) {
      queue = this.context.store.queues.get(objectName);
      if (!queue) return refuse(MQC.MQRC_UNKNOWN_OBJECT_NAME);
      const exclusive = (options & MQC.MQOO_INPUT_EXCLUSIVE) !== 0;
      if (inputKinds.length > 0 && (queue.openExclusiveCount > 0 || (exclusive && queue.openInputCount > 0))) return refuse(MQC.MQRC_OBJECT_IN_USE);
    } else if (objectType === MQC.MQOT_Q_MGR) {
      if ((options & ~(MQC.MQOO_INQUIRE | MQC.MQOO_FAIL_IF_QUIESCING)) !== 0) return refuse(MQC.MQRC_OPTIONS_ERROR);
    } else {
      return refuse(MQC.MQRC_OBJECT_TYPE_ERROR);
    }
    const bind = options & MQC.MQOO_BIND_ON_OPEN ? 'on-open' : options & MQC.MQOO_BIND_NOT_FIXED ? 'not-fixed' : 'as-q-def';
    const handle: OpenHandle = { id: this.nextHandle++, queue, options, input: inputKinds.length > 0, output: (options & MQC.MQOO_OUTPUT) !== 0, bind, ...(cluster ? { cluster } : {}), browseCursor: undefined };
    this.handles.set(handle.id, handle);
    this.countOpen(handle, 1);
    const reply = allocateReply(WIRE.OP_OPEN, MQC.MQCC_OK, MQC.MQRC_NONE, WIRE.OPEN_REPLY_BYTES);
    reply.writeInt32LE(handle.id, WIRE.REPLY_HEADER_BYTES);
    writeMqString(reply, WIRE.REPLY_HEADER_BYTES + 4, 48, cluster?.queueName ?? queue?.name ?? '');
    writeMqString(reply, WIRE.REPLY_HEADER_BYTES + 52, 48, cluster ? cluster.resolvedQmgr : this.context.qm);
    this.send(reply);
  }

  private close(frame: Buffer): void {
    const handle = this.handles.get(frame.readInt32LE(WIRE.HEADER_BYTES));
    if (!handle) return this.send(allocateReply(WIRE.OP_CLOSE, MQC.MQCC_FAILED, MQC.MQRC_HOBJ_ERROR, 0));
    this.handles.delete(handle.id);
    this.countOpen(handle, -1);
    this.send(allocateReply(WIRE.OP_CLOSE, MQC.MQCC_OK, MQC.MQRC_NONE, 0));
  }

  /** [U] MQBEGIN on a connection with no external resource managers: a local unit of work, 2121 as a warning. */
  private begin(): void {
    this.uow.begin();
    this.send(allocateReply(WIRE.OP_BEGIN, MQC.MQCC_WARNING, MQC.MQRC_NO_EXTERNAL_PARTICIPANTS, 0));
  }

  /**
   * Runs `operation` now, or — when it must write persistent state and the storage cannot be
   * reached — once it can, unless the session has ended by then (the client sees the call
   * hang, then the connection break).
   */
  afterStorageWrite(writesPersistent: boolean, operation: () => void): void {
    const blocked = writesPersistent ? this.context.whenStorageWritable() : undefined;
    if (!blocked) return operation();
    void blocked.then(() => {
      if (!this.ended) operation();
    });
  }

  private commit(): void {
    const touched = this.commitQuietly({ wake: false });
    this.send(allocateReply(WIRE.OP_COMMIT, MQC.MQCC_OK, MQC.MQRC_NONE, 0));
    // As after a put: the committer hears first, then waiting getters are served.
    for (const queue of touched) this.context.waits.wake(queue);
  }

  /** Commits the unit of work in progress; returns the queues it touched, which it wakes unless told not to. */
  private commitQuietly(options: { wake: boolean } = { wake: true }): Iterable<MessageQueue> {
    if (!this.uow.inProgress) return [];
    const { context } = this;
    const outcome = this.uow.commit();
    context.truth.committed(context.host, this.conn, outcome.puts, outcome.gets);
    for (const message of outcome.puts) if (message.persistent) context.faults.confirmPersistentPut(message);
    if (options.wake) for (const queue of outcome.queues) context.waits.wake(queue);
    return outcome.queues;
  }

  private backout(): void {
    const { context } = this;
    if (this.uow.inProgress) {
      const outcome = this.uow.backout();
      context.truth.backedOut(context.host, this.conn, outcome.puts, outcome.gets, 'mqback');
      for (const queue of outcome.queues) context.waits.wake(queue);
    }
    this.send(allocateReply(WIRE.OP_BACKOUT, MQC.MQCC_OK, MQC.MQRC_NONE, 0));
  }

  private countOpen(handle: OpenHandle, delta: 1 | -1): void {
    if (!handle.queue) return;
    if (handle.input) handle.queue.openInputCount += delta;
    if (handle.options & MQC.MQOO_INPUT_EXCLUSIVE) handle.queue.openExclusiveCount += delta;
    if (handle.output) handle.queue.openOutputCount += delta;
  }
}

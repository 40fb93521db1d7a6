import { describeReason } from '../../checkers/mq-reason-codes.ts';
import type { MqiConnection, MqiModule, MqiObject, MqiStructs } from './mqi-module.ts';

/**
 * A client connection over the MQI, with synchronous calls (the `ibmmq` *Sync verbs): what
 * one traffic client does. Every failed call throws MqiCallError with its verb, completion
 * code and reason code; the caller decides what the reason means for its messages.
 */

export type ReconnectOption = 'disabled' | 'reconnect' | 'reconnect-q-mgr' | 'as-default';
export type BindOption = 'on-open' | 'not-fixed' | 'as-q-def';
export type GetSyncpoint = 'none' | 'always' | 'if-persistent';

export interface ConnectOptions {
  queueManager: string;
  channel: string;
  /** `host(port)` entries, tried in order (MQCD.ConnectionName). */
  connectionNames: string[];
  reconnect: ReconnectOption;
  applName?: string;
}

export interface OpenOptions {
  queue: string;
  /** A fully qualified ObjectQMgrName (a cluster affinity); empty or absent resolves locally. */
  objectQueueManager?: string;
  bind: BindOption;
  output: boolean;
  input: boolean;
}

export interface GotMessage {
  length: number;
  /** Longer than the buffer: only its first part was returned (MQGMO_ACCEPT_TRUNCATED_MSG). */
  truncated: boolean;
  correlId: Buffer;
  persistent: boolean;
  backoutCount: number;
}

export interface QueueStatus {
  currentDepth: number;
  openInputCount: number;
  openOutputCount: number;
}

export interface ReconnectStatus {
  cc: number;
  rc: number;
}

export class MqiCallError extends Error {
  override readonly name = 'MqiCallError';
  constructor(
    readonly verb: string,
    readonly cc: number,
    readonly rc: number,
  ) {
    super(`${verb} failed with completion code ${cc}, reason ${describeReason(rc)}`);
  }
}

export const MQRC_NO_MSG_AVAILABLE = 2033;
const MQRC_TRUNCATED_MSG_ACCEPTED = 2079;

function call<T>(verb: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const mq = error as { mqcc?: unknown; mqrc?: unknown };
    if (typeof mq.mqrc === 'number' && typeof mq.mqcc === 'number') throw new MqiCallError(verb, mq.mqcc, mq.mqrc);
    throw error;
  }
}

export class MqiSession {
  private constructor(
    readonly mq: MqiModule,
    private readonly hConn: MqiConnection,
  ) {}

  static connect(mq: MqiModule, options: ConnectOptions): MqiSession {
    const C = mq.MQC;
    const cd = new mq.MQCD();
    cd.ChannelName = options.channel;
    cd.ConnectionName = options.connectionNames.join(',');
    const cno = new mq.MQCNO();
    const reconnect = { disabled: C.MQCNO_RECONNECT_DISABLED!, reconnect: C.MQCNO_RECONNECT!, 'reconnect-q-mgr': C.MQCNO_RECONNECT_Q_MGR!, 'as-default': C.MQCNO_RECONNECT_AS_DEF! };
    cno.Options = C.MQCNO_CLIENT_BINDING! | reconnect[options.reconnect];
    cno.ClientConn = cd;
    if (options.applName) cno.ApplName = options.applName.slice(0, 28);
    return new MqiSession(mq, call('CONNX', () => mq.ConnxSync(options.queueManager, cno)));
  }

  open(options: OpenOptions): MqiQueue {
    const C = this.mq.MQC;
    const od = new this.mq.MQOD();
    od.ObjectName = options.queue;
    if (options.objectQueueManager) od.ObjectQMgrName = options.objectQueueManager;
    const bind = { 'on-open': C.MQOO_BIND_ON_OPEN!, 'not-fixed': C.MQOO_BIND_NOT_FIXED!, 'as-q-def': C.MQOO_BIND_AS_Q_DEF! };
    let openOptions = C.MQOO_FAIL_IF_QUIESCING! | C.MQOO_INQUIRE! | bind[options.bind];
    if (options.output) openOptions |= C.MQOO_OUTPUT!;
    if (options.input) openOptions |= C.MQOO_INPUT_SHARED!;
    // A fully qualified name is a remote queue: it cannot be opened for input or inquired.
    if (options.objectQueueManager) openOptions &= ~(C.MQOO_INQUIRE! | C.MQOO_INPUT_SHARED!);
    const opened = call('OPEN', () => {
      let result: { err: Error | null; object: MqiObject } | undefined;
      this.mq.OpenSync(this.hConn, od, openOptions, (err, object) => (result = { err, object }));
      if (!result) throw new Error('MQOPEN did not answer');
      if (result.err) throw result.err;
      return result.object;
    });
    return new MqiQueue(this.mq, opened);
  }

  commit(): void {
    call('CMIT', () => this.mq.Cmit(this.hConn));
  }

  backout(): void {
    call('BACK', () => this.mq.Back(this.hConn));
  }

  /** MQSTAT(MQSTAT_TYPE_RECONNECTION): how the connection's reconnection stands (MQRC_NONE, 2544 reconnecting, 2545 reconnected, 2548 failed). */
  reconnectStatus(): ReconnectStatus {
    return this.stat(this.mq.MQC.MQSTAT_TYPE_RECONNECTION!);
  }

  /** MQSTAT(MQSTAT_TYPE_RECONNECTION_ERROR): the failure that made the connection reconnect. */
  reconnectError(): ReconnectStatus {
    return this.stat(this.mq.MQC.MQSTAT_TYPE_RECONNECTION_ERROR!);
  }

  disconnect(): void {
    call('DISC', () => this.mq.DiscSync(this.hConn));
  }

  private stat(type: number): ReconnectStatus {
    const status = call('STAT', () => this.mq.Stat(this.hConn, type));
    return { cc: status.CompCode, rc: status.Reason };
  }
}

export class MqiQueue {
  private readonly putMd: InstanceType<MqiStructs['MQMD']>;
  private readonly pmo: InstanceType<MqiStructs['MQPMO']>;
  private readonly getMd: InstanceType<MqiStructs['MQMD']>;
  private readonly gmo: InstanceType<MqiStructs['MQGMO']>;

  constructor(
    private readonly mq: MqiModule,
    private readonly hObj: MqiObject,
  ) {
    this.putMd = new mq.MQMD();
    this.putMd.Format = 'MQNONE  ';
    this.pmo = new mq.MQPMO();
    this.getMd = new mq.MQMD();
    this.gmo = new mq.MQGMO();
    this.gmo.MatchOptions = mq.MQC.MQMO_NONE!;
  }

  /** MQPUT of a new message (new MsgId) with the given CorrelId, inside or outside syncpoint; returns the MsgId the queue manager gave it. */
  put(body: Buffer, options: { persistent: boolean; syncpoint: boolean; correlId: Buffer }): Buffer {
    const C = this.mq.MQC;
    this.putMd.Persistence = options.persistent ? C.MQPER_PERSISTENT! : C.MQPER_NOT_PERSISTENT!;
    this.putMd.CorrelId = options.correlId;
    this.pmo.Options = C.MQPMO_NEW_MSG_ID! | C.MQPMO_FAIL_IF_QUIESCING! | (options.syncpoint ? C.MQPMO_SYNCPOINT! : C.MQPMO_NO_SYNCPOINT!);
    call('PUT', () => this.mq.PutSync(this.hObj, this.putMd, this.pmo, body));
    return Buffer.from(this.putMd.MsgId);
  }

  /** MQGET with a wait, of a message with `msgId` and/or `correlId` when given; null when none arrived within it (2033). */
  get(buffer: Buffer, options: { waitMs: number; syncpoint: GetSyncpoint; msgId?: Buffer; correlId?: Buffer }): GotMessage | null {
    const C = this.mq.MQC;
    const syncpoint = { none: C.MQGMO_NO_SYNCPOINT!, always: C.MQGMO_SYNCPOINT!, 'if-persistent': C.MQGMO_SYNCPOINT_IF_PERSISTENT! };
    this.gmo.Options = C.MQGMO_WAIT! | C.MQGMO_FAIL_IF_QUIESCING! | C.MQGMO_ACCEPT_TRUNCATED_MSG! | syncpoint[options.syncpoint];
    this.gmo.WaitInterval = options.waitMs;
    this.gmo.MatchOptions = (options.msgId ? C.MQMO_MATCH_MSG_ID! : 0) | (options.correlId ? C.MQMO_MATCH_CORREL_ID! : 0);
    if (options.msgId) this.getMd.MsgId = options.msgId;
    if (options.correlId) this.getMd.CorrelId = options.correlId;
    const got = (length: number, truncated: boolean): GotMessage => ({
      length,
      truncated,
      correlId: this.getMd.CorrelId,
      persistent: this.getMd.Persistence === C.MQPER_PERSISTENT,
      backoutCount: this.getMd.BackoutCount,
    });
    try {
      return got(call('GET', () => this.mq.GetSync(this.hObj, this.getMd, this.gmo, buffer)), false);
    } catch (error) {
      if (error instanceof MqiCallError && error.rc === MQRC_NO_MSG_AVAILABLE) return null;
      // A warning: the message was taken, cut to the buffer.
      if (error instanceof MqiCallError && error.rc === MQRC_TRUNCATED_MSG_ACCEPTED) return got(buffer.length, true);
      throw error;
    }
  }

  /** MQINQ of CURDEPTH, IPPROCS and OPPROCS. */
  inquire(): QueueStatus {
    const C = this.mq.MQC;
    const selectors = [C.MQIA_CURRENT_Q_DEPTH!, C.MQIA_OPEN_INPUT_COUNT!, C.MQIA_OPEN_OUTPUT_COUNT!].map((selector) => new this.mq.MQAttr(selector));
    call('INQ', () => this.mq.Inq(this.hObj, selectors));
    const [depth, input, output] = selectors.map((selector) => Number(selector.value));
    return { currentDepth: depth!, openInputCount: input!, openOutputCount: output! };
  }

  close(): void {
    call('CLOSE', () => this.mq.CloseSync(this.hObj, 0));
  }
}

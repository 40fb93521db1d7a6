import { createRequire } from 'node:module';
import type { MqiModule, MqiStructs } from '../../activities/mq/mqi-module.ts';

/**
 * For tests: an in-memory queue manager behind the MqiModule interface, with the `ibmmq`
 * package's own structures and constants (loaded without its native part) and scripted
 * failures. It keeps its own truth: what was put, committed, got and lost, so tests can
 * compare the accounting with it exactly. Not a model of MQ: one queue manager, local
 * queues, FIFO (or the first with a matching MsgId/CorrelId), no waiting (a get on an empty
 * queue answers 2033 at once).
 */

const require = createRequire(import.meta.url);
const MQC = require('ibmmq/lib/mqidefs.js') as Record<string, number>;
const { MQError, MQAttr } = require('ibmmq/lib/mqitypes.js') as { MQError: new (cc: number, rc: number, verb: string) => Error; MQAttr: MqiStructs['MQAttr'] };
const structs = {
  MQCNO: (require('ibmmq/lib/mqcno.js') as { MQCNO: MqiStructs['MQCNO'] }).MQCNO,
  MQCD: (require('ibmmq/lib/mqcd.js') as { MQCD: MqiStructs['MQCD'] }).MQCD,
  MQOD: (require('ibmmq/lib/mqod.js') as { MQOD: MqiStructs['MQOD'] }).MQOD,
  MQMD: (require('ibmmq/lib/mqmd.js') as { MQMD: MqiStructs['MQMD'] }).MQMD,
  MQPMO: (require('ibmmq/lib/mqpmo.js') as { MQPMO: MqiStructs['MQPMO'] }).MQPMO,
  MQGMO: (require('ibmmq/lib/mqgmo.js') as { MQGMO: MqiStructs['MQGMO'] }).MQGMO,
  MQAttr,
};

export interface StoredMessage {
  body: Buffer;
  /** Given by the queue manager at MQPUT (MQPMO_NEW_MSG_ID). */
  msgId: Buffer;
  correlId: Buffer;
  persistent: boolean;
}

/** A scripted failure of the next call of `verb`: `afterEffect` lets the call take effect first (a put that landed, a commit that committed). */
export interface ScriptedFailure {
  verb: 'PUT' | 'GET' | 'CMIT';
  rc: number;
  afterEffect?: boolean;
  /** Ends the connection: its unit of work is backed out and its handles become invalid. */
  breaksConnection?: boolean;
}

interface Connection {
  id: number;
  alive: boolean;
  uowPuts: StoredMessage[];
  uowGets: StoredMessage[];
}

interface OpenQueue {
  connection: Connection;
  name: string;
}

export class TestQueueManager {
  readonly queues = new Map<string, StoredMessage[]>();
  readonly script: ScriptedFailure[] = [];
  /** Every message that was on a queue and disappeared without a get (a restart's non-persistent loss). */
  readonly lostInRestart: StoredMessage[] = [];
  private nextConnection = 1;
  private nextMsgId = 1;
  private readonly connections: Connection[] = [];

  constructor(queueNames: string[]) {
    for (const name of queueNames) this.queues.set(name, []);
  }

  /** A restart: every connection ends (in-flight units of work backed out) and non-persistent messages are lost. */
  restart(): void {
    for (const connection of this.connections) this.endConnection(connection);
    for (const [name, messages] of this.queues) {
      this.lostInRestart.push(...messages.filter((message) => !message.persistent));
      this.queues.set(name, messages.filter((message) => message.persistent));
    }
  }

  module(): MqiModule {
    const fail = (cc: number, rc: number, verb: string): never => {
      throw new MQError(cc, rc, verb);
    };
    const live = (connection: Connection, verb: string) => {
      if (!connection.alive) fail(2, 2009, verb);
    };
    const scripted = (verb: ScriptedFailure['verb']): ScriptedFailure | undefined => {
      const index = this.script.findIndex((entry) => entry.verb === verb);
      return index < 0 ? undefined : this.script.splice(index, 1)[0];
    };
    const failAfter = (failure: ScriptedFailure | undefined, connection: Connection, verb: string) => {
      if (!failure) return;
      if (failure.breaksConnection) this.endConnection(connection);
      fail(2, failure.rc, verb);
    };
    return {
      ...structs,
      MQC,
      ConnxSync: () => {
        const connection = { id: this.nextConnection++, alive: true, uowPuts: [], uowGets: [] };
        this.connections.push(connection);
        return connection;
      },
      DiscSync: (connection) => this.endConnection(connection as Connection),
      OpenSync: (connection, od, _options, cb) => {
        try {
          live(connection as Connection, 'OPEN');
          if (!this.queues.has(od.ObjectName)) fail(2, 2085, 'OPEN');
          cb(null, { connection, name: od.ObjectName });
        } catch (error) {
          cb(error as Error, {});
        }
      },
      CloseSync: () => undefined,
      PutSync: (object, md, pmo, body) => {
        const { connection, name } = object as OpenQueue;
        live(connection, 'PUT');
        const failure = scripted('PUT');
        if (failure && !failure.afterEffect) failAfter(failure, connection, 'PUT');
        const msgId = Buffer.alloc(24);
        msgId.writeUInt32BE(this.nextMsgId++, 20);
        md.MsgId = Buffer.from(msgId);
        const message = { body: Buffer.from(body), msgId, correlId: Buffer.from(md.CorrelId), persistent: md.Persistence === MQC.MQPER_PERSISTENT };
        if ((pmo.Options & MQC.MQPMO_SYNCPOINT!) !== 0) connection.uowPuts.push({ ...message, name } as StoredMessage);
        else this.queues.get(name)!.push(message);
        failAfter(failure, connection, 'PUT');
      },
      GetSync: (object, md, gmo, buffer) => {
        const { connection, name } = object as OpenQueue;
        live(connection, 'GET');
        const failure = scripted('GET');
        if (failure && !failure.afterEffect) failAfter(failure, connection, 'GET');
        const queue = this.queues.get(name)!;
        const byMsgId = (gmo.MatchOptions & MQC.MQMO_MATCH_MSG_ID!) !== 0;
        const byCorrelId = (gmo.MatchOptions & MQC.MQMO_MATCH_CORREL_ID!) !== 0;
        const at = queue.findIndex((m) => (!byMsgId || m.msgId.equals(md.MsgId)) && (!byCorrelId || m.correlId.equals(md.CorrelId)));
        const message = at < 0 ? undefined : queue.splice(at, 1)[0];
        if (!message) fail(2, 2033, 'GET');
        const syncpoint = (gmo.Options & MQC.MQGMO_SYNCPOINT!) !== 0 || ((gmo.Options & MQC.MQGMO_SYNCPOINT_IF_PERSISTENT!) !== 0 && message!.persistent);
        if (syncpoint) connection.uowGets.push({ ...message!, name } as StoredMessage);
        md.MsgId = Buffer.from(message!.msgId);
        md.CorrelId = Buffer.from(message!.correlId);
        md.Persistence = message!.persistent ? MQC.MQPER_PERSISTENT! : MQC.MQPER_NOT_PERSISTENT!;
        message!.body.copy(buffer);
        failAfter(failure, connection, 'GET');
        return message!.body.length;
      },
      Cmit: (hConn) => {
        const connection = hConn as Connection;
        live(connection, 'CMIT');
        const failure = scripted('CMIT');
        if (failure && !failure.afterEffect) {
          this.backOut(connection);
          failAfter(failure, connection, 'CMIT');
        }
        for (const message of connection.uowPuts) this.queues.get((message as StoredMessage & { name: string }).name)!.push(message);
        connection.uowPuts = [];
        connection.uowGets = [];
        failAfter(failure, connection, 'CMIT');
      },
      Back: (hConn) => this.backOut(hConn as Connection),
      Inq: (object, selectors) => {
        const { name } = object as OpenQueue;
        for (const selector of selectors) selector.value = selector.selector === MQC.MQIA_CURRENT_Q_DEPTH ? this.queues.get(name)!.length : 1;
      },
      Stat: () => ({ CompCode: 0, Reason: 0 }),
    };
  }

  private backOut(connection: Connection): void {
    for (const message of connection.uowGets.reverse()) this.queues.get((message as StoredMessage & { name: string }).name)!.unshift(message);
    connection.uowPuts = [];
    connection.uowGets = [];
  }

  private endConnection(connection: Connection): void {
    if (!connection.alive) return;
    this.backOut(connection);
    connection.alive = false;
  }
}

import { describe, expect, it } from 'vitest';
import type { MqiModule } from './mqi-module.ts';
import { MqiCallError, MqiSession, type ConnectOptions } from './mqi-session.ts';
import { TestQueueManager } from '../../test/support/test-mqi.ts';

/** The in-memory queue manager's module, recording the options every MQCONNX and MQOPEN was given. */
function spiedModule() {
  const mq = new TestQueueManager(['APP.Q']).module();
  const seen = { connect: [] as Array<{ options: number; connectionName: string; channel: string }>, open: [] as Array<{ options: number; qmgr: string }> };
  const spied: MqiModule = {
    ...mq,
    ConnxSync: (queueManager, cno) => {
      const cd = cno.ClientConn as { ConnectionName: string; ChannelName: string };
      seen.connect.push({ options: cno.Options, connectionName: cd.ConnectionName, channel: cd.ChannelName });
      return mq.ConnxSync(queueManager, cno);
    },
    OpenSync: (connection, od, options, cb) => {
      seen.open.push({ options, qmgr: od.ObjectQMgrName ?? '' });
      mq.OpenSync(connection, od, options, cb);
    },
  };
  return { mq: spied, seen, C: mq.MQC };
}

const target: ConnectOptions = { queueManager: 'QM1', channel: 'APP.SVRCONN', connectionNames: ['10.0.0.11(1414)', '10.0.0.12(1414)'], reconnect: 'reconnect' };

describe('MqiSession', () => {
  it('MqiSession - connects as a client with the connection name list, the channel and the reconnect option', () => {
    const { mq, seen, C } = spiedModule();
    for (const reconnect of ['reconnect', 'reconnect-q-mgr', 'disabled', 'as-default'] as const) MqiSession.connect(mq, { ...target, reconnect });
    expect(seen.connect.map((call) => call.options)).toEqual([
      C.MQCNO_CLIENT_BINDING! | C.MQCNO_RECONNECT!,
      C.MQCNO_CLIENT_BINDING! | C.MQCNO_RECONNECT_Q_MGR!,
      C.MQCNO_CLIENT_BINDING! | C.MQCNO_RECONNECT_DISABLED!,
      C.MQCNO_CLIENT_BINDING!,
    ]);
    expect(seen.connect[0]).toMatchObject({ connectionName: '10.0.0.11(1414),10.0.0.12(1414)', channel: 'APP.SVRCONN' });
  });

  it('MqiSession - opens with the bind option; a fully qualified queue opens for output only', () => {
    const { mq, seen, C } = spiedModule();
    const session = MqiSession.connect(mq, target);
    session.open({ queue: 'APP.Q', bind: 'on-open', output: true, input: false });
    session.open({ queue: 'APP.Q', bind: 'not-fixed', output: true, input: true });
    session.open({ queue: 'APP.Q', bind: 'as-q-def', output: true, input: true, objectQueueManager: 'QM2' });
    const common = C.MQOO_FAIL_IF_QUIESCING!;
    expect(seen.open).toEqual([
      { options: common | C.MQOO_INQUIRE! | C.MQOO_BIND_ON_OPEN! | C.MQOO_OUTPUT!, qmgr: '' },
      { options: common | C.MQOO_INQUIRE! | C.MQOO_BIND_NOT_FIXED! | C.MQOO_OUTPUT! | C.MQOO_INPUT_SHARED!, qmgr: '' },
      { options: common | C.MQOO_BIND_AS_Q_DEF! | C.MQOO_OUTPUT!, qmgr: 'QM2' },
    ]);
  });

  it('MqiSession - puts, gets, inquires the depth and reports a failed call with its verb and reason', () => {
    const { mq } = spiedModule();
    const queue = MqiSession.connect(mq, target).open({ queue: 'APP.Q', bind: 'as-q-def', output: true, input: true });
    queue.put(Buffer.from('hello'), { persistent: true, syncpoint: false, correlId: Buffer.alloc(24, 7) });
    expect(queue.inquire().currentDepth).toBe(1);
    const buffer = Buffer.alloc(64);
    expect(queue.get(buffer, { waitMs: 0, syncpoint: 'none' })).toMatchObject({ length: 5, persistent: true, truncated: false });
    expect(queue.get(buffer, { waitMs: 0, syncpoint: 'none' })).toBeNull();
    const session = MqiSession.connect(mq, target);
    const failure = (() => {
      try {
        session.open({ queue: 'NO.SUCH.Q', bind: 'as-q-def', output: true, input: false });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(MqiCallError);
    expect(failure).toMatchObject({ verb: 'OPEN', rc: 2085, message: 'OPEN failed with completion code 2, reason 2085 MQRC_UNKNOWN_OBJECT_NAME' });
  });

  it('MqiSession - a put returns the MsgId the queue manager gave; a get takes the message with a given MsgId or CorrelId', () => {
    const { mq } = spiedModule();
    const queue = MqiSession.connect(mq, target).open({ queue: 'APP.Q', bind: 'as-q-def', output: true, input: true });
    const first = queue.put(Buffer.from('first'), { persistent: true, syncpoint: false, correlId: Buffer.alloc(24, 1) });
    const second = queue.put(Buffer.from('second'), { persistent: true, syncpoint: false, correlId: Buffer.alloc(24, 2) });
    expect(first.equals(second)).toBe(false);
    const buffer = Buffer.alloc(64);
    expect(queue.get(buffer, { waitMs: 0, syncpoint: 'none', msgId: second })).toMatchObject({ length: 6 });
    expect(buffer.subarray(0, 6).toString()).toBe('second');
    expect(queue.get(buffer, { waitMs: 0, syncpoint: 'none', correlId: Buffer.alloc(24, 2) })).toBeNull();
    expect(queue.get(buffer, { waitMs: 0, syncpoint: 'none', correlId: Buffer.alloc(24, 1) })).toMatchObject({ length: 5 });
  });
});

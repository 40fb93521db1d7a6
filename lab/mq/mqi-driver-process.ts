/**
 * Test support: a child process that makes MQI calls through the unmodified `ibmmq`
 * package, one JSON command per stdin line, one JSON answer per stdout line. Run with
 * LD_LIBRARY_PATH naming the stand-in library (mqi-test-client.ts starts it). The
 * package is imported lazily: its import throws when no client library loads.
 */
import { createInterface } from 'node:readline';

type Command = { op: string } & Record<string, unknown>;
// The package's own typings use opaque enums; the driver passes plain numbers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mq = any;

const handles = new Map<number, unknown>();
let connection: unknown;
let nextHandle = 1;

function call<T>(verb: (...args: unknown[]) => void, ...args: unknown[]): T {
  let failure: unknown;
  let value: unknown;
  verb(...args, (error: unknown, result: unknown) => {
    failure = error;
    value = result;
  });
  if (failure) throw failure;
  return value as T;
}

function run(mq: Mq, command: Command): Record<string, unknown> {
  const MQC = mq.MQC;
  switch (command.op) {
    case 'connect': {
      const cno = new mq.MQCNO();
      cno.Options = MQC.MQCNO_CLIENT_BINDING | Number(command.options ?? 0);
      const cd = new mq.MQCD();
      cd.ChannelName = String(command.channel ?? 'DEV.APP.SVRCONN');
      cd.ConnectionName = String(command.connectionName);
      cno.ClientConn = cd;
      cno.ApplName = 'mqi-driver';
      connection = call(mq.ConnxSync, String(command.qm ?? 'QM1'), cno);
      return {};
    }
    case 'open': {
      const od = new mq.MQOD();
      od.ObjectType = Number(command.objectType ?? MQC.MQOT_Q);
      if (command.name !== undefined) od.ObjectName = String(command.name);
      if (command.qmgr !== undefined) od.ObjectQMgrName = String(command.qmgr);
      const handle = nextHandle++;
      handles.set(handle, call(mq.OpenSync, connection, od, Number(command.options)));
      return { handle };
    }
    case 'put': {
      const md = new mq.MQMD();
      md.Persistence = Number(command.persistence ?? MQC.MQPER_PERSISTENCE_AS_Q_DEF);
      if (command.priority !== undefined) md.Priority = Number(command.priority);
      if (command.correlId !== undefined) md.CorrelId = Buffer.from(String(command.correlId), 'hex');
      if (command.format !== undefined) md.Format = String(command.format);
      if (command.replyToQ !== undefined) md.ReplyToQ = String(command.replyToQ);
      const pmo = new mq.MQPMO();
      pmo.Options = (command.syncpoint ? MQC.MQPMO_SYNCPOINT : MQC.MQPMO_NO_SYNCPOINT) | MQC.MQPMO_NEW_MSG_ID | MQC.MQPMO_FAIL_IF_QUIESCING;
      call(mq.PutSync, handles.get(Number(command.handle)), md, pmo, Buffer.from(String(command.body)));
      return { msgId: (md.MsgId as Buffer).toString('hex'), putDate: md.PutDate, putTime: md.PutTime };
    }
    case 'get': {
      const md = new mq.MQMD();
      if (command.msgId !== undefined) md.MsgId = Buffer.from(String(command.msgId), 'hex');
      if (command.correlId !== undefined) md.CorrelId = Buffer.from(String(command.correlId), 'hex');
      const gmo = new mq.MQGMO();
      const syncpoint = command.syncpoint === 'if-persistent' ? MQC.MQGMO_SYNCPOINT_IF_PERSISTENT : command.syncpoint ? MQC.MQGMO_SYNCPOINT : MQC.MQGMO_NO_SYNCPOINT;
      gmo.Options = syncpoint | MQC.MQGMO_FAIL_IF_QUIESCING;
      if (command.waitMs !== undefined) {
        gmo.Options |= MQC.MQGMO_WAIT;
        gmo.WaitInterval = Number(command.waitMs);
      }
      if (command.browse) gmo.Options |= command.browse === 'first' ? MQC.MQGMO_BROWSE_FIRST : MQC.MQGMO_BROWSE_NEXT;
      const buffer = Buffer.alloc(Number(command.bufferBytes ?? 64 * 1024));
      const length = call<number>(mq.GetSync, handles.get(Number(command.handle)), md, gmo, buffer);
      return {
        body: buffer.subarray(0, length).toString(),
        msgId: (md.MsgId as Buffer).toString('hex'),
        correlId: (md.CorrelId as Buffer).toString('hex'),
        persistence: md.Persistence,
        priority: md.Priority,
        format: md.Format,
        replyToQ: md.ReplyToQ,
        backoutCount: md.BackoutCount,
        putApplName: md.PutApplName,
      };
    }
    case 'inq': {
      const selectors = (command.selectors as number[]).map((selector) => new mq.MQAttr(selector));
      call(mq.Inq, handles.get(Number(command.handle)), selectors);
      return { values: selectors.map((s: { value: unknown }) => s.value) };
    }
    case 'stat': {
      const type = command.type === 'error' ? MQC.MQSTAT_TYPE_RECONNECTION_ERROR : MQC.MQSTAT_TYPE_RECONNECTION;
      const sts = mq.Stat(connection, type);
      return { compCode: sts.CompCode, reason: sts.Reason, qmgr: sts.ObjectQMgrName, address: sts.ObjectName };
    }
    case 'commit':
      call(mq.Cmit, connection);
      return {};
    case 'backout':
      call(mq.Back, connection);
      return {};
    case 'close':
      call(mq.CloseSync, handles.get(Number(command.handle)), 0);
      handles.delete(Number(command.handle));
      return {};
    case 'disc':
      call(mq.DiscSync, connection);
      return {};
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

async function main(): Promise<void> {
  const mq: Mq = await import('ibmmq');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const command = JSON.parse(line) as Command;
    let answer: Record<string, unknown>;
    try {
      answer = { ok: true, ...run(mq, command) };
    } catch (error) {
      const mqError = error as { mqcc?: number; mqrc?: number; message?: string };
      answer = { ok: false, mqcc: mqError.mqcc, mqrc: mqError.mqrc, message: mqError.message };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

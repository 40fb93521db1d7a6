/**
 * One MQI application of bench/mqi-roundtrip.ts, in its own process with the stand-in
 * library on LD_LIBRARY_PATH: puts and/or gets `count` 100-byte non-persistent messages
 * through the ibmmq package's synchronous calls and prints {messages, seconds}.
 */
const [connectionName, mode, countText, stackText] = process.argv.slice(2);
if (stackText === 'no-stack') Error.stackTraceLimit = 0;
const count = Number(countText);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mq: any = await import('ibmmq');
const MQC = mq.MQC;
function call<T>(verb: (...args: unknown[]) => void, ...args: unknown[]): T {
  let failure: unknown;
  let value: unknown;
  verb(...args, (error: unknown, result: unknown) => ((failure = error), (value = result)));
  if (failure) throw failure;
  return value as T;
}
const cno = new mq.MQCNO();
const cd = new mq.MQCD();
cd.ChannelName = 'DEV.APP.SVRCONN';
cd.ConnectionName = connectionName;
cno.ClientConn = cd;
const connection = call(mq.ConnxSync, 'QM1', cno);
const od = new mq.MQOD();
od.ObjectName = 'DEV.QUEUE.1';
const queue = call(mq.OpenSync, connection, od, MQC.MQOO_OUTPUT | MQC.MQOO_INPUT_AS_Q_DEF);
const pmo = new mq.MQPMO();
pmo.Options = MQC.MQPMO_NO_SYNCPOINT | MQC.MQPMO_NEW_MSG_ID;
const gmo = new mq.MQGMO();
gmo.Options = MQC.MQGMO_NO_SYNCPOINT | MQC.MQGMO_WAIT;
gmo.WaitInterval = 10_000;
const body = Buffer.alloc(100, 'x');
const buffer = Buffer.alloc(1024);
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  if (mode !== 'get') call(mq.PutSync, queue, new mq.MQMD(), pmo, body);
  if (mode !== 'put') call(mq.GetSync, queue, new mq.MQMD(), gmo, buffer);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
call(mq.DiscSync, connection);
process.stdout.write(`${JSON.stringify({ messages: count, seconds })}\n`);

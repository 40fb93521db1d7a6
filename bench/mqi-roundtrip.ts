/**
 * Put+get throughput through the unmodified ibmmq package against the lab's stand-in
 * client library and a lab queue manager (per-message truth off). Prints figures; not a
 * timed test. `node --import tsx bench/mqi-roundtrip.ts [messages]`
 *
 * - sequential: one application, PutSync then GetSync on one connection;
 * - no-stack: the same with Error.stackTraceLimit = 0 — the package builds an MQError
 *   and a TypeError (each capturing a stack) on every call, which is most of its cost;
 * - producer+consumer: two applications (processes), one putting, one getting with wait.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMqTestLab } from '../lab/mq/mq-test-lab.ts';
import { buildStandInLibrary, STAND_IN_LIBRARY_DIR } from '../lab/native/stand-in-library.ts';

const CLIENT = fileURLToPath(new URL('./mqi-roundtrip-client.ts', import.meta.url));
const count = Number(process.argv[2] ?? 20_000);

function runClient(connectionName: string, mode: 'both' | 'put' | 'get', stack: 'stack' | 'no-stack'): Promise<{ messages: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENT, connectionName, mode, String(count), stack], {
      env: { ...process.env, LD_LIBRARY_PATH: STAND_IN_LIBRARY_DIR },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as { messages: number; seconds: number }) : reject(new Error(`client exited ${code}`))));
  });
}

const built = buildStandInLibrary();
if (!built.ok) throw new Error(built.error);
const lab = await startMqTestLab({ queues: { 'DEV.QUEUE.1': { maxdepth: 999_999_999 } } }, { messageTruth: false });
const connectionName = lab.connectionName(['mq1']);
const rate = (messages: number, seconds: number): string => `${Math.round(messages / seconds)} msg/s`;
try {
  console.log(`${count} messages of 100 bytes, non-persistent, no syncpoint, 2 cores`);
  for (const stack of ['stack', 'no-stack'] as const) {
    const result = await runClient(connectionName, 'both', stack);
    console.log(`sequential put+get, one connection (${stack}): ${rate(result.messages, result.seconds)}`);
  }
  for (const stack of ['stack', 'no-stack'] as const) {
    const started = process.hrtime.bigint();
    await Promise.all([runClient(connectionName, 'get', stack), runClient(connectionName, 'put', stack)]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`producer+consumer processes (${stack}, incl. start-up): ${rate(count, seconds)}`);
  }
} finally {
  await lab.stop();
}

/**
 * Put+get throughput through the unmodified ibmmq package against the lab's stand-in
 * client library and a lab queue manager (per-message truth off). Prints figures; not a
 * timed test. `node --import tsx bench/mqi-roundtrip.ts [messages]`
 *
 * - sequential: one application, PutSync then GetSync on one connection;
 * - no-stack: the same with Error.stackTraceLimit = 0 — the package builds an MQError
 *   and a TypeError (each capturing a stack) on every call, which is most of its cost;
 * - producer+consumer: two applications (processes), one putting, one getting with wait;
 * - native: the sequential loop in C against the stand-in library, without the package
 *   (bench/mqi-roundtrip-native.c, compiled here with gcc): the transport and lab floor.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMqTestLab } from '../lab/mq/mq-test-lab.ts';
import { buildStandInLibrary, STAND_IN_LIBRARY_DIR } from '../lab/native/stand-in-library.ts';

const CLIENT = fileURLToPath(new URL('./mqi-roundtrip-client.ts', import.meta.url));
const NATIVE_SOURCE = fileURLToPath(new URL('./mqi-roundtrip-native.c', import.meta.url));
const MQI_HEADERS = fileURLToPath(new URL('../node_modules/ibmmq/src', import.meta.url));
const count = Number(process.argv[2] ?? 20_000);

function runClient(connectionName: string, mode: 'both' | 'put' | 'get' | 'native', stack: 'stack' | 'no-stack'): Promise<{ messages: number; seconds: number }> {
  const [command, args] = mode === 'native' ? [compileNative(), [connectionName, String(count)]] : [process.execPath, ['--import', 'tsx', CLIENT, connectionName, mode, String(count), stack]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, LD_LIBRARY_PATH: STAND_IN_LIBRARY_DIR },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as { messages: number; seconds: number }) : reject(new Error(`client exited ${code}`))));
  });
}

function compileNative(): string {
  const program = join(mkdtempSync(join(tmpdir(), 'mqchaos-bench-')), 'mqi-roundtrip-native');
  const args = ['-O2', `-I${MQI_HEADERS}/unix`, `-I${MQI_HEADERS}`, NATIVE_SOURCE, `-L${STAND_IN_LIBRARY_DIR}`, '-lmqm_r', '-o', program];
  const compiled = spawnSync('gcc', args, { encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`gcc: ${compiled.stderr}`);
  return program;
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
  const native = await runClient(connectionName, 'native', 'stack');
  console.log(`native C loop on the stand-in library, no package: ${rate(native.messages, native.seconds)}`);
} finally {
  await lab.stop();
}

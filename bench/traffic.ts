/**
 * Traffic throughput and accounting cost. Prints figures; not a timed test.
 *   node --import tsx bench/traffic.ts [messages-per-producer] [shape numbers, e.g. 1,2]
 *
 * Runs the harness's own traffic clients (one process each, the real `ibmmq` package over
 * the lab's stand-in client library, records written as in a scenario) against a lab queue
 * manager with per-message truth off, then judges the records with the message accounting:
 * - put+get msg/s: messages got by the consumers / seconds from the producers' start to the
 *   consumers' drain (every message is put, got and recorded);
 * - accounting bytes per message: the traffic logs on disk, and the checker's memory;
 * - the checker's time per million messages.
 * Every run is bounded: a fixed message count and a hard deadline per client.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrafficClientProcess } from '../activities/traffic/traffic-client-process.ts';
import type { ClientPlan, ConsumerPlan, ProducerPlan } from '../activities/traffic/traffic-ipc.ts';
import { AttemptLedger } from '../checkers/attempt-ledger.ts';
import { accountMessages } from '../checkers/message-accounting.ts';
import type { PersistenceMode } from '../checkers/traffic-log.ts';
import { startMqTestLab } from '../lab/mq/mq-test-lab.ts';
import { buildStandInLibrary } from '../lab/native/stand-in-library.ts';
import { readTrafficRecording } from '../records/traffic-log-files.ts';
import { trafficFolder, trafficLogFile } from '../records/run-layout.ts';

const perProducer = Number(process.argv[2] ?? 50_000);
const onlyShapes = process.argv[3]?.split(',').map(Number);
const DEADLINE_MS = 120_000;

interface Shape {
  name: string;
  producers: number;
  consumers: number;
  persistence: PersistenceMode;
  syncpoint: number;
}

const SHAPES: Shape[] = [
  { name: '1 producer, 1 consumer, non-persistent', producers: 1, consumers: 1, persistence: 'non-persistent', syncpoint: 0 },
  { name: '1 producer, 1 consumer, persistent', producers: 1, consumers: 1, persistence: 'persistent', syncpoint: 0 },
  { name: '1 producer, 1 consumer, persistent, syncpoint 50', producers: 1, consumers: 1, persistence: 'persistent', syncpoint: 50 },
  { name: '2 producers, 2 consumers, mixed', producers: 2, consumers: 2, persistence: 'mixed', syncpoint: 0 },
];

const built = buildStandInLibrary();
if (!built.ok) throw new Error(built.error);
const lab = await startMqTestLab({ queues: { 'DEV.QUEUE.1': { maxdepth: 999_999_999 } } }, { messageTruth: false });
const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-bench-traffic-'));
try {
  console.log(`${perProducer} messages of 256 bytes per producer; lab queue manager without per-message truth; ${new Date().toISOString()}`);
  for (const [index, shape] of SHAPES.entries()) {
    if (onlyShapes && !onlyShapes.includes(index + 1)) continue;
    const dir = join(scratch, `shape-${index}`);
    const { seconds, got } = await runShape(shape, dir, lab.connectionName(['mq1']), built.libraryDir);
    const recording = (await readTrafficRecording(dir))!;
    const logBytes = readdirSync(trafficFolder(dir)).reduce((sum, name) => sum + statSync(join(trafficFolder(dir), name)).size, 0);
    const judged = process.hrtime.bigint();
    const { messages } = accountMessages(recording, null);
    const judgeSeconds = Number(process.hrtime.bigint() - judged) / 1e9;
    const classes = [messages.persistent, messages.nonPersistent].filter((c) => c !== null);
    const lost = classes.reduce((sum, c) => sum + (c.lost ?? NaN), 0);
    console.log(
      `${shape.name}: ${Math.round(got / seconds)} msg/s put+get (${got} in ${seconds.toFixed(2)} s); ` +
        `logs ${(logBytes / got).toFixed(3)} bytes/msg; lost ${lost}; checker ${((judgeSeconds / got) * 1e6).toFixed(2)} s per million`,
    );
  }
  console.log(`checker memory: ${ledgerBytesPerMessage(1_000_000).toFixed(3)} bytes/msg (attempt ledger, 1,000,000 first attempts)`);
} finally {
  await lab.stop();
  rmSync(scratch, { recursive: true, force: true });
}

async function runShape(shape: Shape, dir: string, connectionName: string, libraryDir: string): Promise<{ seconds: number; got: number }> {
  const hardDeadlineMs = Date.now() + DEADLINE_MS;
  const base = (id: string) => ({
    id,
    runId: 'bench',
    logFile: trafficLogFile(dir, id),
    connect: { queueManager: 'QM1', channel: 'DEV.APP.SVRCONN', connectionNames: [connectionName], reconnect: 'reconnect' as const },
    queue: 'DEV.QUEUE.1',
    bind: 'as-q-def' as const,
    hardDeadlineMs,
    sliceMs: 50,
    blockedCallMs: 250,
  });
  const consumers: ConsumerPlan[] = Array.from({ length: shape.consumers }, (_, i) => ({
    ...base(`c${i + 1}`),
    role: 'consumer',
    ratePerSecond: 0,
    syncpoint: shape.syncpoint > 0 ? 10 : 0,
    maxMessageBytes: 4096,
    waitMs: 100,
    drainMs: 30_000,
  }));
  const producers: ProducerPlan[] = Array.from({ length: shape.producers }, (_, i) => ({
    ...base(`p${i + 1}`),
    role: 'producer',
    persistence: shape.persistence,
    ratePerSecond: 0,
    count: perProducer,
    messageBytes: 256,
    syncpoint: shape.syncpoint,
  }));
  const start = (plans: ClientPlan[]) => plans.map((plan) => new TrafficClientProcess(plan, libraryDir));
  const consuming = start(consumers);
  await Promise.all(consuming.map((client) => client.whenReady(10_000)));
  const producing = start(producers);
  await Promise.all(producing.map((client) => client.whenReady(10_000)));
  const started = process.hrtime.bigint();
  await Promise.all(producing.map((client) => client.whenFinished(DEADLINE_MS)));
  for (const client of consuming) client.stop();
  const summaries = await Promise.all(consuming.map((client) => client.whenFinished(DEADLINE_MS)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, got: summaries.reduce((sum, summary) => sum + summary.count, 0) };
}

function ledgerBytesPerMessage(messages: number): number {
  const ledger = new AttemptLedger();
  for (let seq = 1; seq <= messages; seq++) {
    ledger.recordPut(seq, 0, 'c', 0);
    ledger.recordReceipt(seq, 0, false, 0);
  }
  return ledger.sizeBytes() / messages;
}

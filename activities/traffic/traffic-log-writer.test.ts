import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountMessages } from '../../checkers/message-accounting.ts';
import { trafficLogFile } from '../../records/run-layout.ts';
import { readTrafficRecording } from '../../records/traffic-log-files.ts';
import { TrafficLogWriter } from './traffic-log-writer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mqchaos-traffic-log-'));
  dirs.push(dir);
  return dir;
}

describe('TrafficLogWriter', () => {
  it('TrafficLogWriter - consecutive confirmed puts are one line until the slice ends; exceptions are lines of their own', () => {
    const dir = scenarioDir();
    const writer = new TrafficLogWriter(trafficLogFile(dir, 'p1'), { k: 'producer', id: 'p1', queue: 'Q', persistence: 'persistent', syncpoint: 0, sliceMs: 50, t: 0 }, 50);
    for (let seq = 1; seq <= 1000; seq++) writer.addPuts(seq, 1, 0, 'c', undefined, 1000 + seq * 0.04, 1000 + seq * 0.04 + 0.02, 1000 + seq * 0.04 + 0.02);
    writer.addPuts(1001, 1, 0, 'd', 2549, 1050, 1051, 1051);
    writer.addPuts(1001, 1, 1, 'c', undefined, 1052, 1900, 1900, true);
    writer.addPuts(1002, 1, 0, 'c', undefined, 1901, 1902, 1902);
    writer.end(1003, 'stopped');
    const lines = readFileSync(trafficLogFile(dir, 'p1'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.k, line.s, line.n, line.a, line.o])).toEqual([
      ['producer', undefined, undefined, undefined, undefined],
      ['p', 1, 1000, 0, 'c'],
      ['p', 1001, 1, 0, 'd'],
      ['p', 1001, 1, 1, 'c'],
      ['p', 1002, 1, 0, 'c'],
      ['end', undefined, undefined, undefined, undefined],
    ]);
  });

  it('TrafficLogWriter - a run never spans more than the slice', () => {
    const dir = scenarioDir();
    const writer = new TrafficLogWriter(trafficLogFile(dir, 'c1'), { k: 'consumer', id: 'c1', queue: 'Q', syncpoint: 0, t: 0 }, 50);
    for (let seq = 1; seq <= 10; seq++) writer.addGet('p1', seq, 0, 1000 + seq * 20);
    writer.end(10, 'stopped');
    const runs = readFileSync(trafficLogFile(dir, 'c1'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((line) => line.k === 'g');
    expect(runs.map((run) => [run.r, run.n])).toEqual([[{ p1: '1-3' }, 3], [{ p1: '4-6' }, 3], [{ p1: '7-9' }, 3], [{ p1: '10' }, 1]]);
  });

  it('TrafficLogWriter - gets from interleaved producers, with gaps and a swap, stay one line of ranges per producer', () => {
    const dir = scenarioDir();
    const writer = new TrafficLogWriter(trafficLogFile(dir, 'c1'), { k: 'consumer', id: 'c1', queue: 'Q', syncpoint: 0, t: 0 }, 50);
    for (const [p, s] of [['p1', 1], ['p2', 1], ['p1', 2], ['p2', 2], ['p1', 4], ['p1', 3], ['p1', 5], ['p2', 3]] as const) writer.addGet(p, s, 0, 1000);
    writer.addGet('p1', 5, 1, 1001);
    writer.end(9, 'stopped');
    const runs = readFileSync(trafficLogFile(dir, 'c1'), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((line) => line.k === 'g');
    expect(runs.map((run) => [run.r, run.n, run.a])).toEqual([[{ p1: '1-2,4,3,5', p2: '1-3' }, 8, 0], [{ p1: '5' }, 1, 1]]);
  });

  it('TrafficLogWriter - what the writers record reads back and balances in the accounting', async () => {
    const dir = scenarioDir();
    const producer = new TrafficLogWriter(trafficLogFile(dir, 'p1'), { k: 'producer', id: 'p1', queue: 'Q', persistence: 'mixed', syncpoint: 5, sliceMs: 50, t: 0 }, 50);
    producer.addPuts(1, 5, 0, 'c', undefined, 10, 12, 12);
    producer.addPuts(6, 5, 0, 'f', 2003, 13, 20, 20);
    producer.addPuts(6, 5, 1, 'c', undefined, 21, 25, 25);
    producer.end(15, 'stopped');
    const consumer = new TrafficLogWriter(trafficLogFile(dir, 'c1'), { k: 'consumer', id: 'c1', queue: 'Q', syncpoint: 0, t: 0 }, 50);
    for (let seq = 1; seq <= 5; seq++) consumer.addGet('p1', seq, 0, 30 + seq);
    for (let seq = 6; seq <= 10; seq++) consumer.addGet('p1', seq, 1, 30 + seq);
    consumer.addDrain(0, true);
    consumer.end(10, 'stopped');
    const recording = await readTrafficRecording(dir);
    const { messages } = accountMessages(recording!, null);
    expect(messages.recordsComplete).toBe(true);
    // Even sequence numbers are persistent: 2, 4 and three of the re-sent batch, whose first attempt failed.
    expect(messages.persistent).toMatchObject({ sent: 8, confirmed: 5, failed: 3, received: 5, lost: 0, duplicated: 0 });
    expect(messages.nonPersistent).toMatchObject({ sent: 7, confirmed: 5, failed: 2, received: 5, lost: 0, duplicated: 0 });
  });

  it('readTrafficRecording - a scenario without traffic has no recording', async () => {
    expect(await readTrafficRecording(scenarioDir())).toBeUndefined();
  });
});

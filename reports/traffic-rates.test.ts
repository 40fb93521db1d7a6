import { describe, expect, it } from 'vitest';
import type { ClientLog, TrafficRecording } from '../checkers/traffic-log.ts';
import { binTraffic, chooseBinMs } from './traffic-rates.ts';

const T = 1_800_000_000_000;

function producer(id: string, persistence: 'persistent' | 'non-persistent' | 'mixed', lines: ClientLog['lines']): ClientLog {
  return { header: { k: 'producer', id, queue: 'Q', persistence, syncpoint: 0, sliceMs: 100, t: T }, lines };
}

function consumer(lines: ClientLog['lines']): ClientLog {
  return { header: { k: 'consumer', id: 'c1', queue: 'Q', syncpoint: 0, t: T }, lines };
}

/** Puts 1..20 before an outage, failures during it, 21..30 after; a consumer gets them all. */
function outageRecording(): TrafficRecording {
  return {
    clients: [
      producer('p1', 'persistent', [
        { k: 'p', s: 1, n: 10, a: 0, o: 'c', t: T, e: T + 10, u: T + 90 },
        { k: 'p', s: 11, n: 10, a: 0, o: 'c', t: T + 100, e: T + 110, u: T + 190 },
        { k: 'p', s: 21, n: 1, a: 0, o: 'f', rc: 2009, t: T + 300, e: T + 310, u: T + 310 },
        { k: 'p', s: 21, n: 1, a: 1, o: 'd', rc: 2161, t: T + 500, e: T + 510, u: T + 510 },
        { k: 'p', s: 21, n: 10, a: 2, o: 'c', t: T + 800, e: T + 810, u: T + 890 },
        { k: 'end', t: T + 900, count: 32, reason: 'stopped' },
      ]),
      producer('p2', 'mixed', [{ k: 'p', s: 1, n: 5, a: 0, o: 'c', t: T, e: T + 20, u: T + 80 }]),
      consumer([
        { k: 'g', r: { p1: '1-20', p2: '1-5' }, n: 25, a: 0, t: T + 50, u: T + 250 },
        { k: 'g', r: { p1: '21-30' }, n: 10, a: 2, t: T + 850, u: T + 950 },
      ]),
    ],
  };
}

describe('binTraffic', () => {
  const bins = binTraffic(outageRecording(), 100)!;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('binTraffic - every confirmed put is in exactly one bin of its class', () => {
    expect(sum(bins.putsConfirmed.persistent)).toBe(30 + 2);
    expect(sum(bins.putsConfirmed.nonPersistent)).toBe(3);
  });

  it('binTraffic - a mixed producer splits by sequence number: even ones persistent', () => {
    expect(bins.putsConfirmed.persistent[0]).toBe(10 + 2);
    expect(bins.putsConfirmed.nonPersistent[0]).toBe(3);
  });

  it('binTraffic - failed and in-doubt attempts are counted apart, in the bin they ended in', () => {
    expect(bins.putsNotConfirmed).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
  });

  it('binTraffic - the outage is a run of empty bins between the puts before and after it', () => {
    expect(bins.putsConfirmed.persistent).toEqual([10 + 2, 10, 0, 0, 0, 0, 0, 0, 10, 0]);
  });

  it('binTraffic - gets are split by the producer each message came from', () => {
    expect(sum(bins.gets.persistent)).toBe(20 + 2 + 10);
    expect(sum(bins.gets.nonPersistent)).toBe(3);
    expect(bins.gets.persistent[1]).toBe(22);
    expect(bins.gets.persistent[8]).toBe(10);
  });

  it('binTraffic - a recording without puts or gets has no bins', () => {
    expect(binTraffic({ clients: [producer('p1', 'persistent', [{ k: 'end', t: T, count: 0, reason: 'stopped' }])] })).toBeUndefined();
  });
});

describe('chooseBinMs', () => {
  it('chooseBinMs - about 120 bins over the traffic, rounded to a readable width', () => {
    expect(chooseBinMs(60_000, 100)).toBe(500);
    expect(chooseBinMs(3_600_000, 100)).toBe(30_000);
  });

  it('chooseBinMs - never finer than a logged run can be long', () => {
    expect(chooseBinMs(1000, 250)).toBe(250);
  });
});

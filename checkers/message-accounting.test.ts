import { describe, expect, it } from 'vitest';
import { accountMessages, type MessageCounts } from './message-accounting.ts';
import type { ClientLog, PersistenceMode, PutOutcome, TrafficLine, TrafficRecording } from './traffic-log.ts';

/** Tiny hand-written histories: times are milliseconds from 0, one message per millisecond. */
function producer(id: string, persistence: PersistenceMode, lines: TrafficLine[], syncpoint = 0): ClientLog {
  const count = lines.reduce((sum, line) => sum + (line.k === 'p' ? line.n : 0), 0);
  return {
    header: { k: 'producer', id, queue: 'APP.Q', persistence, syncpoint, sliceMs: 50, t: 0 },
    lines: [...lines, { k: 'end', t: 1_000, count, reason: 'stopped' }],
  };
}

function consumer(id: string, lines: TrafficLine[], drain: { depth: number | null; complete: boolean } = { depth: 0, complete: true }): ClientLog {
  const count = lines.reduce((sum, line) => sum + (line.k === 'g' ? line.n : line.k === 'bad' ? 1 : 0), 0);
  return {
    header: { k: 'consumer', id, queue: 'APP.Q', syncpoint: 0, t: 0 },
    lines: [...lines, { k: 'drain', t: 999, ...drain }, { k: 'end', t: 1_000, count, reason: 'stopped' }],
  };
}

function puts(s: number, n: number, o: PutOutcome, t: number, extra: { a?: number; rc?: number } = {}): TrafficLine {
  return { k: 'p', s, n, a: extra.a ?? 0, o, ...(extra.rc === undefined ? {} : { rc: extra.rc }), t, e: t + 1, u: t + n };
}

function gets(p: string, s: number, n: number, t: number, extra: { a?: number; x?: 1 } = {}): TrafficLine {
  return { k: 'g', r: { [p]: n === 1 ? `${s}` : `${s}-${s + n - 1}` }, n, a: extra.a ?? 0, t, u: t + n - 1, ...(extra.x ? { x: 1 } : {}) };
}

function counts(partial: Partial<MessageCounts>): MessageCounts {
  return { sent: 0, confirmed: 0, failed: 0, inDoubt: 0, received: 0, lost: 0, duplicated: 0, outOfOrder: 0, corrupt: 0, recovered: 0, unexpected: 0, ...partial };
}

function totals(recording: TrafficRecording, faultAtMs: number | null = null) {
  const { messages } = accountMessages(recording, faultAtMs);
  const strip = (c: (MessageCounts & { phases?: unknown }) | null) => {
    if (c === null) return null;
    const { phases: _phases, ...rest } = c;
    return rest;
  };
  return { persistent: strip(messages.persistent), nonPersistent: strip(messages.nonPersistent), messages };
}

describe('accountMessages', () => {
  it('accountMessages - an empty history has no classes and no completed drain', () => {
    const { persistent, nonPersistent, messages } = totals({ clients: [] });
    expect(persistent).toBeNull();
    expect(nonPersistent).toBeNull();
    expect(messages.drain).toEqual({ complete: false, remainingDepth: null });
    expect(messages.recordsComplete).toBe(true);
  });

  it('accountMessages - a sane history balances with nothing lost', () => {
    const { persistent, nonPersistent } = totals({
      clients: [producer('p1', 'persistent', [puts(1, 10, 'c', 0)]), consumer('c1', [gets('p1', 1, 10, 20)])],
    });
    expect(persistent).toEqual(counts({ sent: 10, confirmed: 10, received: 10 }));
    expect(nonPersistent).toBeNull();
  });

  it('accountMessages - a confirmed message never received is lost', () => {
    const { persistent } = totals({
      clients: [producer('p1', 'persistent', [puts(1, 10, 'c', 0)]), consumer('c1', [gets('p1', 1, 4, 20), gets('p1', 6, 5, 30)])],
    });
    expect(persistent).toEqual(counts({ sent: 10, confirmed: 10, received: 9, lost: 1 }));
  });

  it('accountMessages - a second copy is a duplicate, not also out of order', () => {
    const { persistent } = totals({
      clients: [producer('p1', 'persistent', [puts(1, 10, 'c', 0)]), consumer('c1', [gets('p1', 1, 10, 20), gets('p1', 5, 1, 40)])],
    });
    expect(persistent).toEqual(counts({ sent: 10, confirmed: 10, received: 10, duplicated: 1 }));
  });

  it('accountMessages - a swapped pair counts one message out of order, per consumer', () => {
    const { persistent } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 5, 'c', 0)]),
        consumer('c1', [gets('p1', 1, 2, 20), gets('p1', 4, 1, 22), gets('p1', 3, 1, 23)]),
        consumer('c2', [gets('p1', 5, 1, 21)]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 5, confirmed: 5, received: 5, outOfOrder: 1 }));
  });

  it('accountMessages - a corrupt copy is counted corrupt and not received', () => {
    const { persistent, messages } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 3, 'c', 0)]),
        consumer('c1', [gets('p1', 1, 2, 20), { k: 'bad', t: 22, why: 'checksum', p: 'p1', s: 3, a: 0 }, { k: 'bad', t: 23, why: 'header' }]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 3, confirmed: 3, received: 2, lost: 1, corrupt: 1 }));
    expect(messages.unattributed).toEqual({ corrupt: 1, unexpected: 0 });
  });

  it('accountMessages - an in-doubt put that arrives is recovered, and its re-put is not a duplicate', () => {
    const { persistent } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 3, 'c', 0), puts(4, 1, 'd', 3, { rc: 2549 }), puts(4, 1, 'c', 4, { a: 1 }), puts(5, 2, 'c', 5)]),
        consumer('c1', [gets('p1', 1, 4, 20), gets('p1', 4, 1, 24, { a: 1 }), gets('p1', 5, 2, 25)]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 7, confirmed: 6, inDoubt: 1, received: 7, recovered: 1 }));
  });

  it('accountMessages - an in-doubt put that never arrives is neither lost nor recovered', () => {
    const { persistent } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 3, 'c', 0), puts(4, 1, 'd', 3, { rc: 2009 }), puts(4, 1, 'c', 4, { a: 1 })]),
        consumer('c1', [gets('p1', 1, 3, 20), gets('p1', 4, 1, 24, { a: 1 })]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 5, confirmed: 4, inDoubt: 1, received: 4 }));
  });

  it('accountMessages - a backed-out batch re-sent is neither lost nor duplicated', () => {
    const { persistent } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 5, 'c', 0), puts(6, 5, 'f', 5, { rc: 2003 }), puts(6, 5, 'c', 10, { a: 1 })], 5),
        consumer('c1', [gets('p1', 1, 5, 20), gets('p1', 6, 5, 25, { a: 1 })]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 15, confirmed: 10, failed: 5, received: 10 }));
  });

  it('accountMessages - a failed put that arrives, or a message nobody put, is unexpected', () => {
    const { persistent, messages } = totals({
      clients: [
        producer('p1', 'persistent', [puts(1, 2, 'c', 0), puts(3, 1, 'f', 2, { rc: 2053 })]),
        consumer('c1', [gets('p1', 1, 3, 20), gets('p1', 99, 1, 23), gets('p9', 1, 1, 24)]),
      ],
    });
    expect(persistent).toEqual(counts({ sent: 3, confirmed: 2, failed: 1, received: 4, unexpected: 2 }));
    expect(messages.unattributed.unexpected).toBe(1);
  });

  it('accountMessages - a copy got again after a consumer in-doubt commit is a redelivery, a third is a duplicate', () => {
    const recording = (copies: number) => ({
      clients: [
        producer('p1', 'persistent', [puts(1, 2, 'c', 0)]),
        consumer('c1', [gets('p1', 1, 2, 20, { x: 1 }), ...Array.from({ length: copies - 1 }, (_, i) => gets('p1', 1, 2, 30 + i * 2))]),
      ],
    });
    expect(totals(recording(2)).persistent).toEqual(counts({ sent: 2, confirmed: 2, received: 2 }));
    expect(totals(recording(5)).persistent).toEqual(counts({ sent: 2, confirmed: 2, received: 2, duplicated: 6 }));
  });

  it('accountMessages - lost is not measured when the drain left messages on the queue', () => {
    const { persistent, messages } = totals({
      clients: [producer('p1', 'persistent', [puts(1, 10, 'c', 0)]), consumer('c1', [gets('p1', 1, 4, 20)], { depth: 6, complete: false })],
    });
    expect(persistent?.lost).toBeNull();
    expect(messages.persistent?.phases.before.lost).toBeNull();
    expect(messages.drain).toEqual({ complete: false, remainingDepth: 6 });
  });

  it('accountMessages - lost is not measured when a client log does not add up to its own count', () => {
    const truncated = producer('p1', 'persistent', [puts(1, 10, 'c', 0)]);
    truncated.lines = truncated.lines.map((line) => (line.k === 'end' ? { ...line, count: 12 } : line));
    const { persistent, messages } = totals({ clients: [truncated, consumer('c1', [gets('p1', 1, 10, 20)])] });
    expect(messages.recordsComplete).toBe(false);
    expect(persistent?.lost).toBeNull();
  });

  it('accountMessages - a mixed producer splits its messages into the two classes', () => {
    const { persistent, nonPersistent } = totals({
      clients: [producer('p1', 'mixed', [puts(1, 10, 'c', 0)]), consumer('c1', [gets('p1', 1, 3, 20), gets('p1', 5, 6, 30)])],
    });
    expect(persistent).toEqual(counts({ sent: 5, confirmed: 5, received: 4, lost: 1 }));
    expect(nonPersistent).toEqual(counts({ sent: 5, confirmed: 5, received: 5 }));
  });

  it('accountMessages - phases split at the fault and at the first confirmed put after the disruption', () => {
    const { messages, phases } = accountMessages(
      {
        clients: [
          producer('p1', 'non-persistent', [
            puts(1, 40, 'c', 0),
            puts(41, 10, 'c', 50),
            { k: 'ev', t: 105, what: 'call-failed', verb: 'PUT', rc: 2009 },
            puts(61, 1, 'd', 100, { rc: 2009 }),
            puts(61, 1, 'c', 400, { a: 1 }),
            puts(62, 9, 'c', 402),
          ]),
          consumer('c1', [gets('p1', 1, 40, 10), gets('p1', 61, 1, 410, { a: 1 }), gets('p1', 62, 9, 420)]),
        ],
      },
      100,
    );
    expect(phases.serviceRestoredAtMs).toBe(401);
    expect(phases.firstGetAfterFaultAtMs).toBe(410);
    const np = messages.nonPersistent!;
    expect(np.phases.before).toEqual(counts({ sent: 50, confirmed: 50, received: 40, lost: 10 }));
    // The re-put began during the outage; its confirmation is what restored the service.
    expect(np.phases.during).toEqual(counts({ sent: 2, confirmed: 1, inDoubt: 1, received: 1 }));
    expect(np.phases.after).toEqual(counts({ sent: 9, confirmed: 9, received: 9 }));
    expect(np.lost).toBe(10);
  });

  it('accountMessages - without a fault every message is before it and nothing is restored', () => {
    const { messages, phases } = accountMessages({ clients: [producer('p1', 'persistent', [puts(1, 3, 'c', 0)]), consumer('c1', [gets('p1', 1, 3, 5)])] }, null);
    expect(phases.serviceRestoredAtMs).toBeNull();
    expect(messages.persistent!.phases.during).toEqual(counts({}));
    expect(messages.persistent!.phases.before.received).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { ClientLog, TrafficLine } from './traffic-log.ts';
import { measureTrafficPhases } from './traffic-phases.ts';

function producer(lines: TrafficLine[]): ClientLog {
  return { header: { k: 'producer', id: 'p1', queue: 'Q', persistence: 'persistent', syncpoint: 0, sliceMs: 50, t: 0 }, lines };
}

function consumer(lines: TrafficLine[]): ClientLog {
  return { header: { k: 'consumer', id: 'c1', queue: 'Q', syncpoint: 0, t: 0 }, lines };
}

describe('measureTrafficPhases', () => {
  it('measureTrafficPhases - a put the dying instance confirmed just after the fault does not restore the service', () => {
    const phases = measureTrafficPhases(
      {
        clients: [
          producer([
            { k: 'p', s: 1, n: 1, a: 0, o: 'c', t: 99, e: 102, u: 102 },
            { k: 'ev', t: 1_600, what: 'call-blocked', verb: 'PUT', ms: 1_495 },
            { k: 'p', s: 2, n: 1, a: 0, o: 'c', t: 105, e: 1_600, u: 1_600 },
            { k: 'p', s: 3, n: 10, a: 0, o: 'c', t: 1_601, e: 1_602, u: 1_650 },
          ]),
        ],
      },
      100,
    );
    expect(phases.serviceRestoredAtMs).toBe(1_600);
    expect([phases.phaseOf(99), phases.phaseOf(105), phases.phaseOf(1_601)]).toEqual([0, 1, 2]);
  });

  it('measureTrafficPhases - without any disruption the first completion after the fault counts, read inside a run at its pace', () => {
    const phases = measureTrafficPhases(
      {
        clients: [
          producer([{ k: 'p', s: 1, n: 11, a: 0, o: 'c', t: 0, e: 10, u: 210 }]),
          consumer([{ k: 'g', r: { p1: '1-11' }, n: 11, a: 0, t: 15, u: 215 }]),
        ],
      },
      95,
    );
    expect(phases.serviceRestoredAtMs).toBe(110);
    expect(phases.firstGetAfterFaultAtMs).toBe(95);
  });

  it('measureTrafficPhases - no fault, or no confirmation after it, leaves the times unmeasured', () => {
    const lines: TrafficLine[] = [{ k: 'p', s: 1, n: 1, a: 0, o: 'c', t: 0, e: 5, u: 5 }];
    expect(measureTrafficPhases({ clients: [producer(lines)] }, null).serviceRestoredAtMs).toBeNull();
    const after = measureTrafficPhases({ clients: [producer(lines)] }, 50);
    expect(after.serviceRestoredAtMs).toBeNull();
    expect(after.phaseOf(60)).toBe(1);
  });
});

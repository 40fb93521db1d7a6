import type { Phase } from './attempt-ledger.ts';
import type { ClientLog, TrafficLine, TrafficRecording } from './traffic-log.ts';

/**
 * When the application was served again after the fault, read from the traffic logs, and
 * the phases every message is counted in: before the fault, during it (from the fault until
 * the first confirmed put after it), after it.
 *
 * "After the fault" means after the first disruption the clients saw at or after the fault
 * (a failed, in-doubt or blocked call, a reconnect status other than OK): the fault time is
 * the kill's round-trip midpoint, and a put confirmed in the milliseconds after it may still
 * have been served by the dying instance. When the clients saw no disruption at all, it is
 * the first completion after the fault.
 */
export interface TrafficPhases {
  faultAtMs: number | null;
  /** When the first put after the fault was confirmed; null without a fault or without such a put. */
  serviceRestoredAtMs: number | null;
  /** When a consumer first got a message after the fault. */
  firstGetAfterFaultAtMs: number | null;
  phaseOf(tMs: number): Phase;
}

export function measureTrafficPhases(traffic: TrafficRecording, faultAtMs: number | null): TrafficPhases {
  const producers = traffic.clients.filter((client) => client.header.k === 'producer');
  const consumers = traffic.clients.filter((client) => client.header.k === 'consumer');
  const serviceRestoredAtMs = faultAtMs === null ? null : firstCompletionAfter(producers, faultAtMs, 'p');
  const firstGetAfterFaultAtMs = faultAtMs === null ? null : firstCompletionAfter(consumers, faultAtMs, 'g');
  return {
    faultAtMs,
    serviceRestoredAtMs,
    firstGetAfterFaultAtMs,
    phaseOf(tMs: number): Phase {
      if (faultAtMs === null || tMs < faultAtMs) return 0;
      if (serviceRestoredAtMs === null || tMs < serviceRestoredAtMs) return 1;
      return 2;
    },
  };
}

function firstCompletionAfter(clients: ClientLog[], faultAtMs: number, kind: 'p' | 'g'): number | null {
  const lines = clients.flatMap((client) => client.lines);
  const disruptedAt = minimum(lines.map((line) => disruptionTime(line)).filter((t): t is number => t !== null && t >= faultAtMs));
  const from = disruptedAt ?? faultAtMs;
  const completions = lines.map((line) => completionAtOrAfter(line, kind, from)).filter((t): t is number => t !== null);
  return minimum(completions);
}

function disruptionTime(line: TrafficLine): number | null {
  if (line.k === 'ev' && (line.what === 'call-failed' || line.what === 'call-blocked')) return line.t;
  if (line.k === 'ev' && line.what === 'reconnect-status' && (line.rc ?? 0) !== 0) return line.t;
  if (line.k === 'p' && line.o !== 'c') return line.e;
  return null;
}

/**
 * The first completion of a run at or after `fromMs`. Inside a run the completions are evenly
 * spread between its first and last (a run holds only calls that did not block), so a run
 * that spans `fromMs` is read at the first completion that even spacing puts after it.
 */
function completionAtOrAfter(line: TrafficLine, kind: 'p' | 'g', fromMs: number): number | null {
  if (line.k !== kind) return null;
  if (line.k === 'p' && line.o !== 'c') return null;
  const first = line.k === 'p' ? line.e : line.t;
  const last = line.u;
  if (first >= fromMs) return first;
  if (last < fromMs) return null;
  if (line.n <= 1) return last;
  const gapMs = (last - first) / (line.n - 1);
  return Math.min(last, first + Math.ceil((fromMs - first) / gapMs) * gapMs);
}

function minimum(values: number[]): number | null {
  let least: number | null = null;
  for (const value of values) if (least === null || value < least) least = value;
  return least;
}

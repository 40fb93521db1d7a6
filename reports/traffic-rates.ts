import {
  persistenceClassOf,
  type PersistenceClass,
  type PersistenceMode,
  type TrafficRecording,
} from '../checkers/traffic-log.ts';

/**
 * Puts and gets per time bin and persistence class, from the traffic clients' logs. A logged
 * run (at most one slice long) is counted whole in the bin of its middle instant, so every
 * confirmed put and every got message is in exactly one bin: the bins add up to the logs.
 */
export interface TrafficBins {
  startMs: number;
  binMs: number;
  /** Confirmed puts (MQPUT or the unit of work's MQCMIT completed). */
  putsConfirmed: Record<PersistenceClass, number[]>;
  /** Messages got intact. */
  gets: Record<PersistenceClass, number[]>;
  /** Put attempts that failed or whose outcome is in doubt, every class. */
  putsNotConfirmed: number[];
}

const TARGET_BINS = 120;
const NICE_BIN_MS = [100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/** Undefined when the recording holds no put or get. */
export function binTraffic(recording: TrafficRecording, binMsOverride?: number): TrafficBins | undefined {
  const span = trafficSpan(recording);
  if (!span) return undefined;
  const slices = recording.clients.map((client) => (client.header.k === 'producer' ? client.header.sliceMs : 0));
  const binMs = binMsOverride ?? chooseBinMs(span.toMs - span.fromMs, Math.max(0, ...slices));
  const count = Math.floor((span.toMs - span.fromMs) / binMs) + 1;
  const zeros = () => new Array<number>(count).fill(0);
  const bins: TrafficBins = {
    startMs: span.fromMs,
    binMs,
    putsConfirmed: { persistent: zeros(), nonPersistent: zeros() },
    gets: { persistent: zeros(), nonPersistent: zeros() },
    putsNotConfirmed: zeros(),
  };
  const binOf = (fromMs: number, toMs: number) => Math.min(count - 1, Math.max(0, Math.floor(((fromMs + toMs) / 2 - span.fromMs) / binMs)));
  const modes = new Map<string, PersistenceMode>();
  for (const { header } of recording.clients) if (header.k === 'producer') modes.set(header.id, header.persistence);

  for (const client of recording.clients) {
    const mode = client.header.k === 'producer' ? client.header.persistence : undefined;
    for (const line of client.lines) {
      if (line.k === 'p' && mode !== undefined) {
        const bin = binOf(line.e, line.u);
        if (line.o === 'c') {
          const split = splitByClass(mode, line.s, line.s + line.n - 1);
          bins.putsConfirmed.persistent[bin]! += split.persistent;
          bins.putsConfirmed.nonPersistent[bin]! += split.nonPersistent;
        } else {
          bins.putsNotConfirmed[bin]! += line.n;
        }
      } else if (line.k === 'g') {
        const bin = binOf(line.t, line.u);
        for (const [producer, ranges] of Object.entries(line.r)) {
          const producerMode = modes.get(producer) ?? 'persistent';
          forEachRange(ranges, (first, last) => {
            const split = splitByClass(producerMode, first, last);
            bins.gets.persistent[bin]! += split.persistent;
            bins.gets.nonPersistent[bin]! += split.nonPersistent;
          });
        }
      }
    }
  }
  return bins;
}

/** From the first put or get to the last. */
function trafficSpan(recording: TrafficRecording): { fromMs: number; toMs: number } | undefined {
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const client of recording.clients) {
    for (const line of client.lines) {
      if (line.k === 'p') {
        fromMs = Math.min(fromMs, line.e);
        toMs = Math.max(toMs, line.u);
      } else if (line.k === 'g') {
        fromMs = Math.min(fromMs, line.t);
        toMs = Math.max(toMs, line.u);
      }
    }
  }
  return Number.isFinite(fromMs) ? { fromMs, toMs } : undefined;
}

/** About 120 bins across the traffic, never finer than a logged run can be long. */
export function chooseBinMs(spanMs: number, sliceMs: number): number {
  const wanted = Math.max(spanMs / TARGET_BINS, sliceMs);
  return NICE_BIN_MS.find((candidate) => candidate >= wanted) ?? NICE_BIN_MS[NICE_BIN_MS.length - 1]!;
}

/** How many of the sequence numbers first..last are of each class (mixed producers alternate, even ones persistent). */
function splitByClass(mode: PersistenceMode, first: number, last: number): Record<PersistenceClass, number> {
  const total = last - first + 1;
  if (mode !== 'mixed') {
    const only = persistenceClassOf(mode, first);
    return only === 'persistent' ? { persistent: total, nonPersistent: 0 } : { persistent: 0, nonPersistent: total };
  }
  const evens = Math.floor(last / 2) - Math.floor((first - 1) / 2);
  return { persistent: evens, nonPersistent: total - evens };
}

function forEachRange(ranges: string, visit: (first: number, last: number) => void): void {
  for (const range of ranges.split(',')) {
    const dash = range.indexOf('-');
    if (dash < 0) visit(Number(range), Number(range));
    else visit(Number(range.slice(0, dash)), Number(range.slice(dash + 1)));
  }
}

import { AttemptLedger, PHASE_NAMES, type AttemptState, type Phase } from './attempt-ledger.ts';
import { measureTrafficPhases, type TrafficPhases } from './traffic-phases.ts';
import {
  forEachSeq,
  persistenceClassOf,
  type ClientLog,
  type ConsumerHeader,
  type DrainRecord,
  type GetRun,
  type PersistenceClass,
  type PersistenceMode,
  type ProducerHeader,
  type TrafficRecording,
} from './traffic-log.ts';

/**
 * Exact message accounting over the traffic logs, after Jepsen's total-queue checker and
 * IBM's amqsfhac. The unit is a put attempt (one copy the producer tried to put):
 * - sent: put attempts; confirmed / failed / inDoubt: attempts by outcome (sent is their sum);
 * - received: attempts of which a consumer got at least one intact copy;
 * - lost: confirmed attempts never received (null when the drain did not empty the queue or
 *   a client's records are incomplete: absence then proves nothing);
 * - recovered: in-doubt attempts that arrived (an in-doubt attempt that did not is not lost);
 * - duplicated: copies received beyond the first, less one redelivery allowed by a consumer's
 *   own in-doubt commit;
 * - outOfOrder: attempts whose first copy a consumer got after a later message of the same
 *   producer and class (a further copy is a duplicate, not also out of order);
 * - corrupt: copies whose body or CorrelId did not verify (never counted as received);
 * - unexpected: attempts received that no producer recorded, or whose put failed, and
 *   messages of another run left on the queue.
 * So received = confirmed - lost + recovered + unexpected. Each count is also split by the
 * phase in which the attempt's put began (TrafficPhases).
 */

export interface MessageCounts {
  sent: number;
  confirmed: number;
  failed: number;
  inDoubt: number;
  received: number;
  lost: number | null;
  duplicated: number;
  outOfOrder: number;
  corrupt: number;
  recovered: number;
  unexpected: number;
}

export interface ClassAccounting extends MessageCounts {
  phases: { before: MessageCounts; during: MessageCounts; after: MessageCounts };
}

export interface MessageAccounting {
  /** Null when no producer put messages of the class. */
  persistent: ClassAccounting | null;
  nonPersistent: ClassAccounting | null;
  /** Copies that could not be attributed to a producer's message. */
  unattributed: { corrupt: number; unexpected: number };
  drain: { complete: boolean; remainingDepth: number | null };
  /** Every client wrote its end line and its records add up to the count it kept itself. */
  recordsComplete: boolean;
  /** Phases are exact to this: a run line never spans more. */
  phaseResolutionMs: number;
}

export interface TrafficAccounting {
  messages: MessageAccounting;
  phases: TrafficPhases;
}

interface ProducerBook {
  header: ProducerHeader;
  ledger: AttemptLedger;
}

type Tally = Record<PersistenceClass, MessageCounts[]>;

export function accountMessages(traffic: TrafficRecording, faultAtMs: number | null): TrafficAccounting {
  const phases = measureTrafficPhases(traffic, faultAtMs);
  const tally: Tally = { persistent: PHASE_NAMES.map(zeroCounts), nonPersistent: PHASE_NAMES.map(zeroCounts) };
  const unattributed = { corrupt: 0, unexpected: 0 };
  const books = new Map<string, ProducerBook>();
  let recordsComplete = true;

  for (const client of traffic.clients) {
    if (client.header.k !== 'producer') continue;
    const book = { header: client.header, ledger: new AttemptLedger() };
    books.set(client.header.id, book);
    if (!recordPuts(client, book, phases)) recordsComplete = false;
  }
  for (const client of traffic.clients) {
    if (client.header.k !== 'consumer') continue;
    if (!recordGets(client, client.header, books, phases, tally, unattributed)) recordsComplete = false;
  }
  for (const book of books.values()) tallyAttempts(book, tally);

  const drain = summarizeDrain(traffic.clients);
  const lostKnown = recordsComplete && drain.complete;
  const modes = [...books.values()].map((book) => book.header.persistence);
  const classOf = (name: PersistenceClass): ClassAccounting | null =>
    modes.some((mode) => producesClass(mode, name)) ? summarizeClass(tally[name], lostKnown) : null;
  return {
    messages: {
      persistent: classOf('persistent'),
      nonPersistent: classOf('nonPersistent'),
      unattributed,
      drain,
      recordsComplete,
      phaseResolutionMs: Math.max(0, ...[...books.values()].map((book) => book.header.sliceMs)),
    },
    phases,
  };
}

/** Returns false when the producer's lines do not add up to its own count. */
function recordPuts(client: ClientLog, book: ProducerBook, phases: TrafficPhases): boolean {
  let attempts = 0;
  let counted: number | null = null;
  for (const line of client.lines) {
    if (line.k === 'end') counted = line.count;
    if (line.k !== 'p') continue;
    const phase = phases.phaseOf(line.t);
    for (let i = 0; i < line.n; i++) book.ledger.recordPut(line.s + i, line.a, line.o, phase);
    attempts += line.n;
  }
  return counted === attempts;
}

function recordGets(
  client: ClientLog,
  header: ConsumerHeader,
  books: Map<string, ProducerBook>,
  phases: TrafficPhases,
  tally: Tally,
  unattributed: { corrupt: number; unexpected: number },
): boolean {
  const highestSeen = new Map<string, number>();
  let copies = 0;
  let counted: number | null = null;
  for (const line of client.lines) {
    if (line.k === 'end') counted = line.count;
    if (line.k === 'bad') {
      copies += 1;
      if (line.why === 'other-run') {
        unattributed.unexpected += 1;
        continue;
      }
      const book = line.p === undefined ? undefined : books.get(line.p);
      if (!book || line.s === undefined) {
        unattributed.corrupt += 1;
        continue;
      }
      const known = book.ledger.lookup(line.s, line.a ?? 0);
      const phase = known && known.outcome !== 0 ? known.phase : phases.phaseOf(line.t);
      tally[persistenceClassOf(book.header.persistence, line.s)][phase]!.corrupt += 1;
      continue;
    }
    if (line.k !== 'g') continue;
    copies += line.n;
    for (const [producerId, ranges] of Object.entries(line.r)) {
      const book = books.get(producerId);
      if (!book) forEachSeq(ranges, () => (unattributed.unexpected += 1));
      else recordGetRun(line, ranges, book, phases.phaseOf(line.t), `${header.id}|${producerId}`, highestSeen, tally, unattributed);
    }
  }
  return counted === copies;
}

function recordGetRun(
  run: GetRun,
  ranges: string,
  book: ProducerBook,
  phaseIfUnknown: Phase,
  streamKey: string,
  highestSeen: Map<string, number>,
  tally: Tally,
  unattributed: { unexpected: number },
): void {
  forEachSeq(ranges, (seq) => {
    const before: AttemptState | undefined = book.ledger.recordReceipt(seq, run.a, run.x === 1, phaseIfUnknown);
    if (!before) {
      unattributed.unexpected += 1;
      return;
    }
    const className = persistenceClassOf(book.header.persistence, seq);
    const phase = before.outcome !== 0 || before.receipts > 0 ? before.phase : phaseIfUnknown;
    // Order is judged on first copies only: a later copy is a duplicate or a redelivery, counted as such.
    if (before.receipts > 0) return;
    const key = `${streamKey}|${className}`;
    const highest = highestSeen.get(key) ?? 0;
    if (seq < highest) tally[className][phase]!.outOfOrder += 1;
    else highestSeen.set(key, seq);
  });
}

function tallyAttempts(book: ProducerBook, tally: Tally): void {
  book.ledger.forEachAttempt((seq, _attempt, state) => {
    const counts = tally[persistenceClassOf(book.header.persistence, seq)][state.phase]!;
    const received = state.receipts > 0;
    if (state.outcome !== 0) counts.sent += 1;
    if (state.outcome === 1) {
      counts.confirmed += 1;
      if (!received) counts.lost! += 1;
    } else if (state.outcome === 2) {
      counts.failed += 1;
      if (received) counts.unexpected += 1;
    } else if (state.outcome === 3) {
      counts.inDoubt += 1;
      if (received) counts.recovered += 1;
    } else if (received) {
      counts.unexpected += 1;
    }
    if (received) counts.received += 1;
    counts.duplicated += Math.max(0, state.receipts - 1 - (state.redeliverable ? 1 : 0));
  });
}

function summarizeClass(byPhase: MessageCounts[], lostKnown: boolean): ClassAccounting {
  const phase = (index: number): MessageCounts => withLost(byPhase[index]!, lostKnown);
  const [before, during, after] = [phase(0), phase(1), phase(2)];
  const total = zeroCounts();
  for (const counts of [before, during, after]) {
    for (const field of Object.keys(total) as Array<keyof MessageCounts>) {
      if (field !== 'lost') total[field] += counts[field];
    }
    total.lost = lostKnown ? total.lost! + counts.lost! : null;
  }
  return { ...total, phases: { before, during, after } };
}

function withLost(counts: MessageCounts, lostKnown: boolean): MessageCounts {
  return lostKnown ? { ...counts } : { ...counts, lost: null };
}

function summarizeDrain(clients: ClientLog[]): MessageAccounting['drain'] {
  const drains = clients
    .filter((client) => client.header.k === 'consumer')
    .map((client) => client.lines.filter((line): line is DrainRecord => line.k === 'drain').at(-1));
  if (drains.length === 0 || drains.some((drain) => drain === undefined)) return { complete: false, remainingDepth: null };
  const depths = drains.map((drain) => drain!.depth);
  const remainingDepth = depths.some((depth) => depth === null) ? null : Math.max(...(depths as number[]));
  return { complete: drains.every((drain) => drain!.complete), remainingDepth };
}

function producesClass(mode: PersistenceMode, name: PersistenceClass): boolean {
  return mode === 'mixed' || persistenceClassOf(mode, 1) === name;
}

function zeroCounts(): MessageCounts {
  return { sent: 0, confirmed: 0, failed: 0, inDoubt: 0, received: 0, lost: 0, duplicated: 0, outOfOrder: 0, corrupt: 0, recovered: 0, unexpected: 0 };
}

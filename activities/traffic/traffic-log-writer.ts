import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  ClientEvent,
  ConsumerHeader,
  CorruptGet,
  EndRecord,
  GetRun,
  ProducerHeader,
  PutOutcome,
  PutRun,
  TrafficLine,
} from '../../checkers/traffic-log.ts';

const FLUSH_BYTES = 64 * 1024;
const FLUSH_INTERVAL_MS = 200;

/**
 * Writes one client's traffic log (format: checkers/traffic-log.ts) from the client's own
 * process. Consecutive sequence numbers with the same outcome extend the current put line,
 * and gets of the same attempt extend the current get line (as ranges per producer), until
 * the line would span more than `sliceMs`; anything else closes it. Writes are
 * synchronous and buffered (the client's MQI calls block its event loop anyway), flushed
 * every 64 KiB, every 200 ms of calls, and at the end.
 */
export class TrafficLogWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private lastFlushMs = Date.now();
  private putRun: PutRun | null = null;
  /** The open get line and, per producer, its closed ranges and the range being extended. */
  private getRun: { run: GetRun; ranges: Map<string, { closed: string[]; first: number; last: number }> } | null = null;
  private closed = false;

  constructor(
    file: string,
    header: ProducerHeader | ConsumerHeader,
    private readonly sliceMs: number,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'a');
    this.append(header);
  }

  /** `n` consecutive put attempts from `s`; `alone` keeps them out of any run (a call that blocked). */
  addPuts(s: number, n: number, a: number, o: PutOutcome, rc: number | undefined, t: number, e: number, u: number, alone = false): void {
    const run = this.putRun;
    if (!alone && run && run.a === a && run.o === o && run.rc === rc && run.s + run.n === s && t - run.t < this.sliceMs) {
      run.n += n;
      run.u = u;
    } else {
      this.closeRuns();
      this.putRun = { k: 'p', s, n, a, o, ...(rc === undefined ? {} : { rc }), t, e, u };
      if (alone) this.closeRuns();
    }
    this.flushIfDue();
  }

  /** One intact message got; `redeliverable` when its unit of work's commit outcome is unknown. */
  addGet(p: string, s: number, a: number, atMs: number, redeliverable = false): void {
    const line = this.getRun;
    if (!line || line.run.a !== a || (line.run.x === 1) !== redeliverable || atMs - line.run.t >= this.sliceMs) {
      this.closeRuns();
      this.getRun = { run: { k: 'g', r: {}, n: 0, a, t: atMs, u: atMs, ...(redeliverable ? { x: 1 as const } : {}) }, ranges: new Map() };
    }
    const { run, ranges } = this.getRun!;
    run.n += 1;
    run.u = atMs;
    const stream = ranges.get(p);
    if (!stream) ranges.set(p, { closed: [], first: s, last: s });
    else if (s === stream.last + 1) stream.last = s;
    else {
      stream.closed.push(formatRange(stream.first, stream.last));
      stream.first = s;
      stream.last = s;
    }
    this.flushIfDue();
  }

  addCorrupt(record: Omit<CorruptGet, 'k'>): void {
    this.closeRuns();
    this.append({ k: 'bad', ...record });
  }

  addEvent(event: Omit<ClientEvent, 'k'>): void {
    this.closeRuns();
    this.append({ k: 'ev', ...event });
  }

  addDrain(depth: number | null, complete: boolean): void {
    this.closeRuns();
    this.append({ k: 'drain', t: Date.now(), depth, complete });
  }

  /** Writes the end line and closes the file; later calls do nothing. */
  end(count: number, reason: EndRecord['reason'], error?: string): void {
    if (this.closed) return;
    this.closeRuns();
    this.append({ k: 'end', t: Date.now(), count, reason, ...(error === undefined ? {} : { error }) });
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }

  /** Writes the buffered lines (an open run stays open until something closes it). */
  flush(): void {
    if (this.closed) return;
    if (this.pending.length > 0) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
    this.lastFlushMs = Date.now();
  }

  private flushIfDue(): void {
    const now = Date.now();
    if (this.pendingBytes >= FLUSH_BYTES || now - this.lastFlushMs >= FLUSH_INTERVAL_MS) {
      this.closeRuns();
      this.flush();
    }
  }

  private closeRuns(): void {
    if (this.putRun) this.append(this.putRun);
    if (this.getRun) {
      const { run, ranges } = this.getRun;
      for (const [producer, stream] of ranges) run.r[producer] = [...stream.closed, formatRange(stream.first, stream.last)].join(',');
      this.append(run);
    }
    this.putRun = null;
    this.getRun = null;
  }

  private append(line: TrafficLine): void {
    if (this.closed) return;
    const text = `${JSON.stringify(line)}\n`;
    this.pending.push(text);
    this.pendingBytes += text.length;
  }
}

function formatRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}-${last}`;
}

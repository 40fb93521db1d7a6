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
 * process. Consecutive sequence numbers with the same outcome extend the current run line
 * until the run would span more than `sliceMs`; anything else closes it. Writes are
 * synchronous and buffered (the client's MQI calls block its event loop anyway), flushed
 * every 64 KiB, every 200 ms of calls, and at the end.
 */
export class TrafficLogWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private lastFlushMs = Date.now();
  private putRun: PutRun | null = null;
  private getRun: GetRun | null = null;
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
    const run = this.getRun;
    if (run && run.p === p && run.a === a && (run.x === 1) === redeliverable && run.s + run.n === s && atMs - run.t < this.sliceMs) {
      run.n += 1;
      run.u = atMs;
    } else {
      this.closeRuns();
      this.getRun = { k: 'g', p, s, n: 1, a, t: atMs, u: atMs, ...(redeliverable ? { x: 1 as const } : {}) };
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
    if (this.getRun) this.append(this.getRun);
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

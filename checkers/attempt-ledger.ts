import type { PutOutcome } from './traffic-log.ts';

/**
 * Everything the accounting knows about one producer's put attempts, in one byte per
 * sequence number: the first attempt's outcome, its phase, how often it was received, and
 * whether a consumer's in-doubt commit allows one redelivery. First attempts live in a
 * growing Uint8Array indexed by sequence number; re-sent attempts (rare: one per failover
 * exception) live in a Map keyed by `seq * 256 + attempt`. No object per message.
 */

export type Phase = 0 | 1 | 2;
export const PHASE_NAMES = ['before', 'during', 'after'] as const;

const OUTCOME_BITS = 0b11;
const RECEIPTS_SHIFT = 2;
const RECEIPTS_BITS = 0b11 << RECEIPTS_SHIFT;
const PHASE_SHIFT = 4;
const PHASE_BITS = 0b11 << PHASE_SHIFT;
const REDELIVERABLE = 1 << 6;
const OUTCOME_CODES: Readonly<Record<PutOutcome, number>> = { c: 1, f: 2, d: 3 };
/** Beyond this a sequence number is not stored (a forged or corrupt header); its receipt is unexpected. */
const MAX_SEQ = 2 ** 31;
const MAX_ATTEMPT = 255;

export interface AttemptState {
  /** 0 when no put of this attempt was recorded. */
  outcome: 0 | 1 | 2 | 3;
  phase: Phase;
  /** Intact copies received. */
  receipts: number;
  redeliverable: boolean;
}

export class AttemptLedger {
  private firsts = new Uint8Array(1024);
  private highestSeq = 0;
  private readonly resent = new Map<number, number>();
  /** Receipt counts past 3, by key; only for duplicates beyond the second copy. */
  private readonly manyCopies = new Map<number, number>();

  /** Records one put attempt's outcome and phase. Returns false when the numbers are out of range. */
  recordPut(seq: number, attempt: number, outcome: PutOutcome, phase: Phase): boolean {
    if (!isStorable(seq, attempt)) return false;
    const byte = this.read(seq, attempt);
    this.write(seq, attempt, (byte & ~(OUTCOME_BITS | PHASE_BITS)) | OUTCOME_CODES[outcome] | (phase << PHASE_SHIFT));
    return true;
  }

  /**
   * Records one intact copy received and returns the attempt's state before it, or undefined
   * when the numbers cannot be stored. `phaseIfUnknown` dates a copy no put accounts for.
   */
  recordReceipt(seq: number, attempt: number, redeliverable: boolean, phaseIfUnknown: Phase): AttemptState | undefined {
    if (!isStorable(seq, attempt)) return undefined;
    const key = keyOf(seq, attempt);
    let byte = this.read(seq, attempt);
    const before = this.decode(byte, key);
    if (before.outcome === 0 && before.receipts === 0) byte = (byte & ~PHASE_BITS) | (phaseIfUnknown << PHASE_SHIFT);
    const receipts = (byte & RECEIPTS_BITS) >> RECEIPTS_SHIFT;
    if (receipts < 3) byte = (byte & ~RECEIPTS_BITS) | ((receipts + 1) << RECEIPTS_SHIFT);
    else this.manyCopies.set(key, (this.manyCopies.get(key) ?? 0) + 1);
    if (redeliverable) byte |= REDELIVERABLE;
    this.write(seq, attempt, byte);
    return before;
  }

  lookup(seq: number, attempt: number): AttemptState | undefined {
    if (!isStorable(seq, attempt)) return undefined;
    return this.decode(this.read(seq, attempt), keyOf(seq, attempt));
  }

  /** Every attempt that was put or received, first attempts in sequence order, then re-sent ones. */
  forEachAttempt(visit: (seq: number, attempt: number, state: AttemptState) => void): void {
    for (let seq = 1; seq <= this.highestSeq; seq++) {
      const byte = this.firsts[seq]!;
      if (byte !== 0) visit(seq, 0, this.decode(byte, keyOf(seq, 0)));
    }
    for (const [key, byte] of this.resent) visit(Math.floor(key / 256), key % 256, this.decode(byte, key));
  }

  /** Bytes of memory the ledger holds, for the benchmark's bytes per message. */
  sizeBytes(): number {
    return this.firsts.byteLength + (this.resent.size + this.manyCopies.size) * 16;
  }

  private read(seq: number, attempt: number): number {
    if (attempt > 0) return this.resent.get(keyOf(seq, attempt)) ?? 0;
    return seq < this.firsts.length ? this.firsts[seq]! : 0;
  }

  private write(seq: number, attempt: number, byte: number): void {
    if (attempt > 0) {
      this.resent.set(keyOf(seq, attempt), byte);
      return;
    }
    if (seq >= this.firsts.length) {
      let length = this.firsts.length;
      while (length <= seq) length *= 2;
      const grown = new Uint8Array(length);
      grown.set(this.firsts);
      this.firsts = grown;
    }
    this.firsts[seq] = byte;
    if (seq > this.highestSeq) this.highestSeq = seq;
  }

  private decode(byte: number, key: number): AttemptState {
    const counted = (byte & RECEIPTS_BITS) >> RECEIPTS_SHIFT;
    return {
      outcome: (byte & OUTCOME_BITS) as AttemptState['outcome'],
      phase: ((byte & PHASE_BITS) >> PHASE_SHIFT) as Phase,
      receipts: counted + (counted === 3 ? (this.manyCopies.get(key) ?? 0) : 0),
      redeliverable: (byte & REDELIVERABLE) !== 0,
    };
  }
}

function keyOf(seq: number, attempt: number): number {
  return seq * 256 + attempt;
}

function isStorable(seq: number, attempt: number): boolean {
  return Number.isInteger(seq) && seq >= 1 && seq <= MAX_SEQ && Number.isInteger(attempt) && attempt >= 0 && attempt <= MAX_ATTEMPT;
}

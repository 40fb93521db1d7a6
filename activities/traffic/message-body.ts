import { crc32 } from 'node:zlib';

/**
 * The body of a traffic message and its CorrelId. The body is binary (MQFMT_NONE):
 *
 *   0  "MQCX"            magic
 *   4  1 byte            layout version (1)
 *   5  1 byte            attempt (0 for the first put of the sequence number, then 1, 2, …)
 *   6  6 bytes           sequence number, big-endian
 *  12  4 bytes           body length
 *  16  1 byte + n        run id (length-prefixed ASCII)
 *   …  1 byte + n        producer id (length-prefixed ASCII)
 *   …  4 bytes           CRC-32 of every other byte of the body
 *   …  padding           filler up to the requested size
 *
 * The CorrelId repeats the identity (magic, CRC of run and producer id, sequence number,
 * attempt), so a consumer detects a body paired with another message's descriptor.
 */

const MAGIC = Buffer.from('MQCX', 'ascii');
const VERSION = 1;
const FIXED_BYTES = 16;
const CORREL_ID_BYTES = 24;
export const MAX_ID_LENGTH = 64;

export interface MessageIdentity {
  runId: string;
  producerId: string;
  seq: number;
  attempt: number;
}

export type DecodedBody =
  | { ok: true; identity: MessageIdentity }
  | { ok: false; why: 'header' | 'length' | 'checksum' | 'correlid' | 'other-run'; identity?: MessageIdentity };

export function minimumBodyBytes(runId: string, producerId: string): number {
  return FIXED_BYTES + 2 + Buffer.byteLength(runId) + Buffer.byteLength(producerId) + 4;
}

/**
 * A producer's reusable message: one buffer and one CorrelId, rewritten in place for each
 * sequence number and attempt (a put copies them), so a put allocates nothing.
 */
export class MessageTemplate {
  readonly body: Buffer;
  readonly correlId: Buffer;
  private readonly crcAt: number;
  private readonly identityCrc: number;

  constructor(
    readonly runId: string,
    readonly producerId: string,
    sizeBytes: number,
  ) {
    for (const id of [runId, producerId]) {
      if (!/^[\x21-\x7e]{1,64}$/.test(id)) throw new RangeError(`message id "${id}" must be 1 to ${MAX_ID_LENGTH} printable ASCII characters`);
    }
    const size = Math.max(sizeBytes, minimumBodyBytes(runId, producerId));
    this.body = Buffer.alloc(size, 0x2e);
    MAGIC.copy(this.body, 0);
    this.body[4] = VERSION;
    this.body.writeUInt32BE(size, 12);
    let at = FIXED_BYTES;
    for (const id of [runId, producerId]) {
      this.body[at] = id.length;
      this.body.write(id, at + 1, 'ascii');
      at += 1 + id.length;
    }
    this.crcAt = at;
    this.identityCrc = crc32(`${runId}\u0000${producerId}`);
    this.correlId = Buffer.alloc(CORREL_ID_BYTES);
  }

  /** Rewrites the body and CorrelId for this sequence number and attempt. */
  stamp(seq: number, attempt: number): void {
    this.body[5] = attempt;
    this.body.writeUIntBE(seq, 6, 6);
    this.body.writeUInt32BE(0, this.crcAt);
    this.body.writeUInt32BE(crc32(this.body), this.crcAt);
    writeCorrelId(this.correlId, this.identityCrc, seq, attempt);
  }
}

/** Verifies a received body (the first `length` bytes of `buffer`) and its CorrelId. */
export function decodeBody(buffer: Buffer, length: number, correlId: Buffer | undefined, expectedRunId: string): DecodedBody {
  if (length < FIXED_BYTES + 2 || !buffer.subarray(0, 4).equals(MAGIC) || buffer[4] !== VERSION) return { ok: false, why: 'header' };
  const runId = readId(buffer, FIXED_BYTES, length);
  const producerId = runId === undefined ? undefined : readId(buffer, FIXED_BYTES + 1 + runId.length, length);
  if (runId === undefined || producerId === undefined) return { ok: false, why: 'header' };
  const identity: MessageIdentity = { runId, producerId, seq: buffer.readUIntBE(6, 6), attempt: buffer[5]! };
  if (runId !== expectedRunId) return { ok: false, why: 'other-run', identity };
  const crcAt = FIXED_BYTES + 2 + runId.length + producerId.length;
  if (buffer.readUInt32BE(12) !== length || crcAt + 4 > length) return { ok: false, why: 'length', identity };
  const stored = buffer.readUInt32BE(crcAt);
  const computed = crc32(buffer.subarray(crcAt + 4, length), crc32(ZERO_CRC, crc32(buffer.subarray(0, crcAt))));
  if (stored !== computed) return { ok: false, why: 'checksum', identity };
  if (correlId !== undefined) {
    writeCorrelId(expectedCorrelId, identityCrcOf(runId, producerId), identity.seq, identity.attempt);
    if (!expectedCorrelId.equals(correlId.subarray(0, CORREL_ID_BYTES))) return { ok: false, why: 'correlid', identity };
  }
  return { ok: true, identity };
}

// Reused by every decode (a consumer decodes one message at a time): nothing is allocated per message.
const ZERO_CRC = Buffer.alloc(4);
const expectedCorrelId = Buffer.alloc(CORREL_ID_BYTES);
const identityCrcs = new Map<string, number>();

function identityCrcOf(runId: string, producerId: string): number {
  const key = `${runId}\u0000${producerId}`;
  let crc = identityCrcs.get(key);
  if (crc === undefined) {
    crc = crc32(key);
    // Only this run's few producers reach here (other runs are refused before); the bound guards against the unforeseen.
    if (identityCrcs.size < 1024) identityCrcs.set(key, crc);
  }
  return crc;
}

function readId(buffer: Buffer, at: number, length: number): string | undefined {
  if (at >= length) return undefined;
  const idLength = buffer[at]!;
  if (idLength === 0 || idLength > MAX_ID_LENGTH || at + 1 + idLength > length) return undefined;
  return buffer.toString('ascii', at + 1, at + 1 + idLength);
}

function writeCorrelId(target: Buffer, identityCrc: number, seq: number, attempt: number): void {
  MAGIC.copy(target, 0);
  target.writeUInt32BE(identityCrc, 4);
  target.writeUIntBE(seq, 8, 6);
  target[14] = attempt;
}

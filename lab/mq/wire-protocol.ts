/**
 * The lab's MQI wire protocol between the stand-in client library (lab/native) and the
 * lab's listeners. lab/native/wire.h is the C side of the same definitions; a test keeps
 * the two equal. Frames: u32 LE length of what follows, u8 op, 3 padding bytes, fields.
 * Replies: op | REPLY, then i32 CompCode and i32 Reason, then the reply's fields.
 */
export const WIRE = {
  PROTOCOL_VERSION: 1,
  HEADER_BYTES: 8,
  REPLY_HEADER_BYTES: 16,
  MAX_FRAME_BYTES: 110 * 1024 * 1024,
  REPLY: 0x80,
  OP_CONNECT: 1,
  OP_DISCONNECT: 2,
  OP_OPEN: 3,
  OP_CLOSE: 4,
  OP_PUT: 5,
  OP_PUT1: 6,
  OP_GET: 7,
  OP_INQ: 8,
  OP_SET: 9,
  OP_BEGIN: 10,
  OP_COMMIT: 11,
  OP_BACKOUT: 12,
  OP_GOODBYE: 127,
  CONNECT_BYTES: 4 + 48 + 20 + 4 + 28 + 4 + 4 + 4 + 48,
  CONNECT_REPLY_BYTES: 48 + 48 + 4,
  RECONNECT_NONE: 0,
  RECONNECT_ANY: 1,
  RECONNECT_SAME_QMGR: 2,
  OD_BYTES: 4 + 48 + 48,
  OPEN_BYTES: 4 + 48 + 48 + 4,
  OPEN_REPLY_BYTES: 4 + 48 + 48,
  CLOSE_BYTES: 8,
  MD_BYTES: 256,
  MD_MSG_ID: 0,
  MD_CORREL_ID: 24,
  MD_PERSISTENCE: 48,
  MD_PRIORITY: 52,
  MD_EXPIRY: 56,
  MD_MSG_TYPE: 60,
  MD_REPORT: 64,
  MD_FEEDBACK: 68,
  MD_ENCODING: 72,
  MD_CCSID: 76,
  MD_BACKOUT_COUNT: 80,
  MD_PUT_APPL_TYPE: 84,
  MD_FORMAT: 88,
  MD_REPLY_TO_Q: 96,
  MD_REPLY_TO_QMGR: 144,
  MD_USER_IDENTIFIER: 192,
  MD_PUT_APPL_NAME: 204,
  MD_PUT_DATE: 232,
  MD_PUT_TIME: 240,
  PUT_BYTES: 4 + 4 + 256 + 4,
  PUT1_BYTES: 4 + 48 + 48 + 4 + 256 + 4,
  GET_BYTES: 4 + 4 + 4 + 4 + 24 + 24 + 4,
  GET_REPLY_BYTES: 4 + 256,
  INQ_BYTES: 16,
  SET_BYTES: 16,
  GOODBYE_BYTES: 4,
} as const;

/** An MQ character field: blank padded, read without its padding. */
export function readMqString(buffer: Buffer, offset: number, length: number): string {
  let end = offset + length;
  while (end > offset && (buffer[end - 1] === 0x20 || buffer[end - 1] === 0)) end--;
  return buffer.toString('latin1', offset, end);
}

export function writeMqString(buffer: Buffer, offset: number, length: number, value: string): void {
  const written = buffer.write(value.slice(0, length), offset, length, 'latin1');
  buffer.fill(0x20, offset + written, offset + length);
}

/** A reply frame with `bodyBytes` of fields after CompCode and Reason; the caller fills them. */
export function allocateReply(op: number, compCode: number, reason: number, bodyBytes: number): Buffer {
  const reply = Buffer.allocUnsafe(WIRE.REPLY_HEADER_BYTES + bodyBytes);
  reply.writeUInt32LE(reply.length - 4, 0);
  reply.writeUInt32LE((op | WIRE.REPLY) >>> 0, 4);
  reply.writeInt32LE(compCode, 8);
  reply.writeInt32LE(reason, 12);
  return reply;
}

/** What the server sends before it closes a connection: why, and whether a reconnectable client should reconnect. */
export function encodeGoodbye(reason: number, reconnect: boolean): Buffer {
  const frame = Buffer.alloc(WIRE.REPLY_HEADER_BYTES + WIRE.GOODBYE_BYTES);
  frame.writeUInt32LE(frame.length - 4, 0);
  frame.writeUInt8(WIRE.OP_GOODBYE, 4);
  frame.writeInt32LE(2, 8);
  frame.writeInt32LE(reason, 12);
  frame.writeInt32LE(reconnect ? 1 : 0, 16);
  return frame;
}

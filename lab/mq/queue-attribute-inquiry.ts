import type { MessageQueue } from './message-queue.ts';
import { QMGR_CCSID } from './message-operations.ts';
import { MQC } from './mq-constants.ts';
import type { MqSession } from './mq-session.ts';
import { allocateReply, WIRE, writeMqString } from './wire-protocol.ts';

type Attribute = { kind: 'int'; value: number } | { kind: 'chars'; value: string; length: number };

const MQIA_LAST = 2000;
const QMGR_COMMAND_LEVEL = 930;
const QMGR_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The value of one selector for a queue, or for the queue manager when `queue` is undefined. */
function readAttribute(session: MqSession, queue: MessageQueue | undefined, selector: number): Attribute | undefined {
  const int = (value: number): Attribute => ({ kind: 'int', value });
  const chars = (value: string, length: number): Attribute => ({ kind: 'chars', value, length });
  if (!queue) {
    switch (selector) {
      case MQC.MQCA_Q_MGR_NAME: return chars(session.context.qm, 48);
      case MQC.MQCA_Q_MGR_IDENTIFIER: return chars(session.context.store.qmid, 48);
      case MQC.MQCA_DEAD_LETTER_Q_NAME: return chars('', 48);
      case MQC.MQIA_CODED_CHAR_SET_ID: return int(QMGR_CCSID);
      case MQC.MQIA_COMMAND_LEVEL: return int(QMGR_COMMAND_LEVEL);
      case MQC.MQIA_PLATFORM: return int(MQC.MQPL_UNIX);
      case MQC.MQIA_MAX_MSG_LENGTH: return int(QMGR_MAX_MESSAGE_BYTES);
      case MQC.MQIA_MAX_PRIORITY: return int(9);
      default: return undefined;
    }
  }
  const { attributes } = queue;
  switch (selector) {
    case MQC.MQIA_CURRENT_Q_DEPTH: return int(queue.depth);
    case MQC.MQIA_OPEN_INPUT_COUNT: return int(queue.openInputCount);
    case MQC.MQIA_OPEN_OUTPUT_COUNT: return int(queue.openOutputCount);
    case MQC.MQIA_MAX_Q_DEPTH: return int(attributes.maxDepth);
    case MQC.MQIA_MAX_MSG_LENGTH: return int(attributes.maxMessageBytes);
    case MQC.MQIA_DEF_PERSISTENCE: return int(attributes.defaultPersistent ? MQC.MQPER_PERSISTENT : MQC.MQPER_NOT_PERSISTENT);
    case MQC.MQIA_DEF_PRIORITY: return int(attributes.defaultPriority);
    case MQC.MQIA_Q_TYPE: return int(MQC.MQQT_LOCAL);
    case MQC.MQIA_INHIBIT_GET: return int(queue.inhibitGet ? 1 : 0);
    case MQC.MQIA_INHIBIT_PUT: return int(queue.inhibitPut ? 1 : 0);
    case MQC.MQIA_DEF_BIND: return int(MQC.MQBND_BIND_ON_OPEN);
    case MQC.MQCA_Q_NAME: return chars(queue.name, 48);
    case MQC.MQCA_Q_DESC: return chars(attributes.description, 64);
    default: return undefined;
  }
}

interface AttributeRequest {
  handleId: number;
  selectors: number[];
  intCount: number;
  charLength: number;
  /** Where values start (MQSET). */
  valuesAt: number;
}

function readRequest(frame: Buffer): AttributeRequest {
  const at = WIRE.HEADER_BYTES;
  const count = frame.readInt32LE(at + 4);
  const selectors: number[] = [];
  for (let i = 0; i < count; i++) selectors.push(frame.readInt32LE(at + WIRE.INQ_BYTES + 4 * i));
  return { handleId: frame.readInt32LE(at), selectors, intCount: frame.readInt32LE(at + 8), charLength: frame.readInt32LE(at + 12), valuesAt: at + WIRE.INQ_BYTES + 4 * count };
}

function replyInquire(session: MqSession, compCode: number, reason: number, ints: number[], chars: Buffer): void {
  const reply = allocateReply(WIRE.OP_INQ, compCode, reason, 8 + 4 * ints.length + chars.length);
  let at = WIRE.REPLY_HEADER_BYTES;
  reply.writeInt32LE(ints.length, at);
  for (const value of ints) reply.writeInt32LE(value, (at += 4));
  reply.writeInt32LE(chars.length, (at += 4));
  chars.copy(reply, at + 4);
  session.send(reply);
}

/** MQINQ: integer values in selector order, then character values each padded to its length. */
export function runInquire(session: MqSession, frame: Buffer): void {
  const request = readRequest(frame);
  const handle = session.handle(request.handleId);
  if (!handle) return replyInquire(session, MQC.MQCC_FAILED, MQC.MQRC_HOBJ_ERROR, [], Buffer.alloc(0));
  if ((handle.options & MQC.MQOO_INQUIRE) === 0) return replyInquire(session, MQC.MQCC_FAILED, MQC.MQRC_NOT_OPEN_FOR_INQUIRE, [], Buffer.alloc(0));
  const ints: number[] = [];
  const charParts: Buffer[] = [];
  for (const selector of request.selectors) {
    const attribute = readAttribute(session, handle.queue, selector);
    if (!attribute) return replyInquire(session, MQC.MQCC_FAILED, MQC.MQRC_SELECTOR_ERROR, [], Buffer.alloc(0));
    if (attribute.kind === 'int') ints.push(attribute.value);
    else {
      const part = Buffer.alloc(attribute.length);
      writeMqString(part, 0, attribute.length, attribute.value);
      charParts.push(part);
    }
  }
  const chars = Buffer.concat(charParts);
  let reason: number = MQC.MQRC_NONE;
  if (ints.length > request.intCount) reason = MQC.MQRC_INT_ATTR_COUNT_TOO_SMALL;
  else if (chars.length > request.charLength) reason = MQC.MQRC_CHAR_ATTRS_TOO_SHORT;
  const compCode = reason === MQC.MQRC_NONE ? MQC.MQCC_OK : MQC.MQCC_WARNING;
  replyInquire(session, compCode, reason, ints.slice(0, Math.max(0, request.intCount)), chars.subarray(0, Math.max(0, request.charLength)));
}

/** MQSET: the attributes an application may set on a local queue, INHIBIT_GET and INHIBIT_PUT. */
export function runSet(session: MqSession, frame: Buffer): void {
  const request = readRequest(frame);
  const handle = session.handle(request.handleId);
  const reply = (compCode: number, reason: number): void => session.send(allocateReply(WIRE.OP_SET, compCode, reason, 0));
  if (!handle) return reply(MQC.MQCC_FAILED, MQC.MQRC_HOBJ_ERROR);
  if ((handle.options & MQC.MQOO_SET) === 0 || !handle.queue) return reply(MQC.MQCC_FAILED, MQC.MQRC_NOT_OPEN_FOR_SET);
  const queue = handle.queue;
  const intSelectors = request.selectors.filter((s) => s <= MQIA_LAST);
  if (intSelectors.length !== request.selectors.length || intSelectors.some((s) => s !== MQC.MQIA_INHIBIT_GET && s !== MQC.MQIA_INHIBIT_PUT)) {
    return reply(MQC.MQCC_FAILED, MQC.MQRC_SELECTOR_ERROR);
  }
  intSelectors.forEach((selector, index) => {
    const inhibited = frame.readInt32LE(request.valuesAt + 4 * index) === 1;
    if (selector === MQC.MQIA_INHIBIT_GET) queue.inhibitGet = inhibited;
    else queue.inhibitPut = inhibited;
  });
  if (intSelectors.some((s) => s === MQC.MQIA_INHIBIT_GET)) session.context.waits.wake(queue);
  reply(MQC.MQCC_OK, MQC.MQRC_NONE);
}

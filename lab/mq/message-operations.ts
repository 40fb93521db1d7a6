import type { ClusterTarget } from './cluster-router.ts';
import type { MessageMatch, MessageQueue, QueueAttributes, StoredMessage } from './message-queue.ts';
import { MQC } from './mq-constants.ts';
import type { MqSession, OpenHandle } from './mq-session.ts';
import { allocateReply, readMqString, WIRE, writeMqString } from './wire-protocol.ts';

const ZERO_ID = Buffer.alloc(24);
const MQCCSI_Q_MGR = 0;
/** The lab's queue managers' CCSID (UTF-8); a put in MQCCSI_Q_MGR is stored with it. */
export const QMGR_CCSID = 1208;

/** MQPUT: hobj, options, md, length, data. */
export function runPut(session: MqSession, frame: Buffer): void {
  const at = WIRE.HEADER_BYTES;
  const handle = session.handle(frame.readInt32LE(at));
  const fail = (reason: number): void => session.send(allocateReply(WIRE.OP_PUT, MQC.MQCC_FAILED, reason, WIRE.MD_BYTES));
  if (!handle) return fail(MQC.MQRC_HOBJ_ERROR);
  if (handle.output && handle.cluster) return putRouted(session, WIRE.OP_PUT, handle.cluster, frame, at + 4);
  if (!handle.output || !handle.queue) return fail(MQC.MQRC_NOT_OPEN_FOR_OUTPUT);
  const queue = handle.queue;
  session.afterStorageWrite(writesPersistent(queue, frame, at + 4), () => putMessage(session, WIRE.OP_PUT, queue, frame, at + 4));
}

/** MQPUT1: object descriptor, options, md, length, data. */
export function runPut1(session: MqSession, frame: Buffer): void {
  const at = WIRE.HEADER_BYTES;
  const fail = (reason: number): void => session.send(allocateReply(WIRE.OP_PUT1, MQC.MQCC_FAILED, reason, WIRE.MD_BYTES));
  if (frame.readInt32LE(at) !== MQC.MQOT_Q) return fail(MQC.MQRC_OBJECT_TYPE_ERROR);
  const objectQmgr = readMqString(frame, at + 52, 48);
  const objectName = readMqString(frame, at + 4, 48);
  const routed = session.context.clusterRouter()?.resolveOpen(session.context.qm, objectName, objectQmgr, MQC.MQOO_OUTPUT | MQC.MQOO_BIND_NOT_FIXED);
  if (routed && 'reason' in routed) return fail(routed.reason);
  if (routed) return putRouted(session, WIRE.OP_PUT1, routed.target, frame, at + WIRE.OD_BYTES);
  if (objectQmgr !== '' && objectQmgr !== session.context.qm) return fail(MQC.MQRC_UNKNOWN_REMOTE_Q_MGR);
  const queue = session.context.store.queues.get(objectName);
  if (!queue) return fail(MQC.MQRC_UNKNOWN_OBJECT_NAME);
  session.afterStorageWrite(writesPersistent(queue, frame, at + WIRE.OD_BYTES), () => putMessage(session, WIRE.OP_PUT1, queue, frame, at + WIRE.OD_BYTES));
}

/**
 * A put through a cluster destination: the cluster decides where it goes (the local
 * instance, or this queue manager's cluster transmission queue for a channel), then it is
 * put as any message, with the destination's DEFPSIST and DEFPRTY.
 */
function putRouted(session: MqSession, op: number, target: ClusterTarget, frame: Buffer, at: number): void {
  const fail = (reason: number): void => session.send(allocateReply(op, MQC.MQCC_FAILED, reason, WIRE.MD_BYTES));
  const ending = session.endingReason((frame.readInt32LE(at) & MQC.MQPMO_FAIL_IF_QUIESCING) !== 0);
  if (ending !== 0) return fail(ending);
  const choice = session.context.clusterRouter()?.route(session.context.qm, target);
  if (!choice || choice.kind === 'failed') return fail(choice?.reason ?? MQC.MQRC_UNKNOWN_OBJECT_NAME);
  const queue = choice.kind === 'local' ? choice.queue : choice.transmitQueue;
  const defaults = choice.kind === 'local' ? queue.attributes : choice.defaults;
  session.afterStorageWrite(writesPersistent(defaults, frame, at), () => {
    const message = putMessage(session, op, queue, frame, at, defaults);
    if (message) choice.enqueued(message);
  });
}

/** Whether the put at `at` (options, md, ...) is of a persistent message, which goes to the log. */
function writesPersistent(queue: MessageQueue | QueueAttributes, frame: Buffer, at: number): boolean {
  const persistence = frame.readInt32LE(at + 4 + WIRE.MD_PERSISTENCE);
  const defaults = 'attributes' in queue ? queue.attributes : queue;
  return persistence === MQC.MQPER_PERSISTENT || (persistence === MQC.MQPER_PERSISTENCE_AS_Q_DEF && defaults.defaultPersistent);
}

/**
 * Puts the message at `at` (options, md, length, data) and replies with the descriptor as
 * put; the stored message, or undefined when the put failed. `defaults` gives DEFPSIST and
 * DEFPRTY (the queue's own unless the put was routed through a cluster).
 */
function putMessage(session: MqSession, op: number, queue: MessageQueue, frame: Buffer, at: number, defaults: QueueAttributes = queue.attributes): StoredMessage | undefined {
  const { context } = session;
  const options = frame.readInt32LE(at);
  const mdAt = at + 4;
  const length = frame.readInt32LE(mdAt + WIRE.MD_BYTES);
  const dataAt = mdAt + WIRE.MD_BYTES + 4;
  const fail = (reason: number): undefined => void session.send(allocateReply(op, MQC.MQCC_FAILED, reason, WIRE.MD_BYTES));
  const ending = session.endingReason((options & MQC.MQPMO_FAIL_IF_QUIESCING) !== 0);
  if (ending !== 0) return fail(ending);
  if (queue.inhibitPut) return fail(MQC.MQRC_PUT_INHIBITED);
  if (length > queue.attributes.maxMessageBytes) return fail(MQC.MQRC_MSG_TOO_BIG_FOR_Q);
  if (queue.depth >= queue.attributes.maxDepth) return fail(MQC.MQRC_Q_FULL);
  let persistence = frame.readInt32LE(mdAt + WIRE.MD_PERSISTENCE);
  if (persistence === MQC.MQPER_PERSISTENCE_AS_Q_DEF) persistence = defaults.defaultPersistent ? MQC.MQPER_PERSISTENT : MQC.MQPER_NOT_PERSISTENT;
  if (persistence !== MQC.MQPER_PERSISTENT && persistence !== MQC.MQPER_NOT_PERSISTENT) return fail(MQC.MQRC_PERSISTENCE_ERROR);
  let priority = frame.readInt32LE(mdAt + WIRE.MD_PRIORITY);
  if (priority === MQC.MQPRI_PRIORITY_AS_Q_DEF) priority = defaults.defaultPriority;
  let reason: number = MQC.MQRC_NONE;
  if (priority > 9 || priority < 0) {
    priority = 9;
    reason = MQC.MQRC_PRIORITY_EXCEEDS_MAXIMUM;
  }

  const md = Buffer.from(frame.subarray(mdAt, mdAt + WIRE.MD_BYTES));
  md.writeInt32LE(persistence, WIRE.MD_PERSISTENCE);
  md.writeInt32LE(priority, WIRE.MD_PRIORITY);
  if (md.readInt32LE(WIRE.MD_CCSID) === MQCCSI_Q_MGR) md.writeInt32LE(QMGR_CCSID, WIRE.MD_CCSID);
  if ((options & MQC.MQPMO_NEW_MSG_ID) !== 0 || md.compare(ZERO_ID, 0, 24, WIRE.MD_MSG_ID, WIRE.MD_MSG_ID + 24) === 0) {
    context.store.writeNewMsgId(md, WIRE.MD_MSG_ID);
  }
  if ((options & MQC.MQPMO_NEW_CORREL_ID) !== 0) context.store.writeNewMsgId(md, WIRE.MD_CORREL_ID);
  writePutContext(md, context.clock.now(), session.applName);
  const body = Buffer.from(frame.subarray(dataAt, dataAt + length));

  const inUow = (options & MQC.MQPMO_SYNCPOINT) !== 0;
  const message = queue.append(md, body, persistence === MQC.MQPER_PERSISTENT, priority, inUow ? 'uncommitted-put' : 'available');
  if (inUow) session.uow.addPut(message);
  context.truth.put(context.host, message, inUow, session.conn);
  if (!inUow && message.persistent) context.faults.confirmPersistentPut(message);
  const reply = allocateReply(op, reason === MQC.MQRC_NONE ? MQC.MQCC_OK : MQC.MQCC_WARNING, reason, WIRE.MD_BYTES);
  md.copy(reply, WIRE.REPLY_HEADER_BYTES);
  session.send(reply);
  // The putter hears first, then a waiting getter is served: the put's reply is not held up by the delivery.
  if (!inUow) context.waits.wake(queue);
  return message;
}

const putStamp = { hundredths: -1, bytes: Buffer.alloc(16) };

/** The context MQ sets on a put with default context: PutDate YYYYMMDD, PutTime HHMMSSTH (GMT), user and application. */
function writePutContext(md: Buffer, nowMs: number, applName: string): void {
  const hundredths = Math.floor(nowMs / 10);
  // PutDate and PutTime change every hundredth of a second: formatted once for all the puts within it.
  if (hundredths !== putStamp.hundredths) {
    const iso = new Date(nowMs).toISOString();
    putStamp.hundredths = hundredths;
    putStamp.bytes.write(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 22)}`, 0, 16, 'latin1');
  }
  putStamp.bytes.copy(md, WIRE.MD_PUT_DATE);
  writeMqString(md, WIRE.MD_USER_IDENTIFIER, 12, 'app');
  writeMqString(md, WIRE.MD_PUT_APPL_NAME, 28, applName);
  md.writeInt32LE(MQC.MQAT_UNIX, WIRE.MD_PUT_APPL_TYPE);
}

interface GetRequest {
  handle: OpenHandle;
  queue: MessageQueue;
  options: number;
  match: MessageMatch;
  bufferLength: number;
}

/** MQGET: hobj, options, wait ms, match options, MsgId, CorrelId, buffer length. */
export function runGet(session: MqSession, frame: Buffer): void {
  const at = WIRE.HEADER_BYTES;
  const handle = session.handle(frame.readInt32LE(at));
  const options = frame.readInt32LE(at + 4);
  const waitMs = frame.readInt32LE(at + 8);
  const matchOptions = frame.readInt32LE(at + 12);
  const browse = (options & (MQC.MQGMO_BROWSE_FIRST | MQC.MQGMO_BROWSE_NEXT)) !== 0;
  const fail = (reason: number): void => replyGetFailure(session, reason);
  if (!handle) return fail(MQC.MQRC_HOBJ_ERROR);
  if (!handle.queue || (browse ? (handle.options & MQC.MQOO_BROWSE) === 0 : !handle.input)) {
    return fail(browse ? MQC.MQRC_NOT_OPEN_FOR_BROWSE : MQC.MQRC_NOT_OPEN_FOR_INPUT);
  }
  const failIfQuiescing = (options & MQC.MQGMO_FAIL_IF_QUIESCING) !== 0;
  const ending = session.endingReason(failIfQuiescing);
  if (ending !== 0) return fail(ending);
  if (handle.queue.inhibitGet && !browse) return fail(MQC.MQRC_GET_INHIBITED);
  const request: GetRequest = {
    handle,
    queue: handle.queue,
    options,
    match: {
      msgIdKey: readMatchKey(frame, at + 16, (matchOptions & MQC.MQMO_MATCH_MSG_ID) !== 0),
      correlIdKey: readMatchKey(frame, at + 40, (matchOptions & MQC.MQMO_MATCH_CORREL_ID) !== 0),
    },
    bufferLength: frame.readInt32LE(at + 64),
  };
  const next = browse ? undefined : request.queue.findFirst(request.match);
  if (next?.persistent && (options & MQC.MQGMO_SYNCPOINT) === 0) {
    // Taking a persistent message outside syncpoint is logged at once.
    session.afterStorageWrite(true, () => deliverOrWait(session, request, waitMs, failIfQuiescing));
    return;
  }
  deliverOrWait(session, request, waitMs, failIfQuiescing);
}

function deliverOrWait(session: MqSession, request: GetRequest, waitMs: number, failIfQuiescing: boolean): void {
  const fail = (reason: number): void => replyGetFailure(session, reason);
  const { options } = request;
  if (tryDeliver(session, request)) return;
  if ((options & MQC.MQGMO_WAIT) === 0 || waitMs === 0) return fail(MQC.MQRC_NO_MSG_AVAILABLE);
  session.context.waits.park(
    {
      owner: session,
      queue: request.queue,
      failIfQuiescing,
      retry: () => tryDeliver(session, request),
      expire: () => fail(MQC.MQRC_NO_MSG_AVAILABLE),
      quiesce: () => fail(MQC.MQRC_Q_MGR_QUIESCING),
    },
    waitMs,
  );
}

/** A MsgId or CorrelId to match: only when asked for and not all zeros (MQMI_NONE matches anything). */
function readMatchKey(frame: Buffer, at: number, wanted: boolean): string | undefined {
  if (!wanted || frame.compare(ZERO_ID, 0, 24, at, at + 24) === 0) return undefined;
  return frame.toString('latin1', at, at + 24);
}

function replyGetFailure(session: MqSession, reason: number): void {
  const reply = allocateReply(WIRE.OP_GET, MQC.MQCC_FAILED, reason, WIRE.GET_REPLY_BYTES);
  reply.fill(0, WIRE.REPLY_HEADER_BYTES);
  reply.writeInt32LE(-1, WIRE.REPLY_HEADER_BYTES);
  session.send(reply);
}

function tryDeliver(session: MqSession, request: GetRequest): boolean {
  const { handle, queue, options } = request;
  const { context } = session;
  const browseFirst = (options & MQC.MQGMO_BROWSE_FIRST) !== 0;
  const browse = browseFirst || (options & MQC.MQGMO_BROWSE_NEXT) !== 0;
  let message: StoredMessage | undefined;
  if (browse) message = queue.findAfter(browseFirst ? undefined : handle.browseCursor, request.match);
  else {
    const anyMessage = request.match.msgIdKey === undefined && request.match.correlIdKey === undefined;
    message = (anyMessage ? context.faults.takeHeld(session) : undefined) ?? queue.findFirst(request.match);
    if (message && anyMessage) message = context.faults.chooseDelivery(message, session);
  }
  if (!message) return false;

  const length = message.body.length;
  const truncated = length > request.bufferLength;
  const keep = truncated && (options & MQC.MQGMO_ACCEPT_TRUNCATED_MSG) === 0;
  const reason = !truncated ? MQC.MQRC_NONE : keep ? MQC.MQRC_TRUNCATED_MSG_FAILED : MQC.MQRC_TRUNCATED_MSG_ACCEPTED;
  const copied = Math.min(length, request.bufferLength);
  const reply = allocateReply(WIRE.OP_GET, reason === MQC.MQRC_NONE ? MQC.MQCC_OK : MQC.MQCC_WARNING, reason, WIRE.GET_REPLY_BYTES + copied);
  reply.writeInt32LE(length, WIRE.REPLY_HEADER_BYTES);
  message.md.copy(reply, WIRE.REPLY_HEADER_BYTES + 4);
  message.body.copy(reply, WIRE.REPLY_HEADER_BYTES + WIRE.GET_REPLY_BYTES, 0, copied);

  if (browse) handle.browseCursor = { priority: message.priority, sequence: message.sequence };
  else if (!keep) {
    const inUow = (options & MQC.MQGMO_SYNCPOINT) !== 0 || ((options & MQC.MQGMO_SYNCPOINT_IF_PERSISTENT) !== 0 && message.persistent);
    if (inUow) {
      queue.setState(message, 'uncommitted-get');
      session.uow.addGet(message);
    } else {
      queue.remove(message);
    }
    context.truth.delivered(context.host, message, inUow, session.conn);
    context.faults.afterDelivery(message);
  }
  session.send(reply);
  return true;
}

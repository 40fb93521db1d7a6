import { WIRE } from './wire-protocol.ts';

/** Visible to gets; put in a unit of work not yet committed; taken by a get in a unit of work not yet committed. */
export type MessageState = 'available' | 'uncommitted-put' | 'uncommitted-get';

/** One message on a queue: its descriptor in the wire layout (own copy) and its body. */
export interface StoredMessage {
  readonly queue: MessageQueue;
  /** Arrival order on the queue. */
  readonly sequence: number;
  /** MsgId bytes as a latin1 string: the index key. */
  readonly msgIdKey: string;
  /** CorrelId key when not all zero. */
  readonly correlIdKey: string | undefined;
  readonly md: Buffer;
  readonly body: Buffer;
  readonly persistent: boolean;
  readonly priority: number;
  state: MessageState;
  previous: StoredMessage | undefined;
  next: StoredMessage | undefined;
  /** Next message with the same MsgId (duplicates are legal). */
  sameMsgId: StoredMessage | undefined;
  sameCorrelId: StoredMessage | undefined;
  removed: boolean;
}

export interface QueueAttributes {
  name: string;
  defaultPersistent: boolean;
  defaultPriority: number;
  maxDepth: number;
  maxMessageBytes: number;
  description: string;
}

export interface MessageMatch {
  msgIdKey?: string;
  correlIdKey?: string;
}

const PRIORITY_LEVELS = 10;
const ZERO_ID = '\0'.repeat(24);

interface PriorityList {
  head: StoredMessage | undefined;
  tail: StoredMessage | undefined;
  available: number;
}

/**
 * A local queue: one FIFO list per priority (9 first), indexes by MsgId and CorrelId, and
 * counts kept as messages change state, so a put, a get and a commit cost the same
 * whatever the depth. CURDEPTH counts uncommitted messages too, as MQ does.
 */
export class MessageQueue {
  readonly attributes: QueueAttributes;
  depth = 0;
  openInputCount = 0;
  openOutputCount = 0;
  /** Handles open with MQOO_INPUT_EXCLUSIVE (0 or 1). */
  openExclusiveCount = 0;
  inhibitGet = false;
  inhibitPut = false;
  private sequence = 0;
  private readonly lists: PriorityList[] = Array.from({ length: PRIORITY_LEVELS }, () => ({ head: undefined, tail: undefined, available: 0 }));
  private readonly byMsgId = new Map<string, StoredMessage>();
  private readonly byCorrelId = new Map<string, StoredMessage>();
  private availableCount = 0;

  constructor(
    attributes: QueueAttributes,
    readonly qmName: string,
  ) {
    this.attributes = attributes;
  }

  get name(): string {
    return this.attributes.name;
  }

  get available(): number {
    return this.availableCount;
  }

  /** Adds a message at the end of its priority's list. */
  append(md: Buffer, body: Buffer, persistent: boolean, priority: number, state: MessageState): StoredMessage {
    const msgIdKey = md.toString('latin1', WIRE.MD_MSG_ID, WIRE.MD_MSG_ID + 24);
    const correlId = md.toString('latin1', WIRE.MD_CORREL_ID, WIRE.MD_CORREL_ID + 24);
    const message: StoredMessage = {
      queue: this,
      sequence: ++this.sequence,
      msgIdKey,
      correlIdKey: correlId === ZERO_ID ? undefined : correlId,
      md,
      body,
      persistent,
      priority,
      state,
      previous: undefined,
      next: undefined,
      sameMsgId: this.byMsgId.get(msgIdKey),
      sameCorrelId: undefined,
      removed: false,
    };
    this.byMsgId.set(msgIdKey, message);
    if (message.correlIdKey !== undefined) {
      message.sameCorrelId = this.byCorrelId.get(message.correlIdKey);
      this.byCorrelId.set(message.correlIdKey, message);
    }
    const list = this.lists[priority] as PriorityList;
    message.previous = list.tail;
    if (list.tail) list.tail.next = message;
    else list.head = message;
    list.tail = message;
    this.depth++;
    if (state === 'available') this.countAvailable(message, 1);
    return message;
  }

  /** The first available message in queue order (highest priority, then arrival) that matches. */
  findFirst(match: MessageMatch = {}): StoredMessage | undefined {
    if (this.availableCount === 0) return undefined;
    if (match.msgIdKey !== undefined) return this.findInChain(this.byMsgId.get(match.msgIdKey), match, 'sameMsgId');
    if (match.correlIdKey !== undefined) return this.findInChain(this.byCorrelId.get(match.correlIdKey), match, 'sameCorrelId');
    for (let priority = PRIORITY_LEVELS - 1; priority >= 0; priority--) {
      const list = this.lists[priority] as PriorityList;
      if (list.available === 0) continue;
      for (let message = list.head; message; message = message.next) if (message.state === 'available') return message;
    }
    return undefined;
  }

  /** The available message after `after` in queue order (browse next); the first when `after` is undefined. */
  findAfter(after: { priority: number; sequence: number } | undefined, match: MessageMatch = {}): StoredMessage | undefined {
    for (let priority = after?.priority ?? PRIORITY_LEVELS - 1; priority >= 0; priority--) {
      for (let message = (this.lists[priority] as PriorityList).head; message; message = message.next) {
        if (after && priority === after.priority && message.sequence <= after.sequence) continue;
        if (message.state === 'available' && matches(message, match)) return message;
      }
    }
    return undefined;
  }

  setState(message: StoredMessage, state: MessageState): void {
    if (message.state === state || message.removed) return;
    if (message.state === 'available') this.countAvailable(message, -1);
    message.state = state;
    if (state === 'available') this.countAvailable(message, 1);
  }

  remove(message: StoredMessage): void {
    if (message.removed) return;
    if (message.state === 'available') this.countAvailable(message, -1);
    message.removed = true;
    const list = this.lists[message.priority] as PriorityList;
    if (message.previous) message.previous.next = message.next;
    else list.head = message.next;
    if (message.next) message.next.previous = message.previous;
    else list.tail = message.previous;
    message.previous = message.next = undefined;
    this.unlinkFromIndex(this.byMsgId, message.msgIdKey, message, 'sameMsgId');
    if (message.correlIdKey !== undefined) this.unlinkFromIndex(this.byCorrelId, message.correlIdKey, message, 'sameCorrelId');
    this.depth--;
  }

  /** Every message, in queue order (for instance end and tests; O(depth)). */
  listMessages(): StoredMessage[] {
    const all: StoredMessage[] = [];
    for (let priority = PRIORITY_LEVELS - 1; priority >= 0; priority--) {
      for (let message = (this.lists[priority] as PriorityList).head; message; message = message.next) all.push(message);
    }
    return all;
  }

  private countAvailable(message: StoredMessage, delta: 1 | -1): void {
    (this.lists[message.priority] as PriorityList).available += delta;
    this.availableCount += delta;
  }

  private findInChain(first: StoredMessage | undefined, match: MessageMatch, link: 'sameMsgId' | 'sameCorrelId'): StoredMessage | undefined {
    let best: StoredMessage | undefined;
    for (let message = first; message; message = message[link]) {
      if (message.state !== 'available' || !matches(message, match)) continue;
      if (!best || message.priority > best.priority || (message.priority === best.priority && message.sequence < best.sequence)) best = message;
    }
    return best;
  }

  private unlinkFromIndex(index: Map<string, StoredMessage>, key: string, message: StoredMessage, link: 'sameMsgId' | 'sameCorrelId'): void {
    const first = index.get(key);
    if (first === message) {
      if (message[link]) index.set(key, message[link] as StoredMessage);
      else index.delete(key);
    } else {
      for (let at = first; at; at = at[link]) {
        if (at[link] === message) {
          at[link] = message[link];
          break;
        }
      }
    }
    message[link] = undefined;
  }
}

function matches(message: StoredMessage, match: MessageMatch): boolean {
  return (match.msgIdKey === undefined || message.msgIdKey === match.msgIdKey) && (match.correlIdKey === undefined || message.correlIdKey === match.correlIdKey);
}

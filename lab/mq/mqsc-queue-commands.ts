import { isKeyword, type MqscCommand } from './mqsc-command.ts';
import { MessageQueue, type QueueAttributes } from './message-queue.ts';
import type { QueueManagerStore } from './queue-manager-store.ts';

/**
 * What the command server does with the local-queue MQSC commands the lab supports:
 * DEFINE QLOCAL (DEFPSIST, DEFPRTY, DESCR, MAXDEPTH, MAXMSGL, REPLACE/NOREPLACE),
 * DISPLAY QLOCAL/QUEUE (a name or a generic name ending in `*`; CURDEPTH, DEFBIND, DEFPRTY,
 * DEFPSIST, DESCR, GET, IPPROCS, MAXDEPTH, MAXMSGL, OPPROCS, PUT, USAGE or ALL) and DELETE
 * QLOCAL (PURGE/NOPURGE). Queues live in the queue manager's store on the shared storage,
 * so a definition survives a failover. Anything else is answered as a syntax error [U].
 */

/** One reply of the command server: a message line, or a display header with its attributes (`KEYWORD(value)`). */
export type MqscReplyItem = { message: string; attributes?: string[] };

export interface MqscReply {
  items: MqscReplyItem[];
  outcome: 'processed' | 'failed' | 'syntax-error';
  change?:
    | { kind: 'defined'; queue: string; replaced: boolean; defaultPersistent: boolean }
    | { kind: 'deleted'; queue: string; purged: number }
    | { kind: 'altered'; queue: string; attributes: Record<string, string> };
}

const DEFAULT_QUEUE = 'SYSTEM.DEFAULT.LOCAL.QUEUE';
const QUEUE_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
const DISPLAY_ORDER = ['CURDEPTH', 'DEFBIND', 'DEFPRTY', 'DEFPSIST', 'DESCR', 'GET', 'IPPROCS', 'MAXDEPTH', 'MAXMSGL', 'OPPROCS', 'PUT', 'USAGE'];
const ABBREVIATIONS = new Map([['DESC', 'DESCR']]);

export function syntaxError(segment: string): MqscReply {
  return { items: [{ message: `AMQ8405E: Syntax error detected at or near end of command segment below:-\n${segment}` }], outcome: 'syntax-error' };
}

function failed(message: string): MqscReply {
  return { items: [{ message }], outcome: 'failed' };
}

/** Display attributes another part of the lab knows about a local queue (a cluster queue instance's CLUSTER, CLWLPRTY, ...). */
export interface QueueDisplayExtension {
  keywords: string[];
  /** Undefined: the queue has no value for it (shown blank). */
  value(queue: MessageQueue, keyword: string): string | undefined;
}

export function runMqscQueueCommand(store: QueueManagerStore, command: MqscCommand, extension?: QueueDisplayExtension): MqscReply {
  const { verb, objectType, name } = command;
  const local = isKeyword(objectType, 'QLOCAL', 'QL');
  if (isKeyword(verb, 'DEFINE', 'DEF') && local && name !== undefined) return defineQueue(store, command, name);
  if (isKeyword(verb, 'DISPLAY', 'DIS') && (local || isKeyword(objectType, 'QUEUE', 'Q')) && name !== undefined) return displayQueues(store, command, name, extension);
  if (verb === 'DELETE' && local && name !== undefined) return deleteQueue(store, command, name);
  return syntaxError(command.text);
}

function defineQueue(store: QueueManagerStore, command: MqscCommand, name: string): MqscReply {
  if (!QUEUE_NAME.test(name)) return syntaxError(command.text);
  const base = store.queues.get(DEFAULT_QUEUE)?.attributes;
  const attributes: QueueAttributes = {
    name,
    defaultPersistent: base?.defaultPersistent ?? false,
    defaultPriority: base?.defaultPriority ?? 0,
    maxDepth: base?.maxDepth ?? 5000,
    maxMessageBytes: base?.maxMessageBytes ?? 4 * 1024 * 1024,
    description: '',
  };
  let replace = false;
  for (const [rawKeyword, value] of command.keywords) {
    const keyword = ABBREVIATIONS.get(rawKeyword) ?? rawKeyword;
    const number = value === null || !/^\d+$/.test(value) ? NaN : Number(value);
    if (keyword === 'REPLACE' && value === null) replace = true;
    else if (keyword === 'NOREPLACE' && value === null) replace = false;
    else if (keyword === 'DEFPSIST' && (value?.toUpperCase() === 'YES' || value?.toUpperCase() === 'NO')) attributes.defaultPersistent = value.toUpperCase() === 'YES';
    else if (keyword === 'DESCR' && value !== null && value.length <= 64) attributes.description = value;
    else if (keyword === 'DEFPRTY' && number >= 0 && number <= 9) attributes.defaultPriority = number;
    else if (keyword === 'MAXDEPTH' && number >= 0 && number <= 999_999_999) attributes.maxDepth = number;
    else if (keyword === 'MAXMSGL' && number >= 0 && number <= 104_857_600) attributes.maxMessageBytes = number;
    else return syntaxError(command.text);
  }
  const existing = store.queues.get(name);
  if (existing && !replace) return failed('AMQ8150E: IBM MQ object already exists.');
  // REPLACE is an ALTER with every attribute given: what is not given comes from the default queue; messages stay.
  if (existing) Object.assign(existing.attributes, attributes);
  else store.queues.set(name, new MessageQueue(attributes, store.name));
  return {
    items: [{ message: 'AMQ8006I: IBM MQ queue created.' }],
    outcome: 'processed',
    change: { kind: 'defined', queue: name, replaced: existing !== undefined, defaultPersistent: attributes.defaultPersistent },
  };
}

function displayQueues(store: QueueManagerStore, command: MqscCommand, name: string, extension?: QueueDisplayExtension): MqscReply {
  const order = [...new Set([...DISPLAY_ORDER, ...(extension?.keywords ?? [])])].sort();
  const wanted = new Set<string>();
  for (const [rawKeyword, value] of command.keywords) {
    const keyword = ABBREVIATIONS.get(rawKeyword) ?? rawKeyword;
    if (keyword === 'ALL' && value === null) order.forEach((k) => wanted.add(k));
    else if (keyword === 'TYPE' && value?.toUpperCase() === 'QLOCAL') continue;
    else if (order.includes(keyword) && value === null) wanted.add(keyword);
    else return syntaxError(command.text);
  }
  const generic = name.endsWith('*');
  const prefix = generic ? name.slice(0, -1) : name;
  const queues = [...store.queues.values()].filter((q) => (generic ? q.name.startsWith(prefix) : q.name === name)).sort((a, b) => a.name.localeCompare(b.name));
  if (queues.length === 0) return failed(`AMQ8147E: IBM MQ object ${name} not found.`);
  const items = queues.map((queue) => ({
    message: 'AMQ8409I: Display Queue details.',
    attributes: [`QUEUE(${queue.name})`, 'TYPE(QLOCAL)', ...order.filter((k) => wanted.has(k)).map((k) => `${k}(${(extension?.value(queue, k) ?? (DISPLAY_ORDER.includes(k) ? displayValue(queue, k) : undefined)) || ' '})`)],
  }));
  return { items, outcome: 'processed' };
}

function displayValue(queue: MessageQueue, keyword: string): string {
  const { attributes } = queue;
  switch (keyword) {
    case 'CURDEPTH': return String(queue.depth);
    case 'DEFBIND': return 'OPEN';
    case 'DEFPRTY': return String(attributes.defaultPriority);
    case 'DEFPSIST': return attributes.defaultPersistent ? 'YES' : 'NO';
    case 'DESCR': return attributes.description || ' ';
    case 'GET': return queue.inhibitGet ? 'DISABLED' : 'ENABLED';
    case 'IPPROCS': return String(queue.openInputCount);
    case 'MAXDEPTH': return String(attributes.maxDepth);
    case 'MAXMSGL': return String(attributes.maxMessageBytes);
    case 'OPPROCS': return String(queue.openOutputCount);
    case 'PUT': return queue.inhibitPut ? 'DISABLED' : 'ENABLED';
    default: return 'NORMAL'; // USAGE
  }
}

function deleteQueue(store: QueueManagerStore, command: MqscCommand, name: string): MqscReply {
  let purge = false;
  for (const [keyword, value] of command.keywords) {
    if (keyword === 'PURGE' && value === null) purge = true;
    else if (keyword === 'NOPURGE' && value === null) purge = false;
    else return syntaxError(command.text);
  }
  const queue = store.queues.get(name);
  if (!queue) return failed(`AMQ8147E: IBM MQ object ${name} not found.`);
  if (queue.openInputCount + queue.openOutputCount > 0) return failed('AMQ8148E: IBM MQ object in use.');
  if (queue.depth > 0 && !purge) return failed('AMQ8143E: IBM MQ queue not empty.');
  const purged = queue.depth;
  store.queues.delete(name);
  return { items: [{ message: 'AMQ8007I: IBM MQ queue deleted.' }], outcome: 'processed', change: { kind: 'deleted', queue: name, purged } };
}

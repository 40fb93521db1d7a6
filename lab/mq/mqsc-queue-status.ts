import { isKeyword, type MqscCommand } from './mqsc-command.ts';
import { syntaxError, type MqscReply } from './mqsc-queue-commands.ts';
import type { MessageQueue } from './message-queue.ts';
import type { QueueManagerStore } from './queue-manager-store.ts';

/**
 * DISPLAY QSTATUS and ALTER QLOCAL (mq-reference.md §2.2). QSTATUS without attribute
 * keywords shows every field of IBM's sample; the lab keeps no put/get times, so those
 * are blank [U]. ALTER QLOCAL changes PUT and GET, and the cluster workload attributes of
 * an instance of a cluster queue (CLWLPRTY, CLWLRANK, CLWLUSEQ) when `cluster` knows it.
 */

/** The cluster workload attributes of a local queue that is an instance of a cluster queue. */
export interface QueueClusterAttributes {
  cluster: string;
  clwlprty: number;
  clwlrank: number;
  clwluseq: 'QMGR' | 'LOCAL' | 'ANY';
  defbind: string;
}

export type QueueClusterLookup = (queue: string) => QueueClusterAttributes | undefined;

const QSTATUS_ALL = ['CURDEPTH', 'CURFSIZE', 'CURMAXFS', 'IPPROCS', 'LGETDATE', 'LGETTIME', 'LPUTDATE', 'LPUTTIME', 'MEDIALOG', 'MONQ', 'MSGAGE', 'OPPROCS', 'QTIME', 'UNCOM'];

export function runMqscQueueStatusCommand(store: QueueManagerStore, command: MqscCommand, cluster: QueueClusterLookup): MqscReply | undefined {
  const { verb, objectType, name } = command;
  if (isKeyword(verb, 'DISPLAY', 'DIS') && isKeyword(objectType, 'QSTATUS', 'QS') && name !== undefined) return displayQueueStatus(store, command, name);
  if (verb === 'ALTER' && isKeyword(objectType, 'QLOCAL', 'QL') && name !== undefined) return alterQueue(store, command, name, cluster);
  return undefined;
}

function displayQueueStatus(store: QueueManagerStore, command: MqscCommand, name: string): MqscReply {
  const wanted = new Set<string>();
  for (const [keyword, value] of command.keywords) {
    if (keyword === 'TYPE' && value?.toUpperCase() === 'QUEUE') continue;
    if (keyword === 'ALL' && value === null) QSTATUS_ALL.forEach((k) => wanted.add(k));
    else if (QSTATUS_ALL.includes(keyword) && value === null) wanted.add(keyword);
    else return syntaxError(command.text);
  }
  if (wanted.size === 0) QSTATUS_ALL.forEach((k) => wanted.add(k));
  const generic = name.endsWith('*');
  const queues = [...store.queues.values()].filter((q) => (generic ? q.name.startsWith(name.slice(0, -1)) : q.name === name)).sort((a, b) => a.name.localeCompare(b.name));
  if (queues.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${name} not found.` }], outcome: 'failed' };
  const items = queues.map((queue) => ({
    message: 'AMQ8450I: Display queue status details.',
    attributes: [`QUEUE(${queue.name})`, 'TYPE(QUEUE)', ...QSTATUS_ALL.filter((k) => wanted.has(k)).map((k) => `${k}(${statusValue(queue, k)})`)],
  }));
  return { items, outcome: 'processed' };
}

function statusValue(queue: MessageQueue, keyword: string): string {
  switch (keyword) {
    case 'CURDEPTH': return String(queue.depth);
    case 'CURFSIZE': return '1';
    case 'CURMAXFS': return '2088960';
    case 'IPPROCS': return String(queue.openInputCount);
    case 'OPPROCS': return String(queue.openOutputCount);
    case 'MONQ': return 'OFF';
    case 'QTIME': return ' , ';
    case 'UNCOM': return queue.depth > queue.available ? 'YES' : 'NO';
    default: return ' ';
  }
}

function alterQueue(store: QueueManagerStore, command: MqscCommand, name: string, cluster: QueueClusterLookup): MqscReply {
  const queue = store.queues.get(name);
  const instance = cluster(name);
  const changes: { apply: () => void; keyword: string; value: string }[] = [];
  for (const [keyword, raw] of command.keywords) {
    const value = raw?.toUpperCase() ?? '';
    const level = /^\d$/.test(value) ? Number(value) : NaN;
    if ((keyword === 'PUT' || keyword === 'GET') && (value === 'ENABLED' || value === 'DISABLED')) {
      changes.push({ keyword, value, apply: () => (keyword === 'PUT' ? (queue!.inhibitPut = value === 'DISABLED') : (queue!.inhibitGet = value === 'DISABLED')) });
    } else if ((keyword === 'CLWLPRTY' || keyword === 'CLWLRANK') && level >= 0 && level <= 9) {
      changes.push({ keyword, value, apply: () => (instance ? (keyword === 'CLWLPRTY' ? (instance.clwlprty = level) : (instance.clwlrank = level)) : undefined) });
    } else if (keyword === 'CLWLUSEQ' && (value === 'QMGR' || value === 'LOCAL' || value === 'ANY')) {
      changes.push({ keyword, value, apply: () => (instance ? (instance.clwluseq = value) : undefined) });
    } else return syntaxError(command.text);
  }
  if (!queue) return { items: [{ message: `AMQ8147E: IBM MQ object ${name} not found.` }], outcome: 'failed' };
  for (const change of changes) change.apply();
  return {
    items: [{ message: 'AMQ8008I: IBM MQ queue changed.' }],
    outcome: 'processed',
    change: { kind: 'altered', queue: name, attributes: Object.fromEntries(changes.map((c) => [c.keyword, c.value])) },
  };
}

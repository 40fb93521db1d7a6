import { isRecord, readInteger, type Fail } from '../topology-fields.ts';
import type { QueueAttributes } from './message-queue.ts';

/** The MQ side of a topology's queue manager: its channel, listeners and queues. */
export interface QueueManagerMqConfig {
  /** The server-connection channel clients use (DEV.APP.SVRCONN in IBM's developer image). */
  channel: string;
  /**
   * LISTENER CONTROL: QMGR — the listener runs while the instance on its host is active
   * (nothing listens on a standby's host); MANUAL — runmqlsr runs on every instance host
   * all the time, so a standby's listener answers MQRC_STANDBY_Q_MGR.
   */
  listenerControl: 'QMGR' | 'MANUAL';
  /** Listener port per instance host; 0 = a free port chosen once at lab start. */
  listenerPorts: Record<string, number>;
  queues: QueueAttributes[];
}


const CHANNEL_NAME = /^[A-Za-z0-9._%/]{1,20}$/;
const QUEUE_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
const DEFAULT_MAX_DEPTH = 5000; // MQ's MAXDEPTH default
const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024; // MQ's MAXMSGL default
export const DEFAULT_CHANNEL = 'DEV.APP.SVRCONN';
/** The queues every lab queue manager has unless the topology redefines them (IBM's developer image has DEV.QUEUE.1-3). */
export const DEFAULT_QUEUE_NAMES = ['DEV.QUEUE.1', 'DEV.QUEUE.2', 'DEV.QUEUE.3', 'SYSTEM.DEFAULT.LOCAL.QUEUE'];
/** Topology keys of a queue manager that this module reads. */
export const MQ_QUEUE_MANAGER_KEYS = ['channel', 'listenerControl', 'listenerPorts', 'queues'];

/** Reads the MQ keys of one queue manager of a topology, reporting problems through `fail`. */
export function parseQueueManagerMq(spec: Record<string, unknown>, field: string, instances: string[], fail: Fail): QueueManagerMqConfig {
  const channel = spec.channel === undefined ? DEFAULT_CHANNEL : String(spec.channel);
  if (!CHANNEL_NAME.test(channel)) fail(`${field}.channel`, 'MQ channel names are 1-20 of A-Z a-z 0-9 . / _ %');
  const listenerControl = spec.listenerControl ?? 'QMGR';
  if (listenerControl !== 'QMGR' && listenerControl !== 'MANUAL') fail(`${field}.listenerControl`, 'must be QMGR or MANUAL');

  const listenerPorts: Record<string, number> = Object.fromEntries(instances.map((host) => [host, 0]));
  const rawPorts = spec.listenerPorts ?? {};
  if (!isRecord(rawPorts)) fail(`${field}.listenerPorts`, 'must be a mapping of instance host to port');
  else {
    for (const [host, port] of Object.entries(rawPorts)) {
      if (!instances.includes(host)) fail(`${field}.listenerPorts.${host}`, `${host} runs no instance of this queue manager`);
      else if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
        fail(`${field}.listenerPorts.${host}`, 'must be a port number (0 = any free port)');
      } else listenerPorts[host] = port;
    }
  }

  const queues = new Map<string, QueueAttributes>(DEFAULT_QUEUE_NAMES.map((name) => [name, defineQueue(name, {})]));
  const rawQueues = spec.queues ?? {};
  if (!isRecord(rawQueues)) fail(`${field}.queues`, 'must be a mapping of queue name to attributes');
  else {
    for (const [name, value] of Object.entries(rawQueues)) {
      const at = `${field}.queues.${name}`;
      if (!QUEUE_NAME.test(name)) fail(at, 'MQ queue names are 1-48 of A-Z a-z 0-9 . / _ %');
      const attributes = value === null ? {} : value;
      if (!isRecord(attributes)) {
        fail(at, 'must be a mapping (defpsist, defprty, maxdepth, maxmsgl, descr)');
        continue;
      }
      for (const key of Object.keys(attributes)) {
        if (!['defpsist', 'defprty', 'maxdepth', 'maxmsgl', 'descr'].includes(key)) fail(`${at}.${key}`, 'unknown queue attribute (allowed: defpsist, defprty, maxdepth, maxmsgl, descr)');
      }
      queues.set(name, defineQueue(name, attributes, at, fail));
    }
  }
  return { channel, listenerControl: listenerControl as 'QMGR' | 'MANUAL', listenerPorts, queues: [...queues.values()] };
}

function defineQueue(name: string, raw: Record<string, unknown>, field = '', fail: Fail = () => undefined): QueueAttributes {
  const defpsist = raw.defpsist ?? 'NO';
  // YAML 1.2 reads YES/NO as strings; true/false are accepted as well.
  const persistent = defpsist === 'YES' || defpsist === true;
  if (!persistent && defpsist !== 'NO' && defpsist !== false) fail(`${field}.defpsist`, 'must be YES or NO');
  return {
    name,
    defaultPersistent: persistent,
    defaultPriority: readInteger(raw.defprty, 0, 0, 9, `${field}.defprty`, fail),
    maxDepth: readInteger(raw.maxdepth, DEFAULT_MAX_DEPTH, 0, 999_999_999, `${field}.maxdepth`, fail),
    maxMessageBytes: readInteger(raw.maxmsgl, DEFAULT_MAX_MESSAGE_BYTES, 0, 100 * 1024 * 1024, `${field}.maxmsgl`, fail),
    description: raw.descr === undefined ? '' : String(raw.descr).slice(0, 64),
  };
}

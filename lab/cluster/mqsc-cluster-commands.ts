import type { LabEstate } from '../lab-estate.ts';
import { isKeyword, type MqscCommand } from '../mq/mqsc-command.ts';
import { syntaxError, type MqscReply, type MqscReplyItem } from '../mq/mqsc-queue-commands.ts';
import type { QueueManagerStore } from '../mq/queue-manager-store.ts';
import { DEAD_LETTER_QUEUE, TRANSMIT_QUEUE, type ClusterMember } from './cluster-member.ts';
import type { ClusterSenderChannel } from './cluster-sender-channel.ts';
import { clusterReceiverName } from './cluster-topology.ts';
import type { LabCluster } from './lab-cluster.ts';
import { matchesWhere, parseWhere, type WhereClause } from './mqsc-where.ts';

/**
 * The MQSC commands a cluster administrator uses, answered by the command server of one
 * queue manager (mq-reference.md §2.3-2.5): DISPLAY CLUSQMGR, CHSTATUS, CHANNEL, QCLUSTER,
 * QMGR; SUSPEND / RESUME QMGR CLUSTER; START / STOP CHANNEL. Undefined: not one of these.
 * Attribute order: the object's name and type first, the rest alphabetically [U]. Times
 * the topology compresses below a second display as 1 (MQ's unit is the second) [U].
 */
export interface ClusterCommandContext {
  estate: LabEstate;
  qm: string;
  store: QueueManagerStore;
  cluster: LabCluster | undefined;
}

const CHANNEL_NOT_FOUND = 'AMQ8420I: Channel Status not found.';
const CHSTATUS_DEFAULT = ['CONNAME', 'CURRENT', 'RQMNAME', 'STATUS', 'SUBSTATE', 'XMITQ'];
const CHSTATUS_ALL = [...CHSTATUS_DEFAULT, 'CHSTADA', 'CHSTATI', 'INDOUBT', 'LONGRTS', 'MSGS', 'SHORTRTS', 'XQMSGSA'];
const CHANNEL_ALL = ['BATCHSZ', 'CLUSTER', 'CLWLPRTY', 'CLWLRANK', 'CLWLWGHT', 'CONNAME', 'DISCINT', 'HBINT', 'LONGRTY', 'LONGTMR', 'NETPRTY', 'SHORTRTY', 'SHORTTMR'];
const CLUSQMGR_ALL = ['CLUSTER', 'CONNAME', 'DEFTYPE', 'QMID', 'QMTYPE', 'STATUS', 'SUSPEND', 'XMITQ'];
const QCLUSTER_ALL = ['CLUSQMGR', 'CLUSTER', 'CLWLPRTY', 'CLWLRANK', 'CLWLUSEQ', 'DEFBIND', 'DEFPSIST', 'PUT', 'QMID'];
const QMGR_ALL = ['CLWLMRUC', 'CLWLUSEQ', 'DEADQ', 'DEFCLXQ', 'QMID', 'REPOS'];
/** [U] A member's listener port as other members' CONNAME shows it. */
const CLUSTER_PORT = 1414;

export function runMqscClusterCommand(context: ClusterCommandContext, command: MqscCommand): MqscReply | undefined {
  const { verb, objectType, name } = command;
  const display = isKeyword(verb, 'DISPLAY', 'DIS');
  if (display && isKeyword(objectType, 'CHSTATUS', 'CHS') && name !== undefined) return displayChannelStatus(context, command, name);
  if (display && objectType === 'CLUSQMGR' && name !== undefined) return displayClusterQueueManagers(context, command, name);
  if (display && isKeyword(objectType, 'CHANNEL', 'CHL') && name !== undefined) return displayChannels(context, command, name);
  if (display && isKeyword(objectType, 'QCLUSTER', 'QC') && name !== undefined) return displayClusterQueues(context, command, name);
  if (display && objectType === 'QMGR' && name === undefined) return displayQueueManager(context, command);
  if ((verb === 'SUSPEND' || verb === 'RESUME') && objectType === 'QMGR') return suspendOrResume(context, command, verb === 'SUSPEND');
  if ((verb === 'START' || verb === 'STOP') && isKeyword(objectType, 'CHANNEL', 'CHL') && name !== undefined) return startOrStopChannel(context, command, name, verb === 'START');
  return undefined;
}

/** What DISPLAY asked for: the keywords (ALL expands), a WHERE clause; null when a keyword is not one the display knows. */
function readSelection(command: MqscCommand, known: string[], ignore: string[] = []): { wanted: Set<string>; where?: WhereClause } | null {
  const wanted = new Set<string>();
  let where: WhereClause | undefined;
  for (const [keyword, value] of command.keywords) {
    if (keyword === 'ALL' && value === null) known.forEach((k) => wanted.add(k));
    else if (keyword === 'WHERE' && value !== null) {
      const parsed = parseWhere(value);
      if (!parsed || !known.includes(parsed.keyword)) return null;
      where = parsed;
      wanted.add(parsed.keyword);
    } else if (ignore.includes(keyword) && value !== null) continue;
    else if (known.includes(keyword) && value === null) wanted.add(keyword);
    else return null;
  }
  return where ? { wanted, where } : { wanted };
}

function nameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function item(message: string, first: string[], values: Map<string, string>, wanted: Set<string>): MqscReplyItem {
  const rest = [...wanted].sort().map((k) => (k === 'CURRENT' ? 'CURRENT' : `${k}(${values.get(k) ?? ' '})`));
  return { message, attributes: [...first, ...rest] };
}

function seconds(ms: number): string {
  return ms === 0 ? '0' : String(Math.max(1, Math.round(ms / 1000)));
}

function connameOf(context: ClusterCommandContext, qm: string): string {
  const member = context.cluster?.members.get(qm);
  const address = context.estate.topology.hosts.find((h) => h.name === member?.host)?.address ?? '';
  return `${address}(${CLUSTER_PORT})`;
}

function displayChannelStatus(context: ClusterCommandContext, command: MqscCommand, pattern: string): MqscReply {
  const selection = readSelection(command, CHSTATUS_ALL, ['CURRENT', 'TYPE']);
  if (!selection) return syntaxError(command.text);
  const wanted = new Set([...CHSTATUS_DEFAULT, ...selection.wanted]);
  const member = context.cluster?.members.get(context.qm);
  const items: MqscReplyItem[] = [];
  if (member && context.cluster) {
    const rows: { name: string; type: string; values: Map<string, string> }[] = [];
    for (const channel of member.channels.values()) {
      if (channel.status === null || !nameMatches(pattern, channel.name)) continue;
      rows.push({ name: channel.name, type: 'CLUSSDR', values: senderStatusValues(context, member, channel) });
    }
    // Inbound: the receiving end of every running channel to this member.
    const own = clusterReceiverName(context.cluster.name, context.qm);
    if (nameMatches(pattern, own)) {
      for (const other of context.cluster.members.values()) {
        const channel = other.channels.get(context.qm);
        if (channel?.status !== 'RUNNING') continue;
        const values = new Map([['CONNAME', connameOf(context, other.qm).replace(/\(\d+\)$/, '')], ['RQMNAME', other.qm], ['STATUS', 'RUNNING'], ['SUBSTATE', 'RECEIVE'], ['MSGS', String(channel.messagesSent)], ['INDOUBT', 'NO']]);
        rows.push({ name: own, type: 'CLUSRCVR', values });
      }
    }
    for (const row of rows.sort((a, b) => a.name.localeCompare(b.name))) {
      if (selection.where && !matchesWhere(selection.where, row.values.get(selection.where.keyword))) continue;
      const shown = new Set([...wanted].filter((k) => row.type === 'CLUSSDR' || !['XMITQ', 'XQMSGSA', 'SHORTRTS', 'LONGRTS'].includes(k)));
      items.push(item('AMQ8417I: Display Channel Status details.', [`CHANNEL(${row.name})`, `CHLTYPE(${row.type})`], row.values, shown));
    }
  }
  if (items.length === 0) return { items: [{ message: CHANNEL_NOT_FOUND }], outcome: 'failed' };
  return { items, outcome: 'processed' };
}

function senderStatusValues(context: ClusterCommandContext, member: ClusterMember, channel: ClusterSenderChannel): Map<string, string> {
  const iso = new Date(channel.runningSinceMs || context.estate.clock.now()).toISOString();
  const running = channel.status === 'RUNNING';
  return new Map([
    ['CONNAME', connameOf(context, channel.toQm)],
    ['RQMNAME', running ? channel.toQm : ' '],
    ['STATUS', channel.status ?? 'INACTIVE'],
    ['SUBSTATE', channel.substate],
    ['XMITQ', TRANSMIT_QUEUE],
    ['XQMSGSA', String(member.countAvailableFor(channel.toQm))],
    ['MSGS', String(channel.messagesSent)],
    ['SHORTRTS', String(channel.shortRetriesLeft)],
    ['LONGRTS', String(channel.longRetriesLeft)],
    ['INDOUBT', 'NO'],
    ['CHSTADA', iso.slice(0, 10)],
    ['CHSTATI', iso.slice(11, 19).replaceAll(':', '.')],
  ]);
}

function displayClusterQueueManagers(context: ClusterCommandContext, command: MqscCommand, pattern: string): MqscReply {
  const { cluster } = context;
  const clusterFilter = command.keywords.get('CLUSTER');
  const selection = readSelection(command, CLUSQMGR_ALL, ['CLUSTER']);
  if (!selection) return syntaxError(command.text);
  selection.wanted.delete('CLUSTER');
  const member = cluster?.members.get(context.qm);
  if (!cluster || !member || (clusterFilter && clusterFilter !== '*' && clusterFilter !== cluster.name)) return { items: [{ message: `AMQ8147E: IBM MQ object ${pattern} not found.` }], outcome: 'failed' };
  const items: MqscReplyItem[] = [];
  for (const qm of cluster.knownMembers(context.qm)) {
    if (!nameMatches(pattern, qm)) continue;
    const self = qm === context.qm;
    const channel = member.channels.get(qm);
    const values = new Map([
      ['CONNAME', connameOf(context, qm)],
      ['DEFTYPE', self ? 'CLUSRCVR' : cluster.isRepository(qm) ? 'CLUSSDRB' : 'CLUSSDRA'],
      ['QMID', context.estate.queueManagers.has(qm) ? (cluster.members.get(qm)?.store.qmid ?? qm) : qm],
      ['QMTYPE', cluster.isRepository(qm) ? 'REPOS' : 'NORMAL'],
      ['STATUS', self ? 'RUNNING' : (channel?.status ?? 'INACTIVE')],
      ['SUSPEND', cluster.members.get(qm)?.suspended ? 'YES' : 'NO'],
      ['XMITQ', TRANSMIT_QUEUE],
    ]);
    if (selection.where && !matchesWhere(selection.where, values.get(selection.where.keyword))) continue;
    items.push(item('AMQ8441I: Display Cluster Queue Manager details.', [`CLUSQMGR(${qm})`, `CHANNEL(${clusterReceiverName(cluster.name, qm)})`, `CLUSTER(${cluster.name})`], values, selection.wanted));
  }
  if (items.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${pattern} not found.` }], outcome: 'failed' };
  return { items, outcome: 'processed' };
}

function displayChannels(context: ClusterCommandContext, command: MqscCommand, pattern: string): MqscReply {
  const selection = readSelection(command, CHANNEL_ALL, ['CHLTYPE']);
  if (!selection) return syntaxError(command.text);
  const { cluster } = context;
  const typeFilter = command.keywords.get('CHLTYPE')?.toUpperCase();
  const items: MqscReplyItem[] = [];
  if (cluster?.members.has(context.qm)) {
    const timings = cluster.config.channels;
    const repository = cluster.config.repositories.find((r) => r !== context.qm)!;
    const defined: { name: string; type: string; partner: string }[] = [
      { name: clusterReceiverName(cluster.name, context.qm), type: 'CLUSRCVR', partner: context.qm },
      { name: clusterReceiverName(cluster.name, repository), type: 'CLUSSDR', partner: repository },
    ];
    for (const channel of defined) {
      if (!nameMatches(pattern, channel.name) || (typeFilter && typeFilter !== channel.type)) continue;
      const attributes = cluster.config.memberAttributes.get(channel.partner)!;
      const values = new Map([
        ['BATCHSZ', String(timings.batchSize)],
        ['CLUSTER', cluster.name],
        ['CLWLPRTY', String(attributes.clwlprty)],
        ['CLWLRANK', String(attributes.clwlrank)],
        ['CLWLWGHT', String(attributes.clwlwght)],
        ['CONNAME', connameOf(context, channel.partner)],
        ['DISCINT', seconds(timings.discIntMs)],
        ['HBINT', seconds(timings.heartbeatMs)],
        ['LONGRTY', String(timings.longRetry)],
        ['LONGTMR', seconds(timings.longTimerMs)],
        ['NETPRTY', String(attributes.netprty)],
        ['SHORTRTY', String(timings.shortRetry)],
        ['SHORTTMR', seconds(timings.shortTimerMs)],
      ]);
      items.push(item('AMQ8414I: Display Channel details.', [`CHANNEL(${channel.name})`, `CHLTYPE(${channel.type})`], values, selection.wanted));
    }
  }
  if (items.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${pattern} not found.` }], outcome: 'failed' };
  return { items, outcome: 'processed' };
}

function displayClusterQueues(context: ClusterCommandContext, command: MqscCommand, pattern: string): MqscReply {
  const selection = readSelection(command, QCLUSTER_ALL);
  if (!selection) return syntaxError(command.text);
  const { cluster } = context;
  const items: MqscReplyItem[] = [];
  for (const queue of cluster?.members.has(context.qm) ? cluster.clusterQueues() : []) {
    if (!nameMatches(pattern, queue.name)) continue;
    for (const qm of queue.instances) {
      const instance = cluster!.members.get(qm)!;
      const attributes = instance.instances.get(queue.name)!;
      const local = instance.store.queues.get(queue.name);
      const values = new Map([
        ['CLUSQMGR', qm],
        ['CLUSTER', cluster!.name],
        ['CLWLPRTY', String(attributes.clwlprty)],
        ['CLWLRANK', String(attributes.clwlrank)],
        ['CLWLUSEQ', attributes.clwluseq],
        ['DEFBIND', queue.defbind],
        ['DEFPSIST', queue.defaultPersistent ? 'YES' : 'NO'],
        ['PUT', local?.inhibitPut ? 'DISABLED' : 'ENABLED'],
        ['QMID', instance.store.qmid],
      ]);
      items.push(item('AMQ8409I: Display Queue details.', [`QUEUE(${queue.name})`, 'TYPE(QCLUSTER)'], values, new Set(['CLUSQMGR', ...selection.wanted])));
    }
  }
  if (items.length === 0) return { items: [{ message: `AMQ8147E: IBM MQ object ${pattern} not found.` }], outcome: 'failed' };
  return { items, outcome: 'processed' };
}

function displayQueueManager(context: ClusterCommandContext, command: MqscCommand): MqscReply {
  const selection = readSelection(command, QMGR_ALL);
  if (!selection) return syntaxError(command.text);
  const { cluster } = context;
  const attributes = cluster?.config.memberAttributes.get(context.qm);
  const values = new Map([
    ['CLWLMRUC', String(attributes?.clwlmruc ?? 999_999_999)],
    ['CLWLUSEQ', attributes?.clwluseq ?? 'LOCAL'],
    ['DEADQ', context.store.queues.has(DEAD_LETTER_QUEUE) ? DEAD_LETTER_QUEUE : ' '],
    ['DEFCLXQ', 'SCTQ'],
    ['QMID', context.store.qmid],
    ['REPOS', cluster?.isRepository(context.qm) ? cluster.name : ' '],
  ]);
  return { items: [item('AMQ8408I: Display Queue Manager details.', [`QMNAME(${context.qm})`], values, selection.wanted)], outcome: 'processed' };
}

function suspendOrResume(context: ClusterCommandContext, command: MqscCommand, suspend: boolean): MqscReply {
  const clusterName = command.keywords.get('CLUSTER');
  const mode = command.keywords.get('MODE');
  const known = [...command.keywords.keys()].every((k) => k === 'CLUSTER' || (suspend && k === 'MODE'));
  if (!clusterName || !known || (mode !== undefined && mode?.toUpperCase() !== 'QUIESCE' && mode?.toUpperCase() !== 'FORCE')) return syntaxError(command.text);
  const { cluster } = context;
  // [U] the reply when the queue manager is not in that cluster.
  if (!cluster?.members.has(context.qm) || clusterName !== cluster.name) return { items: [{ message: `AMQ8147E: IBM MQ object ${clusterName} not found.` }], outcome: 'failed' };
  cluster.suspend(context.qm, suspend);
  // [U] AMQ8559I / AMQ8560I texts (mq-reference.md §2.4).
  const message = suspend ? 'AMQ8559I: Suspend Queue Manager Cluster accepted.' : 'AMQ8560I: Resume Queue Manager Cluster accepted.';
  return { items: [{ message }], outcome: 'processed' };
}

function startOrStopChannel(context: ClusterCommandContext, command: MqscCommand, name: string, start: boolean): MqscReply {
  const allowed = start ? [] : ['MODE', 'STATUS'];
  if (![...command.keywords.keys()].every((k) => allowed.includes(k))) return syntaxError(command.text);
  const { cluster } = context;
  const member = cluster?.members.get(context.qm);
  const partner = member && cluster ? cluster.config.members.find((qm) => qm !== context.qm && clusterReceiverName(cluster.name, qm) === name) : undefined;
  if (!member || !cluster || !partner) return { items: [{ message: `AMQ8147E: IBM MQ object ${name} not found.` }], outcome: 'failed' };
  const channel = cluster.channel(member, partner);
  if (start) {
    // [U] AMQ9514E wording for a channel already starting or running.
    if (!channel.startCommand()) return { items: [{ message: `AMQ9514E: Channel '${name}' is in use.` }], outcome: 'failed' };
    return { items: [{ message: 'AMQ8018I: Start IBM MQ channel accepted.' }], outcome: 'processed' };
  }
  // [U] AMQ9533E wording for a channel with no status.
  if (!channel.stopCommand()) return { items: [{ message: `AMQ9533E: Channel '${name}' is not currently active.` }], outcome: 'failed' };
  return { items: [{ message: 'AMQ8019I: Stop IBM MQ channel accepted.' }], outcome: 'processed' };
}

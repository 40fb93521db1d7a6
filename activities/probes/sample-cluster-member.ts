import type { ClusterMemberSample } from '../../checkers/cluster-samples.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { readChannelStatuses } from '../mq/parse-chstatus.ts';
import { readQueueStatuses } from '../mq/parse-qstatus.ts';
import { MqscCommandError, runMqsc } from '../mq/run-mqsc.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

export const CLUSTER_TRANSMIT_QUEUE = 'SYSTEM.CLUSTER.TRANSMIT.QUEUE';

/**
 * One cluster member's sending side at one moment (checkers/cluster-samples.ts): the depth of
 * its SYSTEM.CLUSTER.TRANSMIT.QUEUE and the status of every channel that has one (XQMSGSA is
 * that channel's share of the transmission queue, MSGS what it moved since it started). A
 * member that cannot answer (stopped: runmqsc AMQ8146E) is a sample with `ok: false`.
 */
const COMMANDS = [`DISPLAY QLOCAL(${CLUSTER_TRANSMIT_QUEUE}) CURDEPTH`, 'DISPLAY CHSTATUS(*) STATUS SUBSTATE XQMSGSA MSGS SHORTRTS'];

export async function sampleClusterMember(ssh: SshPool, host: HostSpec, queueManager: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ClusterMemberSample> {
  const t = Date.now();
  try {
    const { output } = await runMqsc(ssh, host, queueManager, COMMANDS, options);
    const [depthReply, statusReply] = output.responses;
    const depth = readQueueStatuses(depthReply!)[0]?.depth;
    if (depth === undefined || depth === null) return { t, queueManager, host: host.name, ok: false, error: `no CURDEPTH for ${CLUSTER_TRANSMIT_QUEUE}` };
    const channels = readChannelStatuses(statusReply!).map((c) => ({ channel: c.channel, type: c.type, status: c.status, messagesAvailable: c.messagesAvailable, messages: c.messages, shortRetriesLeft: c.shortRetriesLeft }));
    return { t, queueManager, host: host.name, ok: true, transmitDepth: depth, channels };
  } catch (error) {
    if (error instanceof MqscCommandError) return { t, queueManager, host: host.name, ok: false, error: error.message };
    throw error;
  }
}

/** Every member once, side by side (one SSH connection per host, kept by the pool). */
export function sweepClusterMembers(ssh: SshPool, members: readonly { queueManager: string; host: HostSpec }[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<ClusterMemberSample[]> {
  return Promise.all(members.map((m) => sampleClusterMember(ssh, m.host, m.queueManager, options)));
}

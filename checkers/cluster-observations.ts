import type { ClusterMemberSample } from './cluster-samples.ts';

/**
 * The cluster observations as the report's charts read them (one per sender and sample:
 * transmit-queue depth, channel status; queue instances when a probe records them), made
 * from the cluster probe's `ClusterMemberSample`s (cluster-samples.ts) by
 * `observationsOfMemberSamples`, and the routing part of the result document. Times are epoch
 * milliseconds on the harness's clock; names are as runmqsc prints them.
 */

/** MQCHS_* as DISPLAY CHSTATUS prints them; INACTIVE for "Channel Status not found" (AMQ8420I). */
export type ChannelStatus =
  | 'INACTIVE'
  | 'BINDING'
  | 'STARTING'
  | 'RUNNING'
  | 'STOPPING'
  | 'RETRYING'
  | 'STOPPED'
  | 'REQUESTING'
  | 'PAUSED'
  | 'INITIALIZING'
  | 'SWITCHING';

/** One poll of a sending queue manager's SYSTEM.CLUSTER.TRANSMIT.QUEUE. */
export interface TransmitQueueSample {
  k: 'xmitq';
  t: number;
  /** The sending queue manager. */
  sender: string;
  ok: boolean;
  /** CURDEPTH of the transmit queue. */
  depth?: number;
  /** Messages waiting per destination cluster-sender channel (CHSTATUS XQMSGSA). */
  byChannel?: Record<string, number>;
  error?: string;
}

/** One poll of a cluster channel's status as its sending queue manager reports it. */
export interface ChannelStatusSample {
  k: 'chstatus';
  t: number;
  sender: string;
  channel: string;
  ok: boolean;
  status?: ChannelStatus;
  substate?: string;
  /** MSGS: messages sent over the current channel instance. */
  msgs?: number;
  error?: string;
}

/** One poll of a cluster queue's instance on a member (DISPLAY QSTATUS). */
export interface QueueInstanceSample {
  k: 'qstatus';
  t: number;
  queueManager: string;
  queue: string;
  ok: boolean;
  depth?: number;
  /** IPPROCS: handles open for input (consumers). */
  ipprocs?: number;
  error?: string;
}

export type ClusterObservation = TransmitQueueSample | ChannelStatusSample | QueueInstanceSample;

/** `routing.<producer group>` in the result document: where the group's messages were delivered. */
export interface RoutingMeasurement {
  /** Messages got from each queue manager's instance of the cluster queue. */
  deliveredTo: Record<string, number>;
  /** How the group's producers opened the queue: bind-on-open, bind-not-fixed, a fully qualified ObjectQMgrName. */
  bind?: 'on-open' | 'not-fixed' | 'group' | 'qualified';
}

/** The cluster part of a scenario's result document the report reads beyond `transmit` and `channels` (result-document.ts). */
export interface ClusterResultFields {
  routing?: Record<string, RoutingMeasurement>;
}

/**
 * The report's view of what the cluster probe records (`ClusterMemberSample`, one line per
 * member per sweep): the transmit-queue depth per sending member (per destination channel
 * from XQMSGSA) and each cluster-sender channel's status. Queue-instance samples are not
 * recorded by the probe yet.
 */
export function observationsOfMemberSamples(samples: readonly ClusterMemberSample[]): ClusterObservation[] {
  const observations: ClusterObservation[] = [];
  for (const sample of samples) {
    if (!sample.ok) {
      observations.push({ k: 'xmitq', t: sample.t, sender: sample.queueManager, ok: false, error: sample.error });
      continue;
    }
    const senders = sample.channels.filter((channel) => channel.type === 'CLUSSDR');
    const byChannel: Record<string, number> = {};
    for (const channel of senders) if (channel.messagesAvailable !== null) byChannel[channel.channel] = channel.messagesAvailable;
    observations.push({ k: 'xmitq', t: sample.t, sender: sample.queueManager, ok: true, depth: sample.transmitDepth, byChannel });
    for (const channel of senders) {
      observations.push({
        k: 'chstatus',
        t: sample.t,
        sender: sample.queueManager,
        channel: channel.channel,
        ok: true,
        status: channel.status as ChannelStatus,
        ...(channel.messages === null ? {} : { msgs: channel.messages }),
      });
    }
  }
  return observations;
}

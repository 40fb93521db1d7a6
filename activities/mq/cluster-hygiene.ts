import type { MqscResponse } from './parse-runmqsc.ts';

/** The MQSC displays the cluster-hygiene check reads, in this order (mq-reference.md §2.3, §2.4). */
export function clusterHygieneCommands(cluster: string): string[] {
  return [
    'DISPLAY QLOCAL(*) CLUSTER DEFBIND',
    'DISPLAY CHSTATUS(*) STATUS SHORTRTS LONGRTS',
    'DISPLAY QLOCAL(SYSTEM.CLUSTER.TRANSMIT.QUEUE) CURDEPTH',
    `DISPLAY CLUSQMGR(*) CLUSTER(${cluster}) QMTYPE STATUS DEFTYPE`,
  ];
}

export interface ClusterHygiene {
  /** Local cluster queues of this cluster with DEFBIND(OPEN). */
  bindOnOpenQueues: string[];
  /** Cluster-sender channels in STOPPED. */
  stoppedChannels: string[];
  /**
   * Cluster-sender channels RETRYING with their short retries used up (SHORTRTS(0)): they are
   * on the slow LONGTMR schedule (20 minutes by default), or have no retry left at all.
   */
  retriesExhaustedChannels: string[];
  /** SYSTEM.CLUSTER.TRANSMIT.QUEUE depth; null when not shown. */
  transmitQueueDepth: number | null;
  /**
   * Full repositories (QMTYPE(REPOS)) this queue manager reaches: itself (DEFTYPE CLUSRCVR) or
   * over a channel RUNNING or INACTIVE (idle: started on demand, as the workload algorithm
   * prefers them); RETRYING, STOPPED and the rest are not reachable now.
   */
  fullRepositoriesReachable: number;
  fullRepositories: Array<{ name: string; status: string }>;
}

const isClusterSender = (chltype: string | undefined) => chltype === 'CLUSSDR';

/** Reads the four responses of clusterHygieneCommands; channels without status (AMQ8420I) are simply absent. */
export function readClusterHygiene(responses: readonly MqscResponse[], cluster: string): ClusterHygiene {
  const [queues, channels, sctq, clusqmgrs] = responses;
  const senders = (channels?.objects ?? []).filter((o) => isClusterSender(o.attributes.CHLTYPE));
  const repositories = (clusqmgrs?.objects ?? []).filter((o) => o.attributes.QMTYPE === 'REPOS' && (o.attributes.CLUSTER ?? cluster) === cluster);
  const depth = sctq?.objects.find((o) => o.attributes.QUEUE === 'SYSTEM.CLUSTER.TRANSMIT.QUEUE')?.attributes.CURDEPTH;
  return {
    bindOnOpenQueues: (queues?.objects ?? []).filter((o) => o.attributes.CLUSTER === cluster && o.attributes.DEFBIND === 'OPEN').map((o) => o.attributes.QUEUE!),
    stoppedChannels: senders.filter((o) => o.attributes.STATUS === 'STOPPED').map((o) => o.attributes.CHANNEL!),
    retriesExhaustedChannels: senders.filter((o) => o.attributes.STATUS === 'RETRYING' && (o.attributes.SHORTRTS === '0' || o.attributes.LONGRTS === '0')).map((o) => o.attributes.CHANNEL!),
    transmitQueueDepth: depth === undefined ? null : Number(depth),
    fullRepositoriesReachable: repositories.filter((o) => o.attributes.STATUS === 'RUNNING' || o.attributes.STATUS === 'INACTIVE' || o.attributes.DEFTYPE === 'CLUSRCVR').length,
    fullRepositories: repositories.map((o) => ({ name: o.attributes.CLUSQMGR!, status: o.attributes.STATUS ?? '' })),
  };
}

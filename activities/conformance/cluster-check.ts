import type { CheckFacts, NodeFacts } from '../../checkers/conformance-facts.ts';
import type { ClusterConformanceSpec } from '../../suites/conformance-model.ts';
import { clusterHygieneCommands, readClusterHygiene, type ClusterHygiene } from '../mq/cluster-hygiene.ts';
import { runMqsc } from '../mq/run-mqsc.ts';
import { findActiveHost } from './active-host.ts';
import { CHECK_COMMAND_TIMEOUT_MS, readNode, type CheckContext, type FactsAndWords } from './check-context.ts';

/** Cluster hygiene on each member's active instance: DEFBIND, cluster-sender channels, SCTQ depth, full repositories. */
export async function checkCluster(context: CheckContext, cluster: ClusterConformanceSpec): Promise<CheckFacts> {
  const nodes: NodeFacts[] = [];
  for (const member of cluster.queueManagers) {
    const memberContext = { ...context, queueManager: member };
    let label = member;
    const node = await readNode(member, async () => {
      const active = await findActiveHost(memberContext);
      label = `${member}@${active.name}`;
      const run = await runMqsc(context.ssh, active, member, clusterHygieneCommands(cluster.name), { timeoutMs: CHECK_COMMAND_TIMEOUT_MS });
      return clusterFacts(readClusterHygiene(run.output.responses, cluster.name), cluster, member);
    });
    node.node = label;
    nodes.push(node);
  }
  return { check: 'cluster', title: `cluster ${cluster.name} hygiene (DEFBIND, channels, SCTQ, full repositories)`, queueManager: null, nodes };
}

/** The hygiene of one member as facts with words. */
export function clusterFacts(hygiene: ClusterHygiene, cluster: ClusterConformanceSpec, member: string): FactsAndWords {
  const repos = hygiene.fullRepositories.map((r) => `${r.name} ${r.status}`).join(', ') || 'none';
  return {
    role: 'active',
    facts: {
      bindOnOpenQueues: cluster.forbidBindOnOpen ? hygiene.bindOnOpenQueues : [],
      stoppedChannels: hygiene.stoppedChannels,
      retriesExhaustedChannels: hygiene.retriesExhaustedChannels,
      transmitQueueDepth: hygiene.transmitQueueDepth,
      transmitQueueAtBaseline: hygiene.transmitQueueDepth === null ? null : hygiene.transmitQueueDepth <= cluster.transmitQueueBaseline,
      fullRepositoriesReachable: hygiene.fullRepositoriesReachable,
    },
    words: {
      bindOnOpenQueues: `cluster queues with DEFBIND(OPEN) on ${member}: ${hygiene.bindOnOpenQueues.join(', ')}`,
      stoppedChannels: `cluster-sender channels STOPPED on ${member}: ${hygiene.stoppedChannels.join(', ')}`,
      retriesExhaustedChannels: `cluster-sender channels on ${member} with their short retries used up (retrying every LONGTMR): ${hygiene.retriesExhaustedChannels.join(', ')}`,
      transmitQueueAtBaseline: `SYSTEM.CLUSTER.TRANSMIT.QUEUE on ${member} holds ${hygiene.transmitQueueDepth} messages; the baseline is ${cluster.transmitQueueBaseline}`,
      fullRepositoriesReachable: `${member} reaches ${hygiene.fullRepositoriesReachable} full repositories of ${cluster.name} (${repos}); two are required`,
    },
  };
}

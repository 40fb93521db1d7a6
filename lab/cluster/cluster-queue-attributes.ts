import type { MessageQueue } from '../mq/message-queue.ts';
import type { QueueDisplayExtension } from '../mq/mqsc-queue-commands.ts';
import type { QueueClusterLookup } from '../mq/mqsc-queue-status.ts';
import type { LabCluster } from './lab-cluster.ts';

/**
 * A member's local queues as instances of cluster queues, for runmqsc: what DISPLAY QLOCAL
 * shows (CLUSTER, CLWLPRTY, CLWLRANK, CLWLUSEQ, DEFBIND) and what ALTER QLOCAL changes.
 */
export function clusterQueueLookup(cluster: LabCluster | undefined, qm: string): QueueClusterLookup {
  return (queueName) => cluster?.members.get(qm)?.instances.get(queueName);
}

export function clusterQueueDisplay(cluster: LabCluster | undefined, qm: string): QueueDisplayExtension {
  const lookup = clusterQueueLookup(cluster, qm);
  return {
    keywords: ['CLUSTER', 'CLWLPRTY', 'CLWLRANK', 'CLWLUSEQ', 'DEFBIND'],
    value(queue: MessageQueue, keyword: string): string | undefined {
      const attributes = lookup(queue.name);
      if (!attributes) return keyword === 'CLWLUSEQ' ? 'QMGR' : keyword === 'CLWLPRTY' || keyword === 'CLWLRANK' ? '0' : keyword === 'CLUSTER' ? ' ' : undefined;
      switch (keyword) {
        case 'CLUSTER': return attributes.cluster;
        case 'CLWLPRTY': return String(attributes.clwlprty);
        case 'CLWLRANK': return String(attributes.clwlrank);
        case 'CLWLUSEQ': return attributes.clwluseq;
        case 'DEFBIND': return attributes.defbind;
        default: return undefined;
      }
    },
  };
}

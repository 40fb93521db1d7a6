import { forEachSeq, type TrafficRecording } from './traffic-log.ts';

/**
 * Where each producer's messages were delivered: per producer, the queue manager of every
 * consumer that got them (its log's header names it), counted once per sequence number
 * got. A consumer whose log does not name its queue manager counts under `unknown`.
 */
export interface ProducerRouting {
  /** Messages got per queue manager they were got from. */
  deliveredTo: Record<string, number>;
}

export function measureRouting(traffic: TrafficRecording): Record<string, ProducerRouting> {
  const routing: Record<string, ProducerRouting> = {};
  for (const producer of traffic.clients.filter((c) => c.header.k === 'producer')) routing[producer.header.id] = { deliveredTo: {} };
  for (const consumer of traffic.clients) {
    if (consumer.header.k !== 'consumer') continue;
    const qm = consumer.header.qm ?? 'unknown';
    for (const line of consumer.lines) {
      if (line.k !== 'g') continue;
      for (const [producer, ranges] of Object.entries(line.r)) {
        const entry = (routing[producer] ??= { deliveredTo: {} });
        let count = 0;
        forEachSeq(ranges, () => void (count += 1));
        entry.deliveredTo[qm] = (entry.deliveredTo[qm] ?? 0) + count;
      }
    }
  }
  return routing;
}

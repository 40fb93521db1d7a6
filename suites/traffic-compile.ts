import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefaults, schemasDir } from './suite-schemas.ts';
import type { ConsumerSpec, ProducerSpec, ReconnectOption, TrafficSpec } from './traffic-model.ts';

/** A scenario's `traffic:` as written (validated against suite.schema.json `definitions.traffic`). */
export interface RawTraffic {
  queue: string;
  objectQueueManager?: string;
  channel?: string;
  bind?: TrafficSpec['bind'];
  reconnect?: ReconnectOption;
  producers?: Array<Partial<Omit<ProducerSpec, 'id' | 'count'>> & { instances?: number; count?: number }>;
  consumers?: Array<Partial<Omit<ConsumerSpec, 'id'>> & { instances?: number }>;
  drainSeconds?: number;
}

const DEFAULT_RECONNECT: ReconnectOption = 'reconnect';

type Json = Record<string, unknown>;
let definitions: Record<string, Json> | undefined;

function schemaDefaults(definition: string): Json {
  definitions ??= (JSON.parse(readFileSync(join(schemasDir, 'suite.schema.json'), 'utf8')) as { definitions: Record<string, Json> }).definitions;
  return readDefaults(definitions[definition]!);
}

/**
 * Applies the schema's defaults and expands each producer and consumer group into its
 * instances, numbered across groups: p1, p2, … and c1, c2, …
 */
export function compileTraffic(raw: RawTraffic): TrafficSpec {
  const traffic = { ...schemaDefaults('traffic'), ...raw } as Required<Omit<RawTraffic, 'objectQueueManager' | 'channel'>> & RawTraffic;
  const reconnect = traffic.reconnect ?? DEFAULT_RECONNECT;
  const producers: ProducerSpec[] = [];
  for (const group of traffic.producers) {
    const { instances, count, ...settings } = { ...schemaDefaults('trafficProducer'), ...group } as ProducerSpec & { instances: number; count?: number };
    for (let i = 0; i < instances; i++) {
      producers.push({ ...settings, id: `p${producers.length + 1}`, count: count ?? null, reconnect: group.reconnect ?? reconnect });
    }
  }
  const consumers: ConsumerSpec[] = [];
  for (const group of traffic.consumers) {
    const { instances, ...settings } = { ...schemaDefaults('trafficConsumer'), ...group } as ConsumerSpec & { instances: number };
    for (let i = 0; i < instances; i++) consumers.push({ ...settings, id: `c${consumers.length + 1}`, reconnect: group.reconnect ?? reconnect });
  }
  const compiled: TrafficSpec = { queue: traffic.queue, bind: traffic.bind, producers, consumers, drainSeconds: traffic.drainSeconds };
  if (raw.objectQueueManager !== undefined) compiled.objectQueueManager = raw.objectQueueManager;
  if (raw.channel !== undefined) compiled.channel = raw.channel;
  return compiled;
}

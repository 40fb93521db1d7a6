import type { ExpectationSpec } from './suite-model.ts';

/**
 * The default expectation of each conformance check: a JSON Schema over one node's facts
 * that states the prerequisite (IBM's multi-instance set-up, the HA cluster managers' field
 * documents). A fact a check could not read is not measured and makes its line unknown.
 */
const holds = (...facts: string[]) => ({ required: facts, properties: Object.fromEntries(facts.map((fact) => [fact, { const: true }])) });

const SCHEMAS: Record<string, Record<string, unknown>> = {
  'mq-user': holds('uidAgrees', 'mqmGidAgrees', 'userInGroupMqm'),
  'qm-storage': {
    required: ['dataOwner', 'logOwner', 'dataGroupWritable', 'logGroupWritable', 'dataOnNfs', 'logOnNfs', 'hardMount', 'nfsVersion'],
    properties: {
      ...holds('dataGroupWritable', 'logGroupWritable', 'dataOnNfs', 'logOnNfs', 'hardMount').properties,
      dataOwner: { const: 'mqm:mqm' },
      logOwner: { const: 'mqm:mqm' },
      nfsVersion: { type: 'string', pattern: '^4' },
    },
  },
  amqmfsck: holds('basicPassed', 'concurrentPassed', 'lockWaitPassed'),
  'qm-stanza': holds('stanzaPresent', 'prefixAgrees', 'dataPathAgrees'),
  standby: { required: ['standbyPermitted', 'instanceMode'], properties: { standbyPermitted: { const: true }, instanceMode: { enum: ['Active', 'Standby'] } } },
  'mq-version': holds('versionAgrees'),
  'auto-start': { required: ['startsAtBoot'], properties: { startsAtBoot: { const: false } } },
  listener: {
    required: ['runningListenerPorts', 'portListening'],
    properties: { runningListenerPorts: { type: 'array', minItems: 1, maxItems: 1 }, portListening: { const: true }, declaredPortRunning: { const: true } },
  },
  'health-queue': { required: ['queueDefined', 'defpsist'], properties: { queueDefined: { const: true }, defpsist: { const: 'YES' } } },
  cluster: {
    required: ['bindOnOpenQueues', 'stoppedChannels', 'retriesExhaustedChannels', 'transmitQueueDepth', 'fullRepositoriesReachable'],
    properties: {
      bindOnOpenQueues: { maxItems: 0 },
      stoppedChannels: { maxItems: 0 },
      retriesExhaustedChannels: { maxItems: 0 },
      transmitQueueAtBaseline: { const: true },
      fullRepositoriesReachable: { minimum: 2 },
    },
  },
  client: holds('reconnectEnabled', 'listsEveryInstance'),
};

export const CONFORMANCE_CHECKS = Object.keys(SCHEMAS);

export function defaultConformanceExpectation(check: string): ExpectationSpec {
  const schema = SCHEMAS[check];
  if (!schema) throw new Error(`unknown conformance check ${check}`);
  return { schema: { type: 'object', ...schema }, schemas: [], source: `default expectation of conformance check ${check}` };
}

import type { ExpectationSpec } from './suite-model.ts';

/**
 * What the conformance checks need to know beyond the estate (a suite's `conformance:` block;
 * every field has a default, so an estate alone can be checked).
 */
export interface ConformanceSpec {
  /** The user MQ runs as (its uid and group mqm are compared across nodes). */
  mqUser: string;
  /** Queue-manager data and log directories; `{dir}` is MQ's directory name of the queue manager. */
  dataDirectory: string;
  logDirectory: string;
  /** The directory on the share that amqmfsck tests. */
  sharedDirectory: string;
  /** How long the first `amqmfsck -w` copy holds the lock while the second waits for it. */
  lockHoldMs: number;
  /** The health checks' DEFPSIST(YES) test queue. */
  healthQueue: string;
  /** How automatic start-up is detected, where an HA manager owns the queue managers; null: not checked. */
  autoStart: { systemdUnit?: string; initScript?: string } | null;
  /** Cluster hygiene, where the estate has clusters. */
  clusters: ClusterConformanceSpec[];
  /** Client applications' connection parameters. */
  applications: ApplicationConnectionSpec[];
  /** Expectations that replace checks' defaults (suites/conformance-expectations.ts), by check name. */
  expect: Record<string, ExpectationSpec>;
}

export interface ClusterConformanceSpec {
  name: string;
  /** Queue managers of the estate in the cluster (runmqsc on each one's active). */
  queueManagers: string[];
  /** SYSTEM.CLUSTER.TRANSMIT.QUEUE depth at rest. */
  transmitQueueBaseline: number;
  /** Cluster queues may not be DEFBIND(OPEN) (the application cannot tolerate bind-on-open affinity). */
  forbidBindOnOpen: boolean;
}

export interface ApplicationConnectionSpec {
  name: string;
  queueManager: string;
  /** MQCD ConnectionName / CONNAME list, `host(port),host(port)`. */
  connectionName: string;
  /** MQCNO reconnect option or mqclient.ini DefRecon: reconnect, qmgr, no, disabled, as-default. */
  reconnect: 'reconnect' | 'qmgr' | 'no' | 'disabled' | 'as-default';
}

export const DEFAULT_CONFORMANCE: ConformanceSpec = {
  mqUser: 'mqm',
  dataDirectory: '/var/mqm/qmgrs/{dir}',
  logDirectory: '/var/mqm/log/{dir}',
  sharedDirectory: '/var/mqm/qmgrs',
  lockHoldMs: 2000,
  healthQueue: 'MQCHAOS.HEALTH',
  autoStart: { systemdUnit: 'mq@{qm}.service' },
  clusters: [],
  applications: [],
  expect: {},
};

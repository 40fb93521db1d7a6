import type { CheckFacts, ConformanceLine } from '../../checkers/conformance-facts.ts';
import { judgeCheck } from '../../checkers/conformance-judgement.ts';
import type { PlannedCheck } from '../../checkers/conformance-plan.ts';
import { defaultConformanceExpectation } from '../../suites/conformance-expectations.ts';
import type { ConformanceSpec } from '../../suites/conformance-model.ts';
import type { EstateSpec } from '../../suites/suite-model.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { checkAmqmfsck } from './amqmfsck-check.ts';
import { checkAutoStart } from './auto-start-check.ts';
import type { CheckContext } from './check-context.ts';
import { checkClients } from './client-check.ts';
import { checkCluster } from './cluster-check.ts';
import { checkHealthQueue } from './health-queue-check.ts';
import { checkListener } from './listener-check.ts';
import { checkMqUser } from './mq-user-check.ts';
import { checkStandby } from './standby-check.ts';
import { checkStanza } from './stanza-check.ts';
import { checkStorage } from './storage-check.ts';
import { checkVersion } from './version-check.ts';

export interface ConformanceCheckRequest {
  planned: PlannedCheck;
  estate: EstateSpec;
  config: ConformanceSpec;
}

const READERS: Record<string, (context: CheckContext) => Promise<CheckFacts>> = {
  'mq-user': checkMqUser,
  'qm-storage': checkStorage,
  amqmfsck: checkAmqmfsck,
  'qm-stanza': checkStanza,
  standby: checkStandby,
  'mq-version': checkVersion,
  'auto-start': checkAutoStart,
  listener: checkListener,
  'health-queue': checkHealthQueue,
};

/** The conformance-check activity: reads one check's facts on every node (read-only commands) and judges them against the check's expectation. */
export async function runConformanceCheck(ssh: SshPool, request: ConformanceCheckRequest): Promise<ConformanceLine[]> {
  const { planned, estate, config } = request;
  let facts: CheckFacts;
  if (planned.check === 'client') facts = checkClients(estate, config.applications);
  else if (planned.check === 'cluster') {
    const cluster = config.clusters.find((c) => c.name === planned.cluster);
    if (!cluster) throw new Error(`cluster ${planned.cluster} is not declared`);
    facts = await checkCluster({ ssh, estate, config, queueManager: cluster.queueManagers[0]! }, cluster);
  } else {
    const read = READERS[planned.check];
    if (!read || planned.queueManager === null) throw new Error(`unknown conformance check ${planned.check}`);
    facts = await read({ ssh, estate, config, queueManager: planned.queueManager });
  }
  return judgeCheck(facts, config.expect[planned.check] ?? defaultConformanceExpectation(planned.check));
}

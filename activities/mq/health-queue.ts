import { assertValidName } from '../../suites/mq-names.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { OperationalError } from '../ssh/operational-error.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { MqscCommandError, runMqsc } from './run-mqsc.ts';

const RUNMQSC_TIMEOUT_MS = 30_000;
const HEALTH_QUEUE_DESCRIPTION = 'mqchaos health check';

/** A health-check test queue that exists but would not keep the test message across a failover. */
export class HealthQueueUnsuitableError extends OperationalError {
  readonly code = 'MQ_HEALTH_QUEUE_UNSUITABLE';
  readonly permanent = true;
  constructor(
    readonly queueManager: string,
    readonly queue: string,
    readonly defpsist: string,
  ) {
    super(
      `health-check queue ${queue} on ${queueManager} has DEFPSIST(${defpsist}); the PUT/GET check needs a local queue with DEFPSIST(YES) ` +
        `(ALTER QLOCAL(${queue}) DEFPSIST(YES), or name another queue)`,
    );
  }
}

export type HealthQueueState = 'present' | 'created' | 'missing';

/**
 * Makes sure the PUT/GET check's test queue is there, through runmqsc on the active
 * instance's host: `DISPLAY QLOCAL(q) DEFPSIST`; a queue with DEFPSIST(NO) is refused; a
 * missing one is defined only when `createQueue` allows it, with DEFPSIST(YES) and no
 * REPLACE (an existing definition is never changed). Names are quoted so MQSC keeps their case.
 */
export async function ensureHealthQueue(ssh: SshPool, host: HostSpec, queueManager: string, queue: string, createQueue: boolean): Promise<HealthQueueState> {
  assertValidName('mqObject', queue);
  const options = { timeoutMs: RUNMQSC_TIMEOUT_MS };
  const display = `DISPLAY QLOCAL('${queue}') DEFPSIST`;
  const shown = (await runMqsc(ssh, host, queueManager, [display], options)).output.responses[0]!;
  const found = shown.objects.find((object) => object.attributes.QUEUE === queue);
  if (found) {
    const defpsist = found.attributes.DEFPSIST ?? '(not shown)';
    if (defpsist !== 'YES') throw new HealthQueueUnsuitableError(queueManager, queue, defpsist);
    return 'present';
  }
  if (!shown.messages.some((message) => message.id.startsWith('AMQ8147'))) {
    throw new MqscCommandError(host.name, queueManager, [display], null, describe(shown.messages), 'neither the queue nor AMQ8147E (not found) in the answer');
  }
  if (!createQueue) return 'missing';
  const define = `DEFINE QLOCAL('${queue}') DEFPSIST(YES) DESCR('${HEALTH_QUEUE_DESCRIPTION}')`;
  const defined = (await runMqsc(ssh, host, queueManager, [define], options)).output.responses[0]!;
  if (!defined.messages.some((message) => message.id.startsWith('AMQ8006'))) {
    throw new MqscCommandError(host.name, queueManager, [define], null, describe(defined.messages), `the queue was not created: ${describe(defined.messages)}`);
  }
  return 'created';
}

function describe(messages: ReadonlyArray<{ id: string; text: string }>): string {
  return messages.map((message) => `${message.id}: ${message.text}`).join(' ') || 'no message';
}

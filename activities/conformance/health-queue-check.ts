import type { CheckFacts } from '../../checkers/conformance-facts.ts';
import { assertValidName } from '../../suites/mq-names.ts';
import { runMqsc } from '../mq/run-mqsc.ts';
import { findActiveHost } from './active-host.ts';
import { CHECK_COMMAND_TIMEOUT_MS, readNode, type CheckContext } from './check-context.ts';

/** The health checks' test queue defined on the queue manager with DEFPSIST(YES) (DISPLAY QLOCAL on the active). */
export async function checkHealthQueue(context: CheckContext): Promise<CheckFacts> {
  const { queueManager: qm, config } = context;
  const queue = config.healthQueue;
  assertValidName('mqObject', queue);
  let activeName = 'active';
  const node = await readNode('(active)', async () => {
    const active = await findActiveHost(context);
    activeName = active.name;
    const response = (await runMqsc(context.ssh, active, qm, [`DISPLAY QLOCAL('${queue}') DEFPSIST`], { timeoutMs: CHECK_COMMAND_TIMEOUT_MS })).output.responses[0]!;
    const found = response.objects.find((o) => o.attributes.QUEUE === queue);
    if (!found && !response.messages.some((m) => m.id.startsWith('AMQ8147'))) {
      throw new Error(`DISPLAY QLOCAL('${queue}'): ${response.messages.map((m) => `${m.id}: ${m.text}`).join(' ') || 'no answer'}`);
    }
    return {
      role: 'active',
      facts: { queueDefined: found !== undefined, defpsist: found?.attributes.DEFPSIST ?? null },
      words: { queueDefined: `test queue ${queue} is not defined on ${qm} (AMQ8147E)`, defpsist: `test queue ${queue} has DEFPSIST(${found?.attributes.DEFPSIST ?? '?'}); DEFPSIST(YES) is required` },
    };
  });
  node.node = activeName;
  return { check: 'health-queue', title: `health test queue ${queue} present with DEFPSIST(YES)`, queueManager: qm, nodes: [node] };
}

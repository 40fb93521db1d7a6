import type { CheckFacts } from '../../checkers/conformance-facts.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { parseDspmq } from '../mq/parse-dspmq.ts';
import { instanceHosts, lastLine, readNode, runReading, type CheckContext } from './check-context.ts';

/**
 * `dspmq -x -o standby -o status -m QM` on every node: standby permitted, and an instance
 * running here, active or standby (its own status line says which: Running / Running as standby).
 */
export async function checkStandby(context: CheckContext): Promise<CheckFacts> {
  const qm = context.queueManager;
  assertQueueManagerName(qm);
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async () => {
        const result = await runReading(context, host, ['dspmq', '-x', '-o', 'standby', '-o', 'status', '-m', qm]);
        const entry = result.exitCode === 0 ? parseDspmq(result.stdout).find((e) => e.name === qm) : undefined;
        if (!entry) throw new Error(`dspmq -m ${qm}: ${lastLine(result)}`);
        const status = entry.statusText ?? '';
        const mode = status === 'Running' ? 'Active' : status === 'Running as standby' ? 'Standby' : 'none';
        const elsewhere = entry.instances.map((i) => `${i.host} ${i.mode}`).join(', ') || 'no instance';
        return {
          role: mode === 'none' ? undefined : mode.toLowerCase(),
          facts: { standbyPermitted: entry.standby === undefined ? null : entry.standby === 'permitted', instanceMode: mode, status },
          words: {
            standbyPermitted: `${qm} does not permit a standby instance (STANDBY ${entry.standby ?? 'not shown'}; start it with strmqm -x)`,
            instanceMode: `no instance of ${qm} runs here (status ${status || 'not shown'}; dspmq -x lists ${elsewhere})`,
          },
        };
      }),
    ),
  );
  return { check: 'standby', title: 'standby permitted and an instance running on every node', queueManager: qm, nodes };
}

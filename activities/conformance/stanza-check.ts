import { addAgreement, type CheckFacts } from '../../checkers/conformance-facts.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { parseDspmqinfCommand } from '../mq/parse-dspmqinf.ts';
import { instanceHosts, lastLine, readNode, runReading, type CheckContext } from './check-context.ts';

/** `dspmqinf -o command QM` on every node: the QueueManager stanza present, Prefix and DataPath identical. */
export async function checkStanza(context: CheckContext): Promise<CheckFacts> {
  const qm = context.queueManager;
  assertQueueManagerName(qm);
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async () => {
        const result = await runReading(context, host, ['dspmqinf', '-o', 'command', qm]);
        const stanza = result.exitCode === 0 ? parseDspmqinfCommand(result.stdout) : null;
        if (result.exitCode === 0 && !stanza) throw new Error(`dspmqinf printed no addmqinf command: ${lastLine(result)}`);
        return {
          facts: { stanzaPresent: stanza !== null, prefix: stanza?.prefix ?? null, dataPath: stanza?.dataPath ?? null },
          words: { stanzaPresent: `mqs.ini has no QueueManager stanza for ${qm} (dspmqinf: ${lastLine(result)})` },
        };
      }),
    ),
  );
  addAgreement(nodes, 'prefix', `Prefix of ${qm}`);
  addAgreement(nodes, 'dataPath', `DataPath of ${qm}`);
  return { check: 'qm-stanza', title: 'QueueManager stanza present and identical (Prefix, DataPath) on every node', queueManager: qm, nodes };
}

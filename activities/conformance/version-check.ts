import { addAgreement, type CheckFacts } from '../../checkers/conformance-facts.ts';
import { parseDspmqver } from '../mq/parse-dspmqver.ts';
import { instanceHosts, lastLine, readNode, runReading, type CheckContext } from './check-context.ts';

/** `dspmqver` on every node: the same MQ version (V.R.M.F) everywhere. */
export async function checkVersion(context: CheckContext): Promise<CheckFacts> {
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async () => {
        const result = await runReading(context, host, ['dspmqver']);
        const version = result.exitCode === 0 ? parseDspmqver(result.stdout).Version : undefined;
        if (!version) throw new Error(`dspmqver: ${lastLine(result)}`);
        return { facts: { version }, words: {} };
      }),
    ),
  );
  addAgreement(nodes, 'version', 'MQ version');
  return { check: 'mq-version', title: 'the same MQ version on every node', queueManager: context.queueManager, nodes };
}

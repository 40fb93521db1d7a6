import { addAgreement, type CheckFacts } from '../../checkers/conformance-facts.ts';
import { parseId } from '../host/parse-id.ts';
import { instanceHosts, lastLine, readNode, runReading, type CheckContext } from './check-context.ts';

/** `id USER` on every node: the user's uid and the gid of group mqm identical everywhere, the user in group mqm. */
export async function checkMqUser(context: CheckContext): Promise<CheckFacts> {
  const user = context.config.mqUser;
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async () => {
        const result = await runReading(context, host, ['id', user]);
        const id = result.exitCode === 0 ? parseId(result.stdout) : null;
        if (!id) throw new Error(`id ${user}: ${lastLine(result)}`);
        const mqm = id.groups.find((g) => g.name === 'mqm') ?? (id.group === 'mqm' ? { gid: id.gid, name: 'mqm' } : undefined);
        return {
          facts: { uid: id.uid, mqmGid: mqm?.gid ?? null, userInGroupMqm: mqm !== undefined, groups: id.groups.map((g) => g.name) },
          words: { userInGroupMqm: `${user} is not in group mqm (groups: ${id.groups.map((g) => `${g.name}(${g.gid})`).join(', ')})` },
        };
      }),
    ),
  );
  addAgreement(nodes, 'uid', `uid of ${user}`);
  addAgreement(nodes, 'mqmGid', 'gid of group mqm');
  return { check: 'mq-user', title: `${user} user and mqm group identical on every node`, queueManager: context.queueManager, nodes };
}

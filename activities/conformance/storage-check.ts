import type { CheckFacts } from '../../checkers/conformance-facts.ts';
import { isHardMount, nfsVersionOf, parseFindmntMount, type MountLine } from '../host/parse-findmnt.ts';
import { isGroupWritable, parseStatLines, STAT_FORMAT } from '../host/parse-stat.ts';
import { fillPath, instanceHosts, lastLine, readNode, runReading, type CheckContext, type FactsAndWords } from './check-context.ts';

/**
 * QMDIR and QMLOGDIR on every node: `stat` (owned mqm:mqm, group-writable) and `findmnt -T`
 * (on an NFS mount, hard, NFS version 4).
 */
export async function checkStorage(context: CheckContext): Promise<CheckFacts> {
  const data = fillPath(context.config.dataDirectory, context.queueManager);
  const log = fillPath(context.config.logDirectory, context.queueManager);
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async (): Promise<FactsAndWords> => {
        const stat = await runReading(context, host, ['stat', '-L', '-c', STAT_FORMAT, data, log]);
        const lines = parseStatLines(stat.stdout);
        const mountOf = async (path: string): Promise<MountLine> => {
          const found = await runReading(context, host, ['findmnt', '-n', '-o', 'TARGET,SOURCE,FSTYPE,OPTIONS', '-T', path]);
          const mount = found.exitCode === 0 ? parseFindmntMount(found.stdout) : null;
          if (!mount) throw new Error(`findmnt -T ${path}: ${lastLine(found)}`);
          return mount;
        };
        const [dataMount, logMount] = [await mountOf(data), await mountOf(log)];
        const facts: FactsAndWords['facts'] = {};
        const words: FactsAndWords['words'] = {};
        for (const [prefix, path, mount] of [['data', data, dataMount], ['log', log, logMount]] as const) {
          const line = lines.find((l) => l.path === path);
          facts[`${prefix}Owner`] = line ? `${line.owner}:${line.group}` : null;
          facts[`${prefix}GroupWritable`] = line ? isGroupWritable(line.mode) : null;
          facts[`${prefix}OnNfs`] = mount.fstype.startsWith('nfs');
          if (line) {
            words[`${prefix}Owner`] = `${path} is owned by ${line.owner}:${line.group}, not mqm:mqm`;
            words[`${prefix}GroupWritable`] = `${path} has mode ${line.mode}, not group-writable`;
          } else words[`${prefix}Owner`] = `${path}: ${lastLine(stat)}`;
          words[`${prefix}OnNfs`] = `${path} is on ${mount.target} (${mount.source}, ${mount.fstype}), not on the shared NFS file system`;
        }
        const nfsMounts = [dataMount, logMount].filter((m) => m.fstype.startsWith('nfs'));
        const soft = nfsMounts.find((m) => isHardMount(m) === false);
        facts.hardMount = nfsMounts.length === 0 ? null : soft === undefined;
        if (soft) words.hardMount = `${soft.target} is mounted soft (${soft.source}); hard is required`;
        const versions = nfsMounts.map(nfsVersionOf);
        const old = nfsMounts.find((m) => !(nfsVersionOf(m) ?? '').startsWith('4'));
        facts.nfsVersion = nfsMounts.length === 0 ? null : old ? (nfsVersionOf(old) ?? 'unknown') : versions[0]!;
        if (old) words.nfsVersion = `${old.target} is mounted with NFS version ${nfsVersionOf(old) ?? 'unknown'}; multi-instance queue managers need NFSv4`;
        return { facts, words };
      }),
    ),
  );
  return { check: 'qm-storage', title: 'QMDIR and QMLOGDIR on the shared NFSv4 hard mount, mqm:mqm, group-writable', queueManager: context.queueManager, nodes };
}

import { lookupStanza } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { UNKNOWN_QM_EXIT_CODE, UNKNOWN_QM_TEXT, USAGE_EXIT_CODE } from './mq-message-text.ts';
import { parseOptions } from './parse-options.ts';

const USAGE = 'Usage: dspmqinf [-s QueueManager] [-o stanza | -o command] QMgrName';

/**
 * `dspmqinf [-o stanza|command] QMGR`: the mqs.ini QueueManager stanza (mq-reference.md §7),
 * as a stanza or as the `addmqinf` command that recreates it on another node.
 * [U] A queue manager without a stanza answers AMQ7048E with exit 72, as dspmq -m does.
 */
export const runDspmqinf: CommandHandler = (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: '', valued: 'os' });
  if (!parsed.ok || parsed.options.operands.length !== 1) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const form = parsed.options.values.get('o')?.at(-1) ?? 'stanza';
  const section = parsed.options.values.get('s')?.at(-1) ?? 'QueueManager';
  if ((form !== 'stanza' && form !== 'command') || section !== 'QueueManager') return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const stanza = lookupStanza(estate, host, parsed.options.operands[0]!);
  if (!stanza) return makeCommandResult([], UNKNOWN_QM_EXIT_CODE, [UNKNOWN_QM_TEXT]);
  const fields: Array<[string, string]> = [
    ['Name', stanza.name],
    ['Directory', stanza.directory],
    ['Prefix', stanza.prefix],
    ['DataPath', stanza.dataPath],
  ];
  if (form === 'command') return makeCommandResult([`addmqinf -s QueueManager ${fields.map(([k, v]) => `-v ${k}=${v}`).join(' ')}`]);
  return makeCommandResult(['QueueManager:', ...[...fields, ['InstallationName', stanza.installationName]].map(([k, v]) => `   ${k}=${v}`)]);
};

import { lookupAccount } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/** coreutils `id [USER]`: `uid=501(mqm) gid=501(mqm) groups=501(mqm)`; an unknown user is exit 1. */
export const runId: CommandHandler = (args, { estate, host, user }) => {
  if (args.length > 1) return makeCommandResult([], 1, [`id: extra operand '${args[1]}'`, "Try 'id --help' for more information."]);
  const option = args.find((arg) => arg.startsWith('-'));
  if (option) return makeCommandResult([], 1, [`id: the lab does not support ${option}`]);
  const name = args[0] ?? user;
  const account = lookupAccount(estate, host, name);
  if (!account) return makeCommandResult([], 1, [`id: '${name}': no such user`]);
  const groups = account.groups.map(([gid, group]) => `${gid}(${group})`).join(',');
  return makeCommandResult([`uid=${account.uid}(${account.name}) gid=${account.gid}(${account.group}) groups=${groups}`]);
};

import { unitFileState } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/** `systemctl is-enabled UNIT`: prints the unit file state; exit 0 when enabled, 1 otherwise or for an unknown unit. */
export const runSystemctl: CommandHandler = (args, { estate, host }) => {
  const [verb, unit, ...rest] = args;
  if (verb !== 'is-enabled' || unit === undefined || rest.length > 0) return makeCommandResult([], 1, ['systemctl: the lab supports is-enabled UNIT only']);
  const state = unitFileState(estate, host, unit);
  if (!state) return makeCommandResult([], 1, [`Failed to get unit file state for ${unit}: No such file or directory`]);
  return makeCommandResult([state], state === 'enabled' ? 0 : 1);
};

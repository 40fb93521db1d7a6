import { unitFileState } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler, type CommandResult } from './command-types.ts';

/**
 * `systemctl is-enabled UNIT`: prints the unit file state; exit 0 when enabled, 1 otherwise
 * or for an unknown unit. `systemctl stop UNIT.timer…` (root), for the transient timers
 * `systemd-run` made: stops each before it fires. [U] systemd 249: a unit that is not
 * loaded (fired and collected, or never there) exits 5 with `Failed to stop UNIT: Unit UNIT not loaded.`
 */
export const runSystemctl: CommandHandler = (args, context) => {
  const [verb, ...rest] = args.filter((arg) => arg !== '--quiet' && arg !== '-q');
  if (verb === 'is-enabled' && rest.length === 1) return isEnabled(rest[0]!, context);
  if (verb === 'stop' && rest.length > 0) return stop(rest, context);
  return makeCommandResult([], 1, ['systemctl: the lab supports is-enabled UNIT and stop UNIT.timer… only']);
};

function isEnabled(unit: string, { estate, host }: Parameters<CommandHandler>[1]): CommandResult {
  const state = unitFileState(estate, host, unit);
  if (!state) return makeCommandResult([], 1, [`Failed to get unit file state for ${unit}: No such file or directory`]);
  return makeCommandResult([state], state === 'enabled' ? 0 : 1);
}

function stop(units: string[], { host, user }: Parameters<CommandHandler>[1]): CommandResult {
  if (user !== 'root') return makeCommandResult([], 1, [`Failed to stop ${units[0]}: Access denied`]);
  const notLoaded = units.filter((unit) => !host.timers.stop(unit));
  if (notLoaded.length === 0) return makeCommandResult([]);
  return makeCommandResult([], 5, notLoaded.map((unit) => `Failed to stop ${unit}: Unit ${unit} not loaded.`));
}

import { installedVersion } from '../conformance/host-configuration.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/**
 * `dspmqver` on a Linux installation: one `Field: value` a line, values from column 13.
 * [U] Level and O/S details are representative; only the version comes from the topology.
 */
export const runDspmqver: CommandHandler = (args, { estate, host }) => {
  if (args.length > 0) return makeCommandResult([], 1, ['The lab supports dspmqver without options.']);
  const version = installedVersion(estate, host);
  const vrm = version.split('.').slice(0, 3).join('');
  const fields: Array<[string, string]> = [
    ['Name', 'IBM MQ'],
    ['Version', version],
    ['Level', `p${vrm}-L221014`],
    ['BuildType', 'IBM (Production)'],
    ['Platform', 'IBM MQ for Linux (x86-64 platform)'],
    ['Mode', '64-bit'],
    ['O/S', 'Linux 5.15.0-91-generic'],
    ['O/S Details', 'Ubuntu 22.04.3 LTS'],
    ['InstName', 'Installation1'],
    ['InstDesc', ''],
    ['Primary', 'Yes'],
    ['InstPath', '/opt/mqm'],
    ['DataPath', '/var/mqm'],
    ['MaxCmdLevel', vrm],
    ['LicenseType', 'Production'],
  ];
  return makeCommandResult(fields.map(([k, v]) => `${`${k}:`.padEnd(13)}${v}`.trimEnd()));
};

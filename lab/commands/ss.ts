import { listeningPorts } from '../conformance/listener-view.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/** iproute2 `ss -ltn` (also -tln, -lnt …): listening TCP sockets, numeric. [U] Column widths as on Ubuntu 22.04. */
export const runSs: CommandHandler = (args, { estate, host }) => {
  const letters = args.map((arg) => arg.replace(/^-/, '')).join('');
  if (args.some((arg) => !arg.startsWith('-')) || [...'ltn'].some((l) => !letters.includes(l)) || [...letters].some((l) => !'ltnH'.includes(l))) {
    return makeCommandResult([], 1, ['ss: the lab supports ss -ltn [-H] only']);
  }
  const rows = listeningPorts(estate, host).map((port) => `LISTEN 0      ${port === 22 ? '128 ' : '100 '}  ${`0.0.0.0:${port}`.padStart(19)} ${'0.0.0.0:*'.padStart(18)}`);
  const header = 'State  Recv-Q Send-Q       Local Address:Port      Peer Address:Port Process';
  return makeCommandResult(letters.includes('H') ? rows : [header, ...rows]);
};

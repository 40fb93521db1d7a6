import type { NetworkInterface } from '../host-network.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';

/**
 * iproute2's `ip link`: `ip [-o] link [show [dev] IF]` lists interfaces as iproute2 prints
 * them (one line each with -o, the link/ line joined by a backslash); `ip link set [dev] IF
 * up|down` needs root. Taking eth0 down cuts every path of the host except loopback (in the
 * lab SSH is on loopback, as on a separate management network).
 */
export const runIp: CommandHandler = (args, { host, user }) => {
  let rest = [...args];
  let oneline = false;
  while (rest[0]?.startsWith('-')) {
    const option = rest.shift()!;
    if (option === '-o' || option === '-oneline') oneline = true;
    else return makeCommandResult([], 255, [`Option "${option}" is unknown, try "ip -help".`]);
  }
  const object = rest.shift();
  if (object !== 'link' && object !== 'l') {
    return makeCommandResult([], 255, [`Object "${object ?? ''}" is unknown, try "ip help".`]);
  }
  const verb = rest.shift() ?? 'show';
  if (rest[0] === 'dev') rest.shift();
  const device = rest.shift();
  if (verb === 'show' || verb === 'list') {
    const links = device === undefined ? host.network.interfaces : host.network.interfaces.filter((i) => i.name === device);
    if (links.length === 0) return makeCommandResult([], 1, [`Device "${device}" does not exist.`]);
    return makeCommandResult(links.flatMap((link) => formatLink(link, oneline)));
  }
  if (verb !== 'set' || device === undefined || (rest[0] !== 'up' && rest[0] !== 'down') || rest.length !== 1) {
    return makeCommandResult([], 255, ['Usage: ip link set { DEVICE | dev DEVICE } { up | down }']);
  }
  if (!host.network.interfaceNamed(device)) return makeCommandResult([], 1, [`Cannot find device "${device}"`]);
  if (user !== 'root') return makeCommandResult([], 2, ['RTNETLINK answers: Operation not permitted']);
  host.network.setLinkUp(device, rest[0] === 'up');
  return makeCommandResult([]);
};

function formatLink(link: NetworkInterface, oneline: boolean): string[] {
  const flags = link.loopback ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  if (link.up) flags.push('UP', 'LOWER_UP');
  const state = link.loopback ? 'UNKNOWN' : link.up ? 'UP' : 'DOWN';
  const first = `${link.index}: ${link.name}: <${flags.join(',')}> mtu ${link.loopback ? 65536 : 1500} qdisc ${link.loopback ? 'noqueue' : 'fq_codel'} state ${state} mode DEFAULT group default qlen 1000`;
  const second = `    link/${link.loopback ? 'loopback' : 'ether'} ${link.mac} brd ${link.loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`;
  return oneline ? [`${first}\\${second}`] : [first, second];
}

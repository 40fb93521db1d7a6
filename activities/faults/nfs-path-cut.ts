import type { HostSpec } from '../../suites/suite-model.ts';
import { parseNfsServers } from '../host/parse-findmnt.ts';
import { parseIptablesRules, toHostCidr, type IptablesRule } from '../host/parse-iptables.ts';
import type { FaultContext } from './fault-module.ts';

/**
 * The network side of drop-nfs: the iptables rules (or the link) that cut a host from its
 * NFS servers, each tagged `mqchaos:<run-id>` so that a restore — or the restore-all sweep
 * after a lost worker — removes exactly mqchaos's rules and nobody else's.
 */
export const RULE_TAG_PREFIX = 'mqchaos:';
const COMMAND_TIMEOUT_MS = 15_000;
const NFS_PORT = '2049';

export function ruleTag(runId: string): string {
  // A comment iptables prints bare or quoted alike; run ids are [A-Za-z0-9._-], anything else is replaced.
  return `${RULE_TAG_PREFIX}${runId.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 255);
}

/** The `-d … -j DROP` part of one rule: what `-I OUTPUT` inserts and `-D OUTPUT` deletes. */
export function dropRuleSpec(server: string, tag: string): string[] {
  return ['-d', server, '-p', 'tcp', '--dport', NFS_PORT, '-m', 'comment', '--comment', tag, '-j', 'DROP'];
}

export function asRoot(sudo: boolean, argv: string[]): string[] {
  return sudo ? ['sudo', '-n', ...argv] : argv;
}

/** Every NFSv4 server the host mounts, from its mount table (never blocks on a cut path). */
export async function discoverNfsServers(ctx: FaultContext, host: HostSpec): Promise<string[]> {
  const result = await ctx.ssh.runChecked(host, ['findmnt', '-n', '-t', 'nfs4', '-o', 'SOURCE'], {
    timeoutMs: COMMAND_TIMEOUT_MS,
    acceptedExitCodes: [0, 1],
  });
  const servers = parseNfsServers(result.stdout);
  if (servers.length === 0) throw new Error(`no NFSv4 mounts on ${host.name} (findmnt -t nfs4): nothing to cut`);
  return servers;
}

export async function listOutputRules(ctx: FaultContext, host: HostSpec, sudo: boolean): Promise<IptablesRule[]> {
  const result = await ctx.ssh.runChecked(host, asRoot(sudo, ['iptables', '-w', '-S', 'OUTPUT']), { timeoutMs: COMMAND_TIMEOUT_MS });
  return parseIptablesRules(result.stdout);
}

/** The rules of `listed` that are the drop of `server` tagged `tag`. */
export function findDropRules(listed: readonly IptablesRule[], server: string, tag: string): IptablesRule[] {
  return listed.filter((rule) => rule.comment === tag && rule.destination === toHostCidr(server) && rule.spec.includes('DROP'));
}

/** Deletes each rule with the spec iptables printed, then checks that none of them is listed any more. */
export async function deleteRules(ctx: FaultContext, host: HostSpec, sudo: boolean, rules: readonly IptablesRule[]): Promise<string[]> {
  const actions: string[] = [];
  for (const rule of rules) {
    // Exit 1 "Bad rule" means someone removed it meanwhile: the goal is reached either way.
    await ctx.ssh.runChecked(host, asRoot(sudo, ['iptables', '-w', '-D', rule.chain, ...rule.spec]), {
      timeoutMs: COMMAND_TIMEOUT_MS,
      acceptedExitCodes: [0, 1],
    });
    actions.push(`iptables -D ${rule.line.slice(3)} on ${host.name}`);
  }
  const left = (await listOutputRules(ctx, host, sudo)).filter((listed) => rules.some((rule) => rule.line === listed.line));
  if (left.length > 0) throw new Error(`${host.name} still has ${left.map((r) => r.line).join('; ')} after iptables -D`);
  return actions;
}

export async function isLinkUp(ctx: FaultContext, host: HostSpec, linkName: string): Promise<boolean> {
  const result = await ctx.ssh.runChecked(host, ['ip', '-o', 'link', 'show', linkName], { timeoutMs: COMMAND_TIMEOUT_MS });
  const flags = /<([^>]*)>/.exec(result.stdout)?.[1]?.split(',') ?? [];
  return flags.includes('UP');
}

export async function setLink(ctx: FaultContext, host: HostSpec, sudo: boolean, linkName: string, up: boolean): Promise<number> {
  const result = await ctx.ssh.runChecked(host, asRoot(sudo, ['ip', 'link', 'set', linkName, up ? 'up' : 'down']), {
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  return result.endedAt;
}

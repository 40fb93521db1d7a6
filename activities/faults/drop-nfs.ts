import type { HostSpec } from '../../suites/suite-model.ts';
import { isLockLossEntry, parseErrorLog } from '../mq/parse-error-log.ts';
import { recordEvent } from '../../records/event-log.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import type { FaultContext, FaultModule } from './fault-module.ts';
import {
  asRoot,
  deleteRules,
  discoverNfsServers,
  dropRuleSpec,
  findDropRules,
  isLinkUp,
  listOutputRules,
  RULE_TAG_PREFIX,
  ruleTag,
  setLink,
} from './nfs-path-cut.ts';
import { hostNamed, restartStoppedInstances } from './restart-instances.ts';

type DropNfsSpec = {
  kind: 'drop-nfs';
  method: 'iptables' | 'ip-link';
  interface: string;
  nfsServers?: string[];
  durationSeconds?: number;
  sudo: boolean;
};

export interface DropNfsTarget {
  [key: string]: unknown;
  host: string;
  method: 'iptables' | 'ip-link';
  sudo: boolean;
  /** iptables: the NFS servers dropped, each by one rule tagged `tag`. */
  servers: string[];
  tag: string;
  /** ip-link: the interface taken down. */
  interface: string;
  /** Epoch ms when the cut was confirmed. */
  cutAt: number;
}

const COMMAND_TIMEOUT_MS = 15_000;
const ERROR_LOG_LINES = '400';

/** MQ's directory for a queue manager's data: `.` becomes `!`, `/` becomes `&`. */
function errorLogFile(queueManager: string): string {
  return `/var/mqm/qmgrs/${queueManager.replaceAll('.', '!').replaceAll('/', '&')}/errors/AMQERR01.LOG`;
}

/**
 * Drop the active host's NFS traffic (the lease cannot be renewed; at expiry the server
 * releases the lock, the active's lock monitor ends it and the standby takes over).
 * Verified by the rule in `iptables -S` (or the link DOWN in `ip -o link`). The restore
 * deletes exactly the rules it inserted (or brings the link up) and checks they are gone,
 * reads the lock-loss entries the old active could write to AMQERR01.LOG only once the
 * path was back, and restarts the old instance as the standby.
 */
export const dropNfs: FaultModule<DropNfsSpec, DropNfsTarget> = {
  kind: 'drop-nfs',

  plan: (spec) => ({
    expectsFailover: true,
    restoreAfterMs: spec.durationSeconds === undefined ? null : Math.round(spec.durationSeconds * 1000),
  }),

  async inject(ctx, spec, activeHost) {
    const tag = ruleTag(ctx.runId);
    const target: DropNfsTarget = { host: activeHost.name, method: spec.method, sudo: spec.sudo, servers: [], tag, interface: spec.interface, cutAt: 0 };
    if (spec.method === 'ip-link') {
      target.cutAt = await setLink(ctx, activeHost, spec.sudo, spec.interface, false);
    } else {
      target.servers = spec.nfsServers ?? (await discoverNfsServers(ctx, activeHost));
      for (const server of target.servers) {
        const result = await ctx.ssh.runChecked(activeHost, asRoot(spec.sudo, ['iptables', '-w', '-I', 'OUTPUT', ...dropRuleSpec(server, tag)]), {
          timeoutMs: COMMAND_TIMEOUT_MS,
        });
        target.cutAt = result.endedAt;
      }
    }
    await recordEvent(ctx.scenarioDir, {
      at: new Date(target.cutAt).toISOString(),
      kind: 'fault-injected',
      host: activeHost.name,
      summary: dropNfs.describe(target),
      detail: { ...target },
    });
    return { injectedAt: target.cutAt, target };
  },

  async verify(ctx, target) {
    const host = hostNamed(ctx, target.host);
    let evidence: string;
    if (target.method === 'ip-link') {
      if (await isLinkUp(ctx, host, target.interface)) throw new Error(`${target.interface} on ${target.host} is still UP after ip link set down`);
      evidence = `ip -o link on ${target.host} shows ${target.interface} DOWN`;
    } else {
      const listed = await listOutputRules(ctx, host, target.sudo);
      const found = target.servers.map((server) => findDropRules(listed, server, target.tag)[0]);
      const missing = target.servers.filter((_, index) => found[index] === undefined);
      if (missing.length > 0) throw new Error(`iptables -S on ${target.host} does not list the drop of ${missing.join(', ')}`);
      evidence = `iptables -S on ${target.host} lists ${found.map((rule) => rule!.line).join('; ')}`;
    }
    await recordEvent(ctx.scenarioDir, { kind: 'fault-verified', host: target.host, summary: evidence });
    return evidence;
  },

  async restore(ctx, target, spec) {
    const actions: string[] = [];
    if (target) {
      const host = hostNamed(ctx, target.host);
      actions.push(...(await healHost(ctx, host, target.method === 'ip-link' ? target.interface : null, target.sudo, (rule) => rule.comment === target.tag)));
      await reportLockLoss(ctx, host, target.cutAt);
      actions.push(...(await restartStoppedInstances(ctx, [host])));
    } else {
      // The sweep: whatever a lost worker may have left, on every instance host — only mqchaos-tagged rules.
      const sudo = spec?.sudo ?? true;
      for (const host of ctx.hosts) {
        actions.push(...(await healHost(ctx, host, spec?.method === 'ip-link' ? spec.interface : null, sudo, (rule) => rule.comment?.startsWith(RULE_TAG_PREFIX) ?? false)));
      }
      actions.push(...(await restartStoppedInstances(ctx, ctx.hosts)));
    }
    const what = target ? `restored ${dropNfs.describe(target)}` : 'restore-all sweep';
    await recordEvent(ctx.scenarioDir, { kind: 'fault-restored', host: target?.host, summary: `${what}: ${actions.join('; ') || 'nothing to undo'}` });
    return actions;
  },

  describe(target) {
    if (target.method === 'ip-link') return `ip link set ${target.interface} down on ${target.host}`;
    return `iptables -I OUTPUT -d ${target.servers.join(',')} -p tcp --dport 2049 -j DROP (${target.tag}) on ${target.host}`;
  },
};

async function healHost(
  ctx: FaultContext,
  host: HostSpec,
  linkName: string | null,
  sudo: boolean,
  isOurs: (rule: { comment?: string }) => boolean,
): Promise<string[]> {
  const actions: string[] = [];
  if (linkName !== null && !(await isLinkUp(ctx, host, linkName))) {
    await setLink(ctx, host, sudo, linkName, true);
    if (!(await isLinkUp(ctx, host, linkName))) throw new Error(`${linkName} on ${host.name} is still DOWN after ip link set up`);
    actions.push(`ip link set ${linkName} up on ${host.name}`);
  }
  const ours = (await listOutputRules(ctx, host, sudo)).filter(isOurs);
  actions.push(...(await deleteRules(ctx, host, sudo, ours)));
  return actions;
}

/**
 * The old active wrote its lock-loss entries while cut off; with the path back they are on
 * the share. Each one since the cut becomes a timeline observation at its own Time(...).
 */
async function reportLockLoss(ctx: FaultContext, host: HostSpec, sinceMs: number): Promise<void> {
  assertQueueManagerName(ctx.queueManager);
  const file = errorLogFile(ctx.queueManager);
  const result = await ctx.ssh.run(host, ['tail', '-n', ERROR_LOG_LINES, file], { timeoutMs: COMMAND_TIMEOUT_MS }).catch((err: Error) => err);
  if (result instanceof Error || result.exitCode !== 0) {
    const why = result instanceof Error ? result.message : result.stderr.trim();
    await recordEvent(ctx.scenarioDir, { kind: 'observation', host: host.name, summary: `${file} on ${host.name} could not be read: ${why}` });
    return;
  }
  const entries = parseErrorLog(result.stdout).filter((e) => isLockLossEntry(e) && e.at !== null && Date.parse(e.at) >= sinceMs - 1000);
  if (entries.length === 0) {
    await recordEvent(ctx.scenarioDir, { kind: 'observation', host: host.name, summary: `${host.name} reported no lock loss in AMQERR01.LOG since the fault` });
  }
  for (const entry of entries) {
    await recordEvent(ctx.scenarioDir, {
      at: entry.at!,
      kind: 'observation',
      host: host.name,
      summary: `${host.name} AMQERR01.LOG: ${entry.messageId}: ${entry.message}`,
      detail: { source: file, messageId: entry.messageId, lockLoss: true },
    });
  }
}

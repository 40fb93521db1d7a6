import type { HostSpec } from '../../suites/suite-model.ts';
import { isLockLossEntry, parseErrorLog } from '../mq/parse-error-log.ts';
import { basename } from 'node:path';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { multiInstance } from './families/multi-instance.ts';
import { cancelTimedHeals, installTimedHeal, timedHealUnit } from './host-timed-heal.ts';
import type { FaultContext } from './fault-module.ts';
import { asRoot, deleteRules, discoverNfsServers, dropRuleSpec, findDropRules, isLinkUp, listOutputRules, ruleTag, setLink } from './nfs-path-cut.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const COMMAND_TIMEOUT_MS = 15_000;
const ERROR_LOG_LINES = '400';

/** MQ's directory for a queue manager's data: `.` becomes `!`, `/` becomes `&`. */
function errorLogFile(queueManager: string): string {
  return `/var/mqm/qmgrs/${queueManager.replaceAll('.', '!').replaceAll('/', '&')}/errors/AMQERR01.LOG`;
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'drop-nfs fault',
  description: 'Cut the active instance\'s host off from its NFS server: its lease cannot be renewed, so when the lease expires the server releases the queue manager\'s lock, the active instance\'s lock monitor notices and ends, and the standby takes over. The restore removes exactly what was added (and checks it is gone), then restarts the old instance as a standby.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Drop the active host\'s NFS traffic.', const: 'drop-nfs' },
    method: {
      description: 'iptables: insert `-I OUTPUT -d <server> -p tcp --dport 2049 -m comment --comment mqchaos:<run> -j DROP` (tagged so the restore-all sweep removes only mqchaos\'s rules). ip-link: `ip link set <interface> down` — this cuts every path through the interface, so SSH must reach the host another way.',
      type: 'string',
      enum: ['iptables', 'ip-link'],
      default: 'iptables',
    },
    interface: {
      description: 'For method ip-link: the interface that carries NFS traffic.',
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,15}$',
      default: 'eth0',
    },
    nfsServers: {
      description: 'IPv4 addresses (or networks) of the NFS servers to drop. Absent: every NFSv4 server the host mounts, read with `findmnt -n -t nfs4 -o SOURCE`.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$' },
    },
    durationSeconds: {
      description: 'Restore the path after this many seconds. Absent: keep it cut until the observation ends (the failover seen plus settleSeconds, or the window over).',
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 3600,
    },
    sudo: {
      description: 'Run iptables and ip as root through `sudo -n` (the SSH user is usually mqm).',
      type: 'boolean',
      default: true,
    },
    hostHealsAfterSeconds: {
      description: 'The dead-man restore: with the fault, a timer on the host (`systemd-run --on-active`) that undoes exactly this fault by itself after this many seconds, should mqchaos be gone by then; mqchaos\'s own restore stops it. Absent: the observation window plus settleSeconds plus 120 s (and at least durationSeconds plus 60 s). A host without systemd gets no timer; the timeline says so.',
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 86400,
    },
  },
  examples: [
    { kind: 'drop-nfs' },
    { kind: 'drop-nfs', durationSeconds: 20 },
    { kind: 'drop-nfs', method: 'ip-link', interface: 'eth1' },
  ],
} as const satisfies FaultSchema;

/** What the injection remembers, so that the restore undoes exactly that. */
const targetSchema = {
  type: 'object',
  required: ['host', 'method', 'sudo', 'servers', 'tag', 'interface', 'cutAt', 'healUnits'],
  additionalProperties: false,
  properties: {
    host: { type: 'string' },
    method: { type: 'string', enum: ['iptables', 'ip-link'] },
    sudo: { type: 'boolean' },
    /** iptables: the NFS servers dropped, each by one rule tagged `tag`. */
    servers: { type: 'array', items: { type: 'string' } },
    tag: { type: 'string' },
    /** ip-link: the interface taken down. */
    interface: { type: 'string' },
    /** Epoch ms when the cut was confirmed. */
    cutAt: { type: 'number' },
    /** The host's own timed heals (systemd timer units) installed with the fault. */
    healUnits: { type: 'array', items: { type: 'string' } },
  },
} as const satisfies JSONSchema;

/**
 * Drop the active host's NFS traffic (the lease cannot be renewed; at expiry the server
 * releases the lock, the active's lock monitor ends it and the standby takes over).
 * Verified by the rule in `iptables -S` (or the link DOWN in `ip -o link`). The restore
 * deletes exactly the rules it inserted (or brings the link up) and checks they are gone,
 * reads the lock-loss entries the old active could write to AMQERR01.LOG only once the
 * path was back, and restarts the old instance as the standby. The sweep deletes the
 * rules tagged with this run's id on every instance host, never another run's. With the
 * cut, a timer on the host is set to undo it by itself at a deadline (the dead-man
 * restore, host-timed-heal.ts); the restore and the sweep stop it.
 */
export const dropNfs = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: multiInstance,

  plan: (spec) => ({
    expectsFailover: true,
    restoreAfterMs: spec.durationSeconds === undefined ? null : Math.round(spec.durationSeconds * 1000),
  }),

  async inject(ctx, spec, activeHost) {
    const tag = ruleTag(ctx.runId);
    const target = { host: activeHost.name, method: spec.method, sudo: spec.sudo, servers: [] as string[], tag, interface: spec.interface, cutAt: 0, healUnits: [] as string[] };
    // Each heal is installed before the cut it undoes: a harness lost in between leaves a heal with nothing to do, never a cut without a heal.
    const healAfterMs =
      spec.hostHealsAfterSeconds !== undefined ? spec.hostHealsAfterSeconds * 1000 : Math.max(ctx.hostHealAfterMs, (spec.durationSeconds ?? 0) * 1000 + 60_000);
    const notHealed: string[] = [];
    const installHeal = async (heal: string[]) => {
      const unit = timedHealUnit(ctx.runId, basename(ctx.scenarioDir), target.healUnits.length + 1);
      const installed = await installTimedHeal(ctx, activeHost, spec.sudo, unit, healAfterMs, heal);
      if (installed.installed) target.healUnits.push(unit);
      else notHealed.push(installed.why);
    };
    if (spec.method === 'ip-link') {
      await installHeal(['ip', 'link', 'set', spec.interface, 'up']);
      target.cutAt = await setLink(ctx, activeHost, spec.sudo, spec.interface, false);
    } else {
      target.servers = spec.nfsServers ?? (await discoverNfsServers(ctx, activeHost));
      for (const server of target.servers) {
        await installHeal(['iptables', '-w', '-D', 'OUTPUT', ...dropRuleSpec(server, tag)]);
        const result = await ctx.ssh.runChecked(activeHost, asRoot(spec.sudo, ['iptables', '-w', '-I', 'OUTPUT', ...dropRuleSpec(server, tag)]), {
          timeoutMs: COMMAND_TIMEOUT_MS,
        });
        target.cutAt = result.endedAt;
      }
    }
    const reply =
      notHealed.length > 0
        ? `no timed heal on the host: ${notHealed[0]}`
        : `${activeHost.name} undoes it by itself ${Math.round(healAfterMs / 1000)} s after the cut unless mqchaos restores it first (${target.healUnits.map((u) => `${u}.timer`).join(', ')})`;
    return { injectedAt: target.cutAt, target, reply };
  },

  async verify(ctx, target) {
    const host = hostNamed(ctx, target.host);
    if (target.method === 'ip-link') {
      if (await isLinkUp(ctx, host, target.interface)) throw new Error(`${target.interface} on ${target.host} is still UP after ip link set down`);
      return `ip -o link on ${target.host} shows ${target.interface} DOWN`;
    }
    const listed = await listOutputRules(ctx, host, target.sudo);
    const found = target.servers.map((server) => findDropRules(listed, server, target.tag)[0]);
    const missing = target.servers.filter((_, index) => found[index] === undefined);
    if (missing.length > 0) throw new Error(`iptables -S on ${target.host} does not list the drop of ${missing.join(', ')}`);
    return `iptables -S on ${target.host} lists ${found.map((rule) => rule!.line).join('; ')}`;
  },

  async undo(ctx, target) {
    const host = hostNamed(ctx, target.host);
    const actions = await cancelTimedHeals(ctx, host, target.sudo, target.healUnits);
    actions.push(...(await healHost(ctx, host, target.method === 'ip-link' ? target.interface : null, target.sudo, target.tag)));
    await reportLockLoss(ctx, host, target.cutAt);
    actions.push(...(await startStoppedInstances(ctx, [host])));
    return actions;
  },

  async sweep(ctx, spec) {
    const actions: string[] = [];
    for (const host of ctx.hosts) {
      const healed = await healHost(ctx, host, spec.method === 'ip-link' ? spec.interface : null, spec.sudo, ruleTag(ctx.runId));
      // One timed heal was installed per rule (or per link) of this scenario on this host: stop as many.
      const units = healed.map((_, index) => timedHealUnit(ctx.runId, basename(ctx.scenarioDir), index + 1));
      actions.push(...(await cancelTimedHeals(ctx, host, spec.sudo, units)), ...healed);
    }
    actions.push(...(await startStoppedInstances(ctx, ctx.hosts)));
    return actions;
  },

  describe(target) {
    if (target.method === 'ip-link') return `ip link set ${target.interface} down on ${target.host}`;
    return `iptables -I OUTPUT -d ${target.servers.join(',')} -p tcp --dport 2049 -j DROP (${target.tag}) on ${target.host}`;
  },
});

/** Brings the link up if it is down, and deletes this run's rules (tagged `tag`) from OUTPUT. */
async function healHost(ctx: FaultContext, host: HostSpec, linkName: string | null, sudo: boolean, tag: string): Promise<string[]> {
  const actions: string[] = [];
  if (linkName !== null && !(await isLinkUp(ctx, host, linkName))) {
    await setLink(ctx, host, sudo, linkName, true);
    if (!(await isLinkUp(ctx, host, linkName))) throw new Error(`${linkName} on ${host.name} is still DOWN after ip link set up`);
    actions.push(`ip link set ${linkName} up on ${host.name}`);
  }
  const ours = (await listOutputRules(ctx, host, sudo)).filter((rule) => rule.comment === tag);
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
    await ctx.record({ kind: 'observation', host: host.name, summary: `${file} on ${host.name} could not be read: ${why}` });
    return;
  }
  const entries = parseErrorLog(result.stdout).filter((e) => isLockLossEntry(e) && e.at !== null && Date.parse(e.at) >= sinceMs - 1000);
  if (entries.length === 0) {
    await ctx.record({ kind: 'observation', host: host.name, summary: `${host.name} reported no lock loss in AMQERR01.LOG since the fault` });
  }
  for (const entry of entries) {
    await ctx.record({
      at: entry.at!,
      kind: 'observation',
      host: host.name,
      summary: `${host.name} AMQERR01.LOG: ${entry.messageId}: ${entry.message}`,
      detail: { source: file, messageId: entry.messageId, lockLoss: true },
    });
  }
}

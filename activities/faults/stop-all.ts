import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus, showsNoLocalInstance } from './await-instance-status.ts';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { multiInstance } from './families/multi-instance.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';
import { findStandbyHosts } from './stop-standby.ts';

const ENDMQM_TIMEOUT_MS = 120_000;

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'stop-all fault',
  description: 'Stop the queue manager everywhere: the standby first (`endmqm -x`), so nothing takes over, then the active (`endmqm -i`). No failover is expected, and reconnectable clients do not reconnect unless reconnectClients is set (`endmqm -r`). The restore starts the old active with `strmqm -x` and then the standby.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Stop every instance.', const: 'stop-all' },
    mode: {
      description: 'How the active ends: immediate (`endmqm -i`) or wait (`endmqm -w`, controlled).',
      type: 'string',
      enum: ['immediate', 'wait'],
      default: 'immediate',
    },
    reconnectClients: {
      description: 'Add `-r`: reconnectable clients try to reconnect (IBM: without -r or -s they do not).',
      type: 'boolean',
      default: false,
    },
  },
  examples: [{ kind: 'stop-all' }, { kind: 'stop-all', reconnectClients: true }],
} as const satisfies FaultSchema;

/** What the injection remembers, so that the restore undoes exactly that. */
const targetSchema = {
  type: 'object',
  required: ['host', 'standbyHosts', 'command'],
  additionalProperties: false,
  properties: {
    /** The host whose instance was active. */
    host: { type: 'string' },
    standbyHosts: { type: 'array', items: { type: 'string' } },
    command: { type: 'string' },
  },
} as const satisfies JSONSchema;

/**
 * Stop the queue manager everywhere: each standby first (`endmqm -x`), so no instance can
 * take over, then the active (`endmqm -i`, or `-w`; `-r` only if reconnectClients — IBM:
 * without -r or -s reconnectable clients do not reconnect). No failover is expected. The
 * fault time is when the active's endmqm was sent. The restore starts the old active with
 * `strmqm -x` (it becomes active again after log replay), then the standbys.
 */
export const stopAll = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: multiInstance,

  plan: () => ({ expectsFailover: false, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const standbys = await findStandbyHosts(ctx, activeHost);
    for (const standby of standbys) {
      await ctx.ssh.runChecked(standby, ['endmqm', '-x', ctx.queueManager], { timeoutMs: ENDMQM_TIMEOUT_MS });
    }
    const flags = `${spec.mode === 'wait' ? '-w' : '-i'}${spec.reconnectClients ? 'r' : ''}`;
    const argv = ['endmqm', flags, ctx.queueManager];
    const result = await ctx.ssh.runChecked(activeHost, argv, { timeoutMs: ENDMQM_TIMEOUT_MS });
    return {
      injectedAt: result.startedAt,
      target: { host: activeHost.name, standbyHosts: standbys.map((h) => h.name), command: argv.join(' ') },
    };
  },

  async verify(ctx, target) {
    const statuses: string[] = [];
    for (const name of [target.host, ...target.standbyHosts]) {
      statuses.push(`${name}: ${await awaitInstanceStatus(ctx, hostNamed(ctx, name), showsNoLocalInstance, 'end')}`);
    }
    return `no instance of ${ctx.queueManager} is running (${statuses.join(', ')})`;
  },

  undo: (ctx, target) => startStoppedInstances(ctx, [target.host, ...target.standbyHosts].map((name) => hostNamed(ctx, name))),
  sweep: (ctx) => startStoppedInstances(ctx, ctx.hosts),

  describe(target) {
    const standbys = target.standbyHosts.map((h) => `endmqm -x on ${h}, then `).join('');
    return `${standbys}${target.command} on ${target.host}`;
  },
});

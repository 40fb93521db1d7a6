import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus } from './await-instance-status.ts';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { multiInstance } from './families/multi-instance.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const MODE_FLAG = { immediate: '-i', wait: '-w', controlled: '-c' } as const;
const ENDMQM_TIMEOUT_MS = 120_000;

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'switchover fault',
  description: 'Planned switchover: `endmqm -s` on the active instance ends it and releases the lock so the standby takes over. The restore starts the old instance again with `strmqm -x`, so it rejoins as the standby.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Switch the queue manager over to its standby.', const: 'switchover' },
    mode: {
      description: 'How the active ends: immediate (`endmqm -is`, waits for in-flight MQI calls, returns when ended), wait (`endmqm -ws`, controlled, returns when ended) or controlled (`endmqm -cs`, returns at once while applications disconnect).',
      type: 'string',
      enum: ['immediate', 'wait', 'controlled'],
      default: 'immediate',
    },
  },
  examples: [{ kind: 'switchover' }, { kind: 'switchover', mode: 'wait' }],
} as const satisfies FaultSchema;

/** What the injection remembers, so that the restore undoes exactly that. */
const targetSchema = {
  type: 'object',
  required: ['host', 'command'],
  additionalProperties: false,
  properties: { host: { type: 'string' }, command: { type: 'string' } },
} as const satisfies JSONSchema;

/**
 * Planned switchover: `endmqm -<mode>s QM` on the active host. The fault time is when the
 * command was sent — endmqm -i and -w only return once the instance has ended. The restore
 * starts the old instance with `strmqm -x`, so it rejoins as the standby.
 */
export const switchover = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: multiInstance,

  plan: () => ({ expectsFailover: true, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const argv = ['endmqm', `${MODE_FLAG[spec.mode]}s`, ctx.queueManager];
    const result = await ctx.ssh.runChecked(activeHost, argv, { timeoutMs: ENDMQM_TIMEOUT_MS });
    // endmqm's last line, e.g. "... ended, permitting switchover to a standby instance."
    const reply = result.stdout.trim().split('\n').join(' ');
    return { injectedAt: result.startedAt, target: { host: activeHost.name, command: argv.join(' ') }, reply };
  },

  async verify(ctx, target) {
    const status = await awaitInstanceStatus(ctx, hostNamed(ctx, target.host), (s) => s !== 'running', 'stop reporting Running');
    return `after ${target.command}, ${target.host} reports ${status}`;
  },

  undo: (ctx, target) => startStoppedInstances(ctx, [hostNamed(ctx, target.host)]),
  sweep: (ctx) => startStoppedInstances(ctx, ctx.hosts),

  describe: (target) => `${target.command} on ${target.host}`,
});

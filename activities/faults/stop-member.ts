import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { cluster } from './families/cluster.ts';
import { memberStopPlan, verifyMemberEnded } from './member-stop.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const COMMAND_TIMEOUT_MS = 120_000;

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'stop-member fault',
  description:
    'Stop a cluster member (the scenario\'s queue manager) with `endmqm -i` or `-w` on its host, as for maintenance without SUSPEND first. Messages bound to it (bind-on-open, fully qualified, its only instance) build up on the senders\' SYSTEM.CLUSTER.TRANSMIT.QUEUE; bind-not-fixed ones are re-allocated. The restore starts it again with `strmqm`, verified when its senders see their channel to it RUNNING and nothing waiting for it.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Stop a cluster member.', const: 'stop-member' },
    mode: { description: 'endmqm -i (immediate, the default) or -w (controlled, waiting for applications).', enum: ['immediate', 'wait'], default: 'immediate' },
    downSeconds: {
      description: 'How long the member stays down: its restore runs this long after the stop, inside the observation window, so the window sees the drain. Absent: the restore runs when the window ends.',
      type: 'number',
      exclusiveMinimum: 0,
    },
    senders: {
      description: 'Queue managers whose transmission queues and channels are watched; default every other queue manager of the estate.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^[A-Za-z0-9._%]{1,48}$' },
    },
  },
  examples: [{ kind: 'stop-member', mode: 'immediate', senders: ['QM1'] }],
} as const satisfies FaultSchema;

const targetSchema = {
  type: 'object',
  required: ['host'],
  additionalProperties: false,
  properties: { host: { type: 'string' }, mode: { type: 'string' } },
} as const satisfies JSONSchema;

export const stopMember = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: cluster,
  plan: memberStopPlan,

  async inject(ctx, spec, memberHost) {
    assertQueueManagerName(ctx.queueManager);
    const flag = spec.mode === 'wait' ? '-w' : '-i';
    const result = await ctx.ssh.runChecked(memberHost, ['endmqm', flag, ctx.queueManager], { timeoutMs: COMMAND_TIMEOUT_MS });
    return { injectedAt: result.startedAt, target: { host: memberHost.name, mode: spec.mode ?? 'immediate' }, reply: result.stdout.trim().split('\n').pop() };
  },

  verify: verifyMemberEnded,

  undo: (ctx, target) => startStoppedInstances(ctx, [hostNamed(ctx, target.host)]),
  sweep: (ctx) => startStoppedInstances(ctx, ctx.hosts),
  describe: (target) => `endmqm ${target.mode === 'wait' ? '-w' : '-i'} on ${target.host}`,
});

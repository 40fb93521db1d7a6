import type { HostSpec } from '../../suites/suite-model.ts';
import { sampleInstanceState } from '../probes/sample-instance-state.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus, showsNoLocalInstance } from './await-instance-status.ts';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { multiInstance } from './families/multi-instance.ts';
import type { FaultContext } from './fault-module.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const COMMAND_TIMEOUT_MS = 60_000;

/** The hosts other than the active whose own instance reports Running as standby. */
export async function findStandbyHosts(ctx: FaultContext, activeHost: HostSpec): Promise<HostSpec[]> {
  const others = ctx.hosts.filter((h) => h.name !== activeHost.name);
  const samples = await Promise.all(others.map((host) => sampleInstanceState(ctx.ssh, host, ctx.queueManager, { timeoutMs: 10_000 })));
  return others.filter((_, index) => samples[index]!.ok && samples[index]!.status?.toLowerCase() === 'running as standby');
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'stop-standby fault',
  description: 'End the standby instance with `endmqm -x` on its host. No failover is expected: the active keeps serving, the queue manager just loses its protection. The restore starts the standby again with `strmqm -x`.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: { kind: { description: 'End the standby instance.', const: 'stop-standby' } },
  examples: [{ kind: 'stop-standby' }],
} as const satisfies FaultSchema;

/** What the injection remembers, so that the restore undoes exactly that. */
const targetSchema = {
  type: 'object',
  required: ['host'],
  additionalProperties: false,
  properties: { host: { type: 'string' } },
} as const satisfies JSONSchema;

/**
 * End the standby instance with `endmqm -x QM` on its host. No failover follows: the
 * active keeps serving without a standby. The restore starts it again with `strmqm -x`.
 */
export const stopStandby = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: multiInstance,

  plan: () => ({ expectsFailover: false, restoreAfterMs: null }),

  async inject(ctx, _spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const [standby] = await findStandbyHosts(ctx, activeHost);
    if (!standby) throw new Error(`no host reports ${ctx.queueManager} Running as standby: nothing to stop`);
    const result = await ctx.ssh.runChecked(standby, ['endmqm', '-x', ctx.queueManager], { timeoutMs: COMMAND_TIMEOUT_MS });
    return { injectedAt: result.startedAt, target: { host: standby.name } };
  },

  async verify(ctx, target) {
    const status = await awaitInstanceStatus(ctx, hostNamed(ctx, target.host), showsNoLocalInstance, 'end its standby');
    return `${target.host} reports ${status}: its standby instance has ended`;
  },

  undo: (ctx, target) => startStoppedInstances(ctx, [hostNamed(ctx, target.host)]),
  sweep: (ctx) => startStoppedInstances(ctx, ctx.hosts),

  describe: (target) => `endmqm -x on ${target.host}`,
});

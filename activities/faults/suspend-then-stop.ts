import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { runMqsc } from '../mq/run-mqsc.ts';
import { sweepClusterMembers } from '../probes/sample-cluster-member.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { appendClusterSamples } from '../../records/cluster-sample-files.ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { channelTo, cluster, clusterScopeOf } from './families/cluster.ts';
import type { FaultContext } from './fault-module.ts';
import { memberStopPlan, verifyMemberEnded } from './member-stop.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const COMMAND_TIMEOUT_MS = 120_000;
const PROBE_MS = 250;

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'suspend-then-stop fault',
  description:
    'The safe maintenance procedure: SUSPEND QMGR CLUSTER on the member, wait until every sender has nothing left waiting for it and its channel message counts are flat, then `endmqm -i`. A drain that does not finish within drainTimeoutSeconds fails the step in words (nothing is stopped). The restore starts it with `strmqm` and RESUMEs it.',
  type: 'object',
  required: ['kind', 'cluster'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Suspend a cluster member, let it drain, then stop it.', const: 'suspend-then-stop' },
    cluster: { description: 'The cluster to suspend the member from.', type: 'string', pattern: '^[A-Za-z0-9._%]{1,48}$' },
    drainTimeoutSeconds: { description: 'Longest wait for the senders to drain after SUSPEND.', type: 'number', exclusiveMinimum: 0, default: 60 },
    downSeconds: {
      description: 'How long the member stays down: its restore runs this long after the stop, inside the observation window, so the window sees the drain. Absent: the restore runs when the window ends.',
      type: 'number',
      exclusiveMinimum: 0,
    },
    senders: { description: 'Queue managers whose transmission queues and channels are watched; default every other queue manager.', type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9._%]{1,48}$' } },
  },
  examples: [{ kind: 'suspend-then-stop', cluster: 'DEMO', drainTimeoutSeconds: 30 }],
} as const satisfies FaultSchema;

const targetSchema = {
  type: 'object',
  required: ['host', 'cluster'],
  additionalProperties: false,
  properties: { host: { type: 'string' }, cluster: { type: 'string' }, drainedSeconds: { type: 'number' } },
} as const satisfies JSONSchema;

/** After SUSPEND: until nothing waits for the member anywhere and two sweeps in a row show the same MSGS. */
async function awaitDrained(ctx: FaultContext, timeoutMs: number): Promise<number> {
  const scope = await clusterScopeOf(ctx);
  const started = Date.now();
  let previous: string | null = null;
  for (;;) {
    const samples = await sweepClusterMembers(ctx.ssh, scope.senders, { timeoutMs: 10_000 });
    await appendClusterSamples(ctx.scenarioDir, samples);
    const seen = samples.map((s) => ({ qm: s.queueManager, ...channelTo(s, scope.channel) }));
    const counts = JSON.stringify(seen.map((s) => s.messages));
    if (seen.every((s) => s.waiting === 0) && counts === previous) return (Date.now() - started) / 1000;
    previous = counts;
    if (Date.now() - started >= timeoutMs) {
      const left = seen.filter((s) => s.waiting > 0).map((s) => `${s.qm} still has ${s.waiting} messages for ${scope.channel}`);
      throw new Error(`${ctx.queueManager} did not drain within ${timeoutMs / 1000} s after SUSPEND: ${left.join('; ') || 'channel message counts kept moving'}; it was not stopped`);
    }
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
  }
}

export const suspendThenStop = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: cluster,
  plan: memberStopPlan,

  async inject(ctx, spec, memberHost) {
    assertQueueManagerName(ctx.queueManager);
    await runMqsc(ctx.ssh, memberHost, ctx.queueManager, [`SUSPEND QMGR CLUSTER(${spec.cluster})`], { timeoutMs: 30_000 });
    await ctx.record({ kind: 'observation', host: memberHost.name, summary: `SUSPEND QMGR CLUSTER(${spec.cluster}) on ${ctx.queueManager}` });
    const drainedSeconds = await awaitDrained(ctx, (spec.drainTimeoutSeconds ?? 60) * 1000);
    const result = await ctx.ssh.runChecked(memberHost, ['endmqm', '-i', ctx.queueManager], { timeoutMs: COMMAND_TIMEOUT_MS });
    return { injectedAt: result.startedAt, target: { host: memberHost.name, cluster: spec.cluster, drainedSeconds }, reply: `drained in ${drainedSeconds.toFixed(1)} s, then ${result.stdout.trim().split('\n').pop()}` };
  },

  verify: verifyMemberEnded,

  async undo(ctx, target) {
    const actions = await startStoppedInstances(ctx, [hostNamed(ctx, target.host)]);
    await runMqsc(ctx.ssh, hostNamed(ctx, target.host), ctx.queueManager, [`RESUME QMGR CLUSTER(${target.cluster})`], { timeoutMs: 30_000 });
    return [...actions, `RESUME QMGR CLUSTER(${target.cluster})`];
  },

  async sweep(ctx, spec) {
    const actions = await startStoppedInstances(ctx, ctx.hosts);
    await runMqsc(ctx.ssh, ctx.hosts[0]!, ctx.queueManager, [`RESUME QMGR CLUSTER(${spec.cluster})`], { timeoutMs: 30_000 });
    return [...actions, `RESUME QMGR CLUSTER(${spec.cluster})`];
  },
  describe: (target) => `SUSPEND from ${target.cluster}, drain, endmqm -i on ${target.host}`,
});

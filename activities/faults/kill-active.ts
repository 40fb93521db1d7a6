import type { HostSpec } from '../../suites/suite-model.ts';
import { findExecutionControllerPid, parsePsEf } from '../host/parse-ps.ts';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { defineFault, type FaultSchema } from './define-fault.ts';
import { multiInstance } from './families/multi-instance.ts';
import type { FaultContext } from './fault-module.ts';
import { hostNamed, startStoppedInstances } from './restart-instances.ts';

const COMMAND_TIMEOUT_MS = 15_000;
const VERIFY_TIMEOUT_MS = 10_000;
const SIGNAL_FLAG = { KILL: '-9', TERM: '-15' } as const;

async function executionControllerPid(ctx: FaultContext, host: HostSpec): Promise<number | undefined> {
  const ps = await ctx.ssh.runChecked(host, ['ps', '-ef'], { timeoutMs: COMMAND_TIMEOUT_MS });
  return findExecutionControllerPid(parsePsEf(ps.stdout), ctx.queueManager);
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'kill-active fault',
  description: 'Kill the active instance of the scenario\'s queue manager: the execution controller (amqzxma0) on the host whose instance is active receives the signal, so the standby finds the lock released, replays the log and takes over.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { description: 'Kill the active instance.', const: 'kill-active' },
    signal: {
      description: 'KILL (kill -9: the instance gets no chance to clean up, like a crash) or TERM (the queue manager may end on its own first).',
      type: 'string',
      enum: ['KILL', 'TERM'],
      default: 'KILL',
    },
  },
  examples: [{ kind: 'kill-active' }, { kind: 'kill-active', signal: 'TERM' }],
} as const satisfies FaultSchema;

/** What the injection remembers, so that the restore undoes exactly that. */
const targetSchema = {
  type: 'object',
  required: ['host', 'pid', 'signal', 'process'],
  additionalProperties: false,
  properties: {
    host: { type: 'string' },
    pid: { type: 'integer' },
    signal: { type: 'string', enum: ['KILL', 'TERM'] },
    /** The process as ps -ef showed it, e.g. `amqzxma0 -m QM1`. */
    process: { type: 'string' },
  },
} as const satisfies JSONSchema;

/**
 * Kill the active instance: find its execution controller (`amqzxma0 -m QM`) with `ps -ef`
 * over SSH and `kill -9` it, as an operator simulating a crash would. Restore restarts the
 * killed instance with `strmqm -x` (it rejoins as standby).
 */
export const killActive = defineFault<FromSchema<typeof schema>, FromSchema<typeof targetSchema>>({
  schema,
  targetSchema,
  family: multiInstance,

  plan: () => ({ expectsFailover: true, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    const pid = await executionControllerPid(ctx, activeHost);
    if (pid === undefined) {
      throw new Error(`no execution controller (amqzxma0 -m ${ctx.queueManager}) in ps -ef on ${activeHost.name}`);
    }
    const result = await ctx.ssh.runChecked(activeHost, ['kill', SIGNAL_FLAG[spec.signal], String(pid)], {
      timeoutMs: COMMAND_TIMEOUT_MS,
    });
    // The fault is certain once kill has answered. With probe samples stamped when they were
    // asked, measured failover then lies within (-2 round trips, +1 probe interval) of the truth.
    return {
      injectedAt: result.endedAt,
      target: { host: activeHost.name, pid, signal: spec.signal, process: `amqzxma0 -m ${ctx.queueManager}` },
    };
  },

  async verify(ctx, target) {
    const host = hostNamed(ctx, target.host);
    const deadline = Date.now() + VERIFY_TIMEOUT_MS;
    while ((await executionControllerPid(ctx, host)) === target.pid) {
      if (Date.now() >= deadline) {
        throw new Error(`pid ${target.pid} is still running on ${target.host} ${VERIFY_TIMEOUT_MS / 1000} s after kill`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return `pid ${target.pid} (${target.process}) is gone from ps -ef on ${target.host}`;
  },

  undo: (ctx, target) => startStoppedInstances(ctx, [hostNamed(ctx, target.host)]),
  sweep: (ctx) => startStoppedInstances(ctx, ctx.hosts),

  describe: (target) => `kill ${SIGNAL_FLAG[target.signal]} ${target.pid} on ${target.host} (${target.process})`,
});

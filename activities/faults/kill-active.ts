import type { HostSpec } from '../../suites/suite-model.ts';
import { findExecutionControllerPid, parsePsEf } from '../host/parse-ps.ts';
import { recordEvent } from '../../records/event-log.ts';
import type { FaultContext, FaultModule } from './fault-module.ts';
import { hostNamed, restartStoppedInstances } from './restart-instances.ts';

type KillActiveSpec = { kind: 'kill-active'; signal: 'KILL' | 'TERM' };

export interface KillActiveTarget {
  [key: string]: unknown;
  host: string;
  pid: number;
  signal: 'KILL' | 'TERM';
}

const COMMAND_TIMEOUT_MS = 15_000;
const VERIFY_TIMEOUT_MS = 10_000;
const SIGNAL_FLAG = { KILL: '-9', TERM: '-15' } as const;

async function executionControllerPid(ctx: FaultContext, host: HostSpec): Promise<number | undefined> {
  const ps = await ctx.ssh.runChecked(host, ['ps', '-ef'], { timeoutMs: COMMAND_TIMEOUT_MS });
  return findExecutionControllerPid(parsePsEf(ps.stdout), ctx.queueManager);
}

/**
 * Kill the active instance: find its execution controller (`amqzxma0 -m QM`) with `ps -ef`
 * over SSH and `kill -9` it, as an operator simulating a crash would. Restore restarts the
 * killed instance with `strmqm -x` (it rejoins as standby) and waits for one active and one standby.
 */
export const killActive: FaultModule<KillActiveSpec, KillActiveTarget> = {
  kind: 'kill-active',

  plan: () => ({ expectsFailover: true, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    const pid = await executionControllerPid(ctx, activeHost);
    if (pid === undefined) {
      throw new Error(`no execution controller (amqzxma0 -m ${ctx.queueManager}) in ps -ef on ${activeHost.name}`);
    }
    const result = await ctx.ssh.runChecked(activeHost, ['kill', SIGNAL_FLAG[spec.signal], String(pid)], {
      timeoutMs: COMMAND_TIMEOUT_MS,
    });
    const target: KillActiveTarget = { host: activeHost.name, pid, signal: spec.signal };
    // The fault is certain once kill has answered. With probe samples stamped when they were
    // asked, measured failover then lies within (-2 round trips, +1 probe interval) of the truth.
    const injectedAt = result.endedAt;
    await recordEvent(ctx.scenarioDir, {
      at: new Date(injectedAt).toISOString(),
      kind: 'fault-injected',
      host: activeHost.name,
      summary: `${killActive.describe(target)} (amqzxma0 -m ${ctx.queueManager})`,
      detail: { ...target },
    });
    return { injectedAt, target };
  },

  async verify(ctx, target) {
    const host = hostNamed(ctx, target.host);
    const deadline = Date.now() + VERIFY_TIMEOUT_MS;
    for (;;) {
      const stillThere = (await executionControllerPid(ctx, host)) === target.pid;
      if (!stillThere) break;
      if (Date.now() >= deadline) {
        throw new Error(`pid ${target.pid} is still running on ${target.host} ${VERIFY_TIMEOUT_MS / 1000} s after kill`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const evidence = `pid ${target.pid} (amqzxma0 -m ${ctx.queueManager}) is gone from ps -ef on ${target.host}`;
    await recordEvent(ctx.scenarioDir, { kind: 'fault-verified', host: target.host, summary: evidence });
    return evidence;
  },

  async restore(ctx, target) {
    const actions = await restartStoppedInstances(ctx, target ? [hostNamed(ctx, target.host)] : ctx.hosts);
    const what = target ? `restored ${killActive.describe(target)}` : 'restore-all sweep';
    await recordEvent(ctx.scenarioDir, { kind: 'fault-restored', summary: `${what}: ${actions.join('; ')}` });
    return actions;
  },

  describe(target) {
    return `kill ${SIGNAL_FLAG[target.signal]} ${target.pid} on ${target.host}`;
  },
};

import { recordEvent } from '../../records/event-log.ts';
import { assertQueueManagerName } from '../ssh/command-line.ts';
import { awaitInstanceStatus } from './await-instance-status.ts';
import type { FaultModule } from './fault-module.ts';
import { hostNamed, restartStoppedInstances } from './restart-instances.ts';

type SwitchoverSpec = { kind: 'switchover'; mode: 'immediate' | 'wait' | 'controlled' };

export interface SwitchoverTarget {
  [key: string]: unknown;
  host: string;
  command: string;
  /** endmqm's last line, e.g. "... ended, permitting switchover to a standby instance." */
  reply: string;
}

const MODE_FLAG = { immediate: '-i', wait: '-w', controlled: '-c' } as const;
const ENDMQM_TIMEOUT_MS = 120_000;

/**
 * Planned switchover: `endmqm -<mode>s QM` on the active host. The fault time is when the
 * command was sent — endmqm -i and -w only return once the instance has ended. The restore
 * starts the old instance with `strmqm -x`, so it rejoins as the standby.
 */
export const switchover: FaultModule<SwitchoverSpec, SwitchoverTarget> = {
  kind: 'switchover',

  plan: () => ({ expectsFailover: true, restoreAfterMs: null }),

  async inject(ctx, spec, activeHost) {
    assertQueueManagerName(ctx.queueManager);
    const argv = ['endmqm', `${MODE_FLAG[spec.mode]}s`, ctx.queueManager];
    const result = await ctx.ssh.runChecked(activeHost, argv, { timeoutMs: ENDMQM_TIMEOUT_MS });
    const reply = result.stdout.trim().split('\n').join(' ');
    const target: SwitchoverTarget = { host: activeHost.name, command: argv.join(' '), reply };
    await recordEvent(ctx.scenarioDir, {
      at: new Date(result.startedAt).toISOString(),
      kind: 'fault-injected',
      host: activeHost.name,
      summary: `${switchover.describe(target)}: ${reply}`,
      detail: { ...target },
    });
    return { injectedAt: result.startedAt, target };
  },

  async verify(ctx, target) {
    const status = await awaitInstanceStatus(ctx, hostNamed(ctx, target.host), (s) => s !== 'running', 'stop reporting Running');
    const evidence = `after ${target.command}, ${target.host} reports ${status}`;
    await recordEvent(ctx.scenarioDir, { kind: 'fault-verified', host: target.host, summary: evidence });
    return evidence;
  },

  async restore(ctx, target) {
    const actions = await restartStoppedInstances(ctx, target ? [hostNamed(ctx, target.host)] : ctx.hosts);
    const what = target ? `restored ${switchover.describe(target)}` : 'restore-all sweep';
    await recordEvent(ctx.scenarioDir, { kind: 'fault-restored', summary: `${what}: ${actions.join('; ')}` });
    return actions;
  },

  describe(target) {
    return `${target.command} on ${target.host}`;
  },
};

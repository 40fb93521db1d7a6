import type { HostSpec } from '../../suites/suite-model.ts';
import { sampleInstanceState } from '../probes/sample-instance-state.ts';
import type { FaultContext } from './fault-module.ts';

const POLL_MS = 100;

/**
 * Polls `dspmq` on one host until its status (lower case, e.g. `running as standby`)
 * satisfies `accepts`; returns the status as printed. Throws after `timeoutMs` with what it saw.
 */
export async function awaitInstanceStatus(
  ctx: FaultContext,
  host: HostSpec,
  accepts: (status: string) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sample = await sampleInstanceState(ctx.ssh, host, ctx.queueManager, { timeoutMs: Math.min(timeoutMs, 10_000) });
    const status = sample.ok ? (sample.status ?? '') : '';
    if (sample.ok && accepts(status.toLowerCase())) return status;
    if (Date.now() >= deadline) {
      throw new Error(`${ctx.queueManager} on ${host.name} did not ${what} within ${timeoutMs / 1000} s (last: ${sample.ok ? status : sample.error})`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The status of an instance that no longer serves: anything but Running, Running as standby, Starting. */
export function showsNoLocalInstance(status: string): boolean {
  return status !== 'running' && status !== 'running as standby' && !status.startsWith('starting');
}

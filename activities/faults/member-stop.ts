import { awaitInstanceStatus, showsNoLocalInstance } from './await-instance-status.ts';
import type { FaultContext, FaultPlan } from './fault-module.ts';
import { hostNamed } from './restart-instances.ts';

/** A stopped cluster member never fails over; with `downSeconds` the restore comes inside the window. */
export function memberStopPlan(spec: { downSeconds?: number }): FaultPlan {
  return { expectsFailover: false, restoreAfterMs: spec.downSeconds === undefined ? null : spec.downSeconds * 1000 };
}

/** Evidence that the member's queue manager ended on its host. */
export async function verifyMemberEnded(ctx: FaultContext, target: { host: string }): Promise<string> {
  const status = await awaitInstanceStatus(ctx, hostNamed(ctx, target.host), showsNoLocalInstance, 'end');
  return `${ctx.queueManager} on ${target.host} reports ${status}`;
}

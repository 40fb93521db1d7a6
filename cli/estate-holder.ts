import type { Client } from '@temporalio/client';
import type { EstateHolder } from '../workflows/estate-lock.ts';

/**
 * Why a run was refused its estate, in words a user can act on: which run holds it, since
 * when, and how to wait for it or abort it. Read from the lock workflow's description
 * (parent and memo), which needs no worker.
 */
export async function describeEstateHolder(client: Client, lockId: string, address: string): Promise<string> {
  let holder: Partial<EstateHolder> = {};
  let parent: string | undefined;
  try {
    const description = await client.workflow.getHandle(lockId).describe();
    parent = description.parentExecution?.workflowId ?? undefined;
    holder = ((description.memo as { holder?: EstateHolder } | undefined)?.holder ?? {}) as Partial<EstateHolder>;
  } catch {
    // released meanwhile: say what is known
  }
  const holderId = parent ?? holder.holderWorkflowId;
  if (!holderId) return `The estate was in use by another run (lock ${lockId}); it is free now: run again.`;
  return [
    `The estate is in use by run ${holderId}${holder.suite ? ` (suite ${holder.suite}` : ''}${holder.since ? `${holder.suite ? ', ' : ' ('}since ${holder.since})` : holder.suite ? ')' : ''}; nothing was touched.`,
    'Run again with --wait to start when it ends, or abort it (its recovery still restores the estate):',
    `  temporal workflow cancel --workflow-id ${holderId} --address ${address}`,
  ].join('\n');
}

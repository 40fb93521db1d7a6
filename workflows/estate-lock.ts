import {
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { EstateSpec } from '../suites/suite-model.ts';

/**
 * One run per estate: a run holds its estate by running the child workflow `holdEstate`
 * under an id derived from the estate. Temporal refuses a second execution with that id
 * while one runs, so the lock holds across CLIs, workers and schedules; the server ends it
 * when the holding run closes, however it closes (parent close policy TERMINATE), so a
 * lost CLI or worker cannot leave it held once its run is over.
 */
export const ESTATE_LOCK_PREFIX = 'mqchaos-estate-';
export const ESTATE_BUSY = 'EstateBusy';

/** Who holds an estate: kept in the lock workflow's memo, readable by describe without a worker. */
export interface EstateHolder {
  holderWorkflowId: string;
  runId: string;
  suite: string;
  since: string;
}

/** Held until the run that started it closes. */
export async function holdEstate(_holder: EstateHolder): Promise<void> {
  await condition(() => false);
}

/** FNV-1a, 32 bits: deterministic, no Node APIs (workflow code). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The lock's workflow id: the estate's queue managers, and a digest of where its hosts are
 * (two labs of one topology on other ports are other estates; one estate under two suite
 * files is the same).
 */
export function estateLockId(estate: EstateSpec): string {
  const queueManagers = Object.keys(estate.queueManagers).sort().join('+');
  const endpoints = Object.values(estate.hosts)
    .map((host) => `${host.address.toLowerCase()}:${host.port}`)
    .sort()
    .join(',');
  return `${ESTATE_LOCK_PREFIX}${queueManagers}-${fnv1a(endpoints)}`;
}

/**
 * Takes the estate for this run. Busy: refused at once (ApplicationFailure `EstateBusy`,
 * details [lockId]), or with `wait`, retried with back-off until it is free.
 */
export async function acquireEstate(
  estate: EstateSpec,
  holder: Omit<EstateHolder, 'holderWorkflowId' | 'since'>,
  options: { wait: boolean; onWaiting?: (lockId: string) => void },
): Promise<string> {
  const lockId = estateLockId(estate);
  const full: EstateHolder = { ...holder, holderWorkflowId: workflowInfo().workflowId, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      await startChild(holdEstate, {
        workflowId: lockId,
        args: [full],
        memo: { holder: full },
        parentClosePolicy: ParentClosePolicy.TERMINATE,
      });
      return lockId;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      if (!options.wait) {
        throw ApplicationFailure.nonRetryable(`the estate is in use by another run (lock ${lockId})`, ESTATE_BUSY, lockId);
      }
      options.onWaiting?.(lockId);
      await sleep(Math.min(30_000, 2_000 * 1.5 ** attempt));
    }
  }
}

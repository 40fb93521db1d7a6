import { dropNfs } from './drop-nfs.ts';
import type { FaultModule, SpecOf } from './define-fault.ts';
import { killActive } from './kill-active.ts';
import { stopAll } from './stop-all.ts';
import { stopMember } from './stop-member.ts';
import { suspendThenStop } from './suspend-then-stop.ts';
import { stopStandby } from './stop-standby.ts';
import { switchover } from './switchover.ts';

/** Every fault kind a suite may name; adding one is a new file in this folder and one entry here. */
export const FAULT_MODULES = [killActive, dropNfs, switchover, stopStandby, stopAll, stopMember, suspendThenStop] as const;

/** A fault as a suite states it, with its kind's defaults filled in: derived from the kinds' schemas. */
export type FaultSpec = SpecOf<(typeof FAULT_MODULES)[number]>;
export type FaultKind = FaultSpec['kind'];

export function faultModule(kind: string): FaultModule {
  const module = FAULT_MODULES.find((candidate) => candidate.kind === kind);
  if (!module) throw new Error(`unknown fault kind "${kind}"`);
  return module;
}

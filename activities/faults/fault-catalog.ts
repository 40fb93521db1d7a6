import type { FaultKind, FaultSpec } from '../../suites/suite-model.ts';
import type { FaultModule, FaultTarget } from './fault-module.ts';
import { dropNfs } from './drop-nfs.ts';
import { killActive } from './kill-active.ts';
import { stopAll } from './stop-all.ts';
import { stopStandby } from './stop-standby.ts';
import { switchover } from './switchover.ts';

type ModuleOf<K extends FaultKind> = FaultModule<Extract<FaultSpec, { kind: K }>, FaultTarget>;

/** Every fault kind a suite may name; adding one is a new file in this folder and one line here. */
const CATALOG: { [K in FaultKind]: ModuleOf<K> } = {
  'kill-active': killActive as unknown as ModuleOf<'kill-active'>,
  'drop-nfs': dropNfs as unknown as ModuleOf<'drop-nfs'>,
  switchover: switchover as unknown as ModuleOf<'switchover'>,
  'stop-standby': stopStandby as unknown as ModuleOf<'stop-standby'>,
  'stop-all': stopAll as unknown as ModuleOf<'stop-all'>,
};

export function faultModule(kind: FaultKind): FaultModule<FaultSpec, FaultTarget> {
  const module = CATALOG[kind];
  if (!module) throw new Error(`unknown fault kind "${kind}"`);
  return module as FaultModule<FaultSpec, FaultTarget>;
}

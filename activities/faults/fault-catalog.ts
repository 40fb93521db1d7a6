import type { FaultKind, FaultSpec } from '../../suites/suite-model.ts';
import type { FaultModule, FaultTarget } from './fault-module.ts';
import { killActive } from './kill-active.ts';

/** Every fault kind a suite may name; adding one is a new file in this folder and one line here. */
const CATALOG: { [K in FaultKind]: FaultModule<Extract<FaultSpec, { kind: K }>, FaultTarget> } = {
  'kill-active': killActive as unknown as FaultModule<Extract<FaultSpec, { kind: 'kill-active' }>, FaultTarget>,
};

export function faultModule(kind: FaultKind): FaultModule<FaultSpec, FaultTarget> {
  const module = CATALOG[kind];
  if (!module) throw new Error(`unknown fault kind "${kind}"`);
  return module as FaultModule<FaultSpec, FaultTarget>;
}

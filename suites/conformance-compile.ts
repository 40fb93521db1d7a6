import type { ExpectationSpec } from './suite-model.ts';
import { DEFAULT_CONFORMANCE, type ApplicationConnectionSpec, type ConformanceSpec } from './conformance-model.ts';

/** A suite's `conformance:` block as the schema admits it. */
export interface RawConformance {
  mqUser?: string;
  dataDirectory?: string;
  logDirectory?: string;
  sharedDirectory?: string;
  lockHoldMs?: number;
  healthQueue?: string;
  autoStart?: false | { systemdUnit?: string; initScript?: string };
  clusters?: Array<{ name: string; queueManagers: string[]; transmitQueueBaseline?: number; forbidBindOnOpen?: boolean }>;
  applications?: ApplicationConnectionSpec[];
  expect?: Record<string, unknown>;
}

/** Defaults applied: what is not given is IBM's layout and mqchaos's own test queue. */
/** `expectations`: the checked `expect` entries, replacing those checks' default expectations. */
export function compileConformance(raw: RawConformance, expectations: Record<string, ExpectationSpec> = {}): ConformanceSpec {
  const { clusters, autoStart, expect: _written, ...rest } = raw;
  return {
    ...DEFAULT_CONFORMANCE,
    ...rest,
    autoStart: autoStart === false ? null : (autoStart ?? DEFAULT_CONFORMANCE.autoStart),
    clusters: (clusters ?? []).map((c) => ({ transmitQueueBaseline: 0, forbidBindOnOpen: true, ...c })),
    applications: raw.applications ?? [],
    expect: expectations,
  };
}

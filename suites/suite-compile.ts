import { compileEstateSource } from './estate-reference.ts';
import { readDefaults, type SuiteSchemas } from './suite-schemas.ts';
import { compileTraffic, type RawTraffic } from './traffic-compile.ts';
import { compileConformance, type RawConformance } from './conformance-compile.ts';
import { compileHealthChecks, type RawHealthCheck } from './health-compile.ts';
import type { ExpectationSpec, FaultSpec, ObservationSpec, ScenarioSpec, SuiteDefinition } from './suite-model.ts';
import type { SourceDocument } from './yaml-source.ts';

/**
 * The last stage of loading, for a suite that passed every check: defaults applied (a
 * scenario's observe over the suite's defaults.observe over the schema's defaults; a
 * fault's parameters over its schema's defaults), paths made absolute.
 */

interface RawScenario {
  name: string;
  description?: string;
  queueManager: string;
  fault: { kind: string } & Record<string, unknown>;
  observe?: Partial<ObservationSpec>;
  traffic?: RawTraffic;
  health?: RawHealthCheck[];
  requires?: Array<'conformance'>;
}

interface RawSuite {
  suite: string;
  description?: string;
  defaults?: { observe?: Partial<ObservationSpec> };
  conformance?: RawConformance;
  scenarios?: RawScenario[];
}

export function compileSuite(
  source: SourceDocument,
  expectations: readonly ExpectationSpec[],
  schemas: SuiteSchemas,
  topologiesDir: string,
  conformanceExpectations: Record<string, ExpectationSpec> = {},
): SuiteDefinition {
  const raw = source.data as RawSuite;
  const suiteObservation: ObservationSpec = { ...schemas.observationDefaults, ...raw.defaults?.observe };
  const scenarios = (raw.scenarios ?? []).map((scenario, index): ScenarioSpec => {
    const { kind, ...parameters } = scenario.fault;
    const compiled: ScenarioSpec = {
      name: scenario.name,
      queueManager: scenario.queueManager,
      fault: { kind, ...readDefaults(schemas.faults.get(kind)!), ...parameters } as FaultSpec,
      observe: { ...suiteObservation, ...scenario.observe },
      expect: expectations[index]!,
    };
    if (scenario.description !== undefined) compiled.description = scenario.description;
    if (scenario.traffic !== undefined) compiled.traffic = compileTraffic(scenario.traffic);
    if (scenario.health !== undefined && scenario.health.length > 0) compiled.health = compileHealthChecks(scenario.health);
    if (scenario.requires !== undefined && scenario.requires.length > 0) {
      compiled.requires = scenario.requires;
      compiled.conformance = compileConformance(raw.conformance ?? {}, conformanceExpectations);
    }
    return compiled;
  });
  const suite: SuiteDefinition = {
    file: source.file,
    name: raw.suite,
    estate: compileEstateSource(source, topologiesDir),
    scenarios,
  };
  if (raw.description !== undefined) suite.description = raw.description;
  if (raw.conformance !== undefined) suite.conformance = compileConformance(raw.conformance, conformanceExpectations);
  return suite;
}

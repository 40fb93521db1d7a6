import { resolve } from 'node:path';
import { placeIssue, sortDefinitionErrors, type DefinitionError } from './definition-error.ts';
import { checkDocumentShape } from './document-check.ts';
import { resolveEstateReference } from './estate-reference.ts';
import { checkExpectation, type ExpectationContext } from './expectation-check.ts';
import { defaultTopologiesDir } from './lab-topology.ts';
import { defaultResultSchemaFile, readMeasurementCatalog } from './result-measurements.ts';
import { findDuplicateScenarioNames, findUndeclaredQueueManagers, listScenarios } from './scenario-references.ts';
import { CONFORMANCE_CHECKS } from './conformance-expectations.ts';
import { conformanceFactsCatalog } from './conformance-facts-catalog.ts';
import { findConformanceReferenceProblems } from './conformance-references.ts';
import { findHealthCheckProblems } from './health-references.ts';
import { compileSuite } from './suite-compile.ts';
import type { ExpectationSpec, SuiteDefinition } from './suite-model.ts';
import { loadSuiteSchemas } from './suite-schemas.ts';
import { describeUnparsed, readSource } from './yaml-source.ts';

export { loadEstateFile, type EstateLoad } from './estate-file.ts';
export { formatDefinitionError, formatDefinitionErrors, type DefinitionError, type DefinitionErrorCode } from './definition-error.ts';

export interface LoadSuiteOptions {
  /** Where a bare `lab:` name is looked up (default: the repository's lab/topologies/). */
  labTopologiesDir?: string;
  /** Schema of the result document, whose fields expectations may constrain (default: suites/schemas/result.schema.json). */
  resultSchemaFile?: string;
  /** Folder that file names in messages and expectation sources ("suites/lab/x.yaml:31") are relative to (default: the working directory). */
  cwd?: string;
}

export type SuiteLoad = { ok: true; suite: SuiteDefinition } | { ok: false; errors: DefinitionError[] };

/**
 * Reads, validates and compiles a suite file. Nothing is touched but files: no network, no
 * processes. Every error in the suite and in the files it names is collected, each placed
 * at its line and column; the suite compiles only when there are none.
 */
export async function loadSuite(file: string, options: LoadSuiteOptions = {}): Promise<SuiteLoad> {
  const path = resolve(file);
  const topologiesDir = options.labTopologiesDir ?? defaultTopologiesDir;
  const cwd = options.cwd ?? process.cwd();
  const read = await readSource(path);
  if (read.status !== 'parsed') return { ok: false, errors: describeUnparsed(path, read, 'suite file') };
  const { source } = read;
  const schemas = loadSuiteSchemas();
  const errors: DefinitionError[] = checkDocumentShape(schemas.validateSuite, source.data).map((issue) => placeIssue(source, issue));

  const estate = await resolveEstateReference(source, topologiesDir, cwd);
  errors.push(...estate.errors);
  const scenarios = listScenarios(source.data);
  const references = [
    ...findDuplicateScenarioNames(scenarios),
    ...(estate.names ? findUndeclaredQueueManagers(scenarios, estate.names, estate.where) : []),
    ...findHealthCheckProblems(scenarios, estate.names, estate.where),
    ...(estate.names ? findConformanceReferenceProblems(source.data, estate.names, estate.where) : []),
  ];
  errors.push(...references.map((issue) => placeIssue(source, issue)));

  const context: ExpectationContext = {
    cache: new Map(),
    catalog: readMeasurementCatalog(options.resultSchemaFile ?? defaultResultSchemaFile),
    cwd,
  };
  const expectations: ExpectationSpec[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    const expect = (scenario as { expect?: unknown }).expect;
    if (expect === null || typeof expect !== 'object' || Array.isArray(expect)) continue;
    const checked = await checkExpectation(source, `/scenarios/${index}/expect`, context);
    errors.push(...checked.errors);
    if (checked.spec) expectations[index] = checked.spec;
  }

  // A conformance check's expectation constrains that check's facts, not the scenario result document.
  const conformanceExpectations: Record<string, ExpectationSpec> = {};
  const overrides = (source.data as { conformance?: { expect?: unknown } } | null)?.conformance?.expect;
  if (overrides !== null && typeof overrides === 'object' && !Array.isArray(overrides)) {
    for (const check of Object.keys(overrides).filter((name) => CONFORMANCE_CHECKS.includes(name))) {
      const checked = await checkExpectation(source, `/conformance/expect/${check}`, { ...context, catalog: conformanceFactsCatalog(check) });
      errors.push(...checked.errors);
      if (checked.spec) conformanceExpectations[check] = checked.spec;
    }
  }

  if (errors.length > 0) return { ok: false, errors: sortDefinitionErrors(errors) };
  return { ok: true, suite: compileSuite(source, expectations, schemas, topologiesDir, conformanceExpectations) };
}

import { createExpectationAjv } from './expectation-ajv.ts';
import { displayPath, placeIssue, type DefinitionError, type Issue } from './definition-error.ts';
import { bundleExpectation, type BundledExpectation, type SourceCache } from './expectation-bundle.ts';
import { detectDialect, findKeywordProblems, type Dialect } from './expectation-keywords.ts';
import { collectConstraints } from './expectation-paths.ts';
import { findNearestNames } from './nearest-names.ts';
import type { MeasurementCatalog } from './result-measurements.ts';
import { describeSchemaErrors } from './schema-errors.ts';
import type { ExpectationSpec } from './suite-model.ts';
import type { SourceDocument } from './yaml-source.ts';

/**
 * A scenario's `expect:` checked the way k6 checks thresholds: every `$ref` resolves, the
 * schema is valid and compiles as the judge will compile it, no keyword would be silently
 * ignored, and every measurement it constrains exists in the result document.
 */
export interface ExpectationContext {
  cache: SourceCache;
  catalog: MeasurementCatalog;
  /** Folder that `source` and file names in messages are written relative to. */
  cwd: string;
}

export async function checkExpectation(
  suite: SourceDocument,
  expectPointer: string,
  context: ExpectationContext,
): Promise<{ spec?: ExpectationSpec; errors: DefinitionError[] }> {
  const bundled = await bundleExpectation(suite, expectPointer, context.cache, context.cwd);
  if (bundled.bundle === undefined) return { errors: bundled.errors };
  const { bundle } = bundled;
  const dialect = detectDialect(bundle.schema);
  if (dialect === undefined) {
    const issue: Issue = {
      code: 'MQC-SUITE-EXPECT-SCHEMA',
      pointer: `${expectPointer}/$schema`,
      message: 'unsupported $schema: expectations are JSON Schema draft-07 (the default), 2019-09 or 2020-12',
    };
    return { errors: [placeIssue(suite, issue)] };
  }
  const schemaProblems = findSchemaProblems(bundle, dialect);
  const errors = [...schemaProblems, ...findUnknownMeasurements(bundle, context.catalog, schemaProblems.length === 0)];
  if (errors.length > 0) return { errors };
  const compiled = compileAsJudged(bundle, dialect);
  if (compiled !== undefined) return { errors: [blameMain(bundle, '', `the expectation does not compile: ${compiled}`)] };
  const { line } = suite.locate(expectPointer);
  return {
    spec: { schema: bundle.schema, schemas: bundle.schemas, source: `${displayPath(suite.file, context.cwd)}:${line}` },
    errors: [],
  };
}

function findSchemaProblems(bundle: BundledExpectation, dialect: Dialect): DefinitionError[] {
  const ajv = createExpectationAjv(dialect, { verbose: true });
  const errors: DefinitionError[] = [];
  const documents: [string | undefined, unknown][] = [[undefined, bundle.schema], ...bundle.schemas.map((schema) => [schema.$id as string, schema] as [string, unknown])];
  for (const [id, schema] of documents) {
    const origin = bundle.origins.get(id)!;
    const issues = findKeywordProblems(schema, dialect, origin.pointer);
    if (!ajv.validateSchema(schema as object)) {
      issues.push(...describeSchemaErrors(ajv.errors ?? [], { code: 'MQC-SUITE-EXPECT-SCHEMA', basePointer: origin.pointer }));
    }
    errors.push(...issues.map((issue) => placeIssue(origin.source, issue)));
  }
  return errors;
}

/** With `requireOne`, an expectation constraining nothing is an error too (unless a typo already explains it). */
function findUnknownMeasurements(bundle: BundledExpectation, catalog: MeasurementCatalog, requireOne: boolean): DefinitionError[] {
  const constraints = collectConstraints(bundle.schema, bundle.schemas);
  if (constraints.length === 0 && requireOne) {
    return [blameMain(bundle, '', 'the expectation constrains no measurement, so it could never fail', 'constrain a measurement, e.g. properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 10 } } } }')];
  }
  return constraints
    .filter((constraint) => !catalog.isKnown(constraint.steps))
    .map((constraint) => {
      const origin = bundle.origins.get(constraint.schemaId) ?? bundle.origins.get(undefined)!;
      const nearest = findNearestNames(constraint.path, catalog.paths, { limit: 3 });
      return placeIssue(origin.source, {
        code: 'MQC-SUITE-UNKNOWN-MEASUREMENT',
        pointer: origin.pointer + constraint.pointer,
        at: /\/properties\/[^/]+$/.test(constraint.pointer) ? 'key' : 'value',
        message: `unknown measurement "${constraint.path}": the result document has no such field`,
        hint: `nearest measurements: ${nearest.join(', ')} (all of them: suites/schemas/result.schema.json)`,
      });
    });
}

/** Compiles the expectation as the judge will; answers why it failed, or undefined. */
function compileAsJudged(bundle: BundledExpectation, dialect: Dialect): string | undefined {
  try {
    const ajv = createExpectationAjv(dialect);
    for (const schema of bundle.schemas) ajv.addSchema(schema);
    ajv.compile(bundle.schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function blameMain(bundle: BundledExpectation, pointer: string, message: string, hint?: string): DefinitionError {
  const origin = bundle.origins.get(undefined)!;
  return placeIssue(origin.source, { code: 'MQC-SUITE-EXPECT-SCHEMA', pointer: origin.pointer + pointer, message, ...(hint ? { hint } : {}) });
}

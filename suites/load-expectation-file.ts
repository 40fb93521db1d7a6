import { resolve } from 'node:path';
import { placeIssue, sortDefinitionErrors, type DefinitionError } from './definition-error.ts';
import { checkExpectation } from './expectation-check.ts';
import { defaultResultSchemaFile, readMeasurementCatalog } from './result-measurements.ts';
import type { ExpectationSpec } from './suite-model.ts';
import { describeUnparsed, readSource } from './yaml-source.ts';

export type ExpectationLoad = { ok: true; expect: ExpectationSpec } | { ok: false; errors: DefinitionError[] };

/**
 * An expectation on its own (JSON or YAML: one JSON Schema over the result document, as a
 * scenario's `expect:`), checked exactly as one in a suite file: `$ref`s resolve, the schema
 * compiles as the judge compiles it, and every measurement it constrains exists.
 */
export async function loadExpectationFile(file: string, options: { cwd?: string } = {}): Promise<ExpectationLoad> {
  const path = resolve(file);
  const cwd = options.cwd ?? process.cwd();
  const read = await readSource(path);
  if (read.status !== 'parsed') return { ok: false, errors: describeUnparsed(path, read, 'expectation file') };
  const { source } = read;
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [placeIssue(source, { code: 'MQC-SUITE-EXPECT-SCHEMA', pointer: '', message: 'an expectation file holds one JSON Schema object' })] };
  }
  const checked = await checkExpectation(source, '', { cache: new Map(), catalog: readMeasurementCatalog(defaultResultSchemaFile), cwd });
  if (checked.errors.length > 0 || !checked.spec) return { ok: false, errors: sortDefinitionErrors(checked.errors) };
  return { ok: true, expect: checked.spec };
}

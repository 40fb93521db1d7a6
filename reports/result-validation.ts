import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { wordFailure } from '../checkers/expectation-wording.ts';
import type { SuiteResult } from '../checkers/result-document.ts';

export const RESULT_SCHEMA_ID = 'https://mqchaos.dev/schemas/result.schema.json';
export const SUITE_RESULT_SCHEMA_ID = 'https://mqchaos.dev/schemas/suite-result.schema.json';
const RESULT_SCHEMA_FILE = new URL('../suites/schemas/result.schema.json', import.meta.url);

export class InvalidResultError extends Error {
  readonly code = 'INVALID_RESULT';
  constructor(readonly problems: string[]) {
    super(`the suite result does not match suites/schemas/result.schema.json:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidResultError';
  }
}

let suiteResultCheck: ValidateFunction | undefined;

function compileSuiteResultCheck(): ValidateFunction {
  if (suiteResultCheck) return suiteResultCheck;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(JSON.parse(readFileSync(RESULT_SCHEMA_FILE, 'utf8')) as object);
  const check = ajv.getSchema(SUITE_RESULT_SCHEMA_ID);
  if (!check) throw new Error(`result.schema.json does not define ${SUITE_RESULT_SCHEMA_ID}`);
  suiteResultCheck = check;
  return check;
}

/** Every way the document differs from the result schema, in words; empty when it is valid. */
export function describeResultProblems(result: unknown): string[] {
  const check = compileSuiteResultCheck();
  if (check(result)) return [];
  return [...new Set((check.errors ?? []).map((error) => wordFailure(error, result)))];
}

/** Throws InvalidResultError listing every problem unless the document matches the result schema. */
export function assertValidSuiteResult(result: unknown): asserts result is SuiteResult {
  const problems = describeResultProblems(result);
  if (problems.length > 0) throw new InvalidResultError(problems);
}

import type { ErrorObject } from 'ajv';
import type { ExpectationOutcome, Verdict } from './result-document.ts';
import { createExpectationAjv, expectationDialect } from '../suites/expectation-ajv.ts';
import type { ExpectationSpec } from '../suites/suite-model.ts';
import { isWithinPath, lookupPath, parsePath, readablePath, type PathSegment } from './document-path.ts';
import { wordAlternatives, wordFailure } from './expectation-wording.ts';

const COMPOSITES = new Set(['anyOf', 'oneOf']);

/**
 * Judges a result document against a scenario's expectation (a JSON Schema). Failures are
 * worded with the observed value; a measurement the expectation needs that is null or absent
 * is listed as missing and can never pass. Fail dominates unknown dominates pass.
 */
export function judgeExpectation(
  document: object,
  spec: ExpectationSpec,
  constrainedPaths: readonly string[],
): ExpectationOutcome {
  const missingPaths = constrainedPaths.filter((path) => !isMeasured(document, path)).map(parsePath);
  try {
    const errors = validate(document, spec);
    const unmeasured = errors.filter((error) => isAboutMissingData(error, document));
    missingPaths.push(...unmeasured.map(dataPathOf));
    const failures = wordFailures(
      errors.filter((error) => !missingPaths.some((missing) => isWithinPath(dataPathOf(error), missing))),
      document,
    );
    const missing = unique(missingPaths.map((path) => `${readablePath(path)} was not measured`));
    return { verdict: verdictOf(failures, missing), failures, missing, source: spec.source };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'unknown',
      failures: [],
      missing: [`the expectation could not be evaluated: ${reason}`],
      source: spec.source,
    };
  }
}

/** The worst of several verdicts, as Jepsen composes checkers; nothing judged is unknown. */
export function mergeVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.length === 0 || verdicts.includes('unknown')) return 'unknown';
  return 'pass';
}

function validate(document: object, spec: ExpectationSpec): ErrorObject[] {
  const ajv = createExpectationAjv(expectationDialect(spec.schema));
  for (const shared of spec.schemas) ajv.addSchema(shared);
  const check = ajv.compile(spec.schema);
  if (check(document)) return [];
  return check.errors ?? [];
}

function isMeasured(document: object, path: string): boolean {
  const { present, value } = lookupPath(document, path);
  return present && value !== null;
}

/** An absent property or a null value fails a schema only because it was not measured. */
function isAboutMissingData(error: ErrorObject, document: object): boolean {
  if (error.keyword === 'required') return true;
  if (COMPOSITES.has(error.keyword) || error.keyword === 'if') return false;
  const { present, value } = lookupPath(document, error.instancePath);
  return !present || value === null;
}

function wordFailures(errors: ErrorObject[], document: object): string[] {
  const composites = errors.filter((error) => COMPOSITES.has(error.keyword));
  const branchesOf = (composite: ErrorObject) =>
    errors.filter((error) => error !== composite && error.schemaPath.startsWith(`${composite.schemaPath}/`));
  const inBranch = new Set(composites.flatMap(branchesOf));
  const words = errors
    .filter((error) => !inBranch.has(error) && error.keyword !== 'if')
    .map((error) => (COMPOSITES.has(error.keyword) ? wordAlternatives(error, branchesOf(error), document) : wordFailure(error, document)));
  return unique(words);
}

function dataPathOf(error: ErrorObject): PathSegment[] {
  const path = parsePath(error.instancePath);
  if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty));
  return path;
}

function verdictOf(failures: string[], missing: string[]): Verdict {
  if (failures.length > 0) return 'fail';
  if (missing.length > 0) return 'unknown';
  return 'pass';
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

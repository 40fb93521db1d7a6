import { lookupPath } from '../checkers/document-path.ts';
import { describeValue } from '../checkers/expectation-wording.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { collectConstraints } from '../suites/expectation-paths.ts';
import { lookupPointer } from '../suites/json-pointer.ts';
import type { ExpectationSpec } from '../suites/suite-model.ts';

/** One line of "expected vs measured", as k6 shows thresholds: source, observed, ok. */
export interface ExpectationRow {
  path: string;
  /** The constraint as written, e.g. "≤ 30, number". */
  expected: string;
  observed: string;
  status: 'ok' | 'failed' | 'not measured';
}

const PHRASES: Record<string, (value: unknown) => string> = {
  maximum: (v) => `\u2264 ${describeValue(v)}`,
  exclusiveMaximum: (v) => `< ${describeValue(v)}`,
  minimum: (v) => `\u2265 ${describeValue(v)}`,
  exclusiveMinimum: (v) => `> ${describeValue(v)}`,
  const: (v) => `= ${describeValue(v)}`,
  enum: (v) => `one of ${Array.isArray(v) ? v.map(describeValue).join(', ') : describeValue(v)}`,
  type: (v) => (Array.isArray(v) ? v.join(' or ') : String(v)),
  multipleOf: (v) => `multiple of ${describeValue(v)}`,
  pattern: (v) => `matches ${String(v)}`,
  minItems: (v) => `\u2265 ${describeValue(v)} items`,
  maxItems: (v) => `\u2264 ${describeValue(v)} items`,
  minLength: (v) => `\u2265 ${describeValue(v)} characters`,
  maxLength: (v) => `\u2264 ${describeValue(v)} characters`,
};

/** For each measurement the expectation constrains: what was expected, what was observed, whether it held. */
export function buildExpectationRows(result: ScenarioResult, expect: ExpectationSpec): ExpectationRow[] {
  const expectedByPath = new Map<string, string[]>();
  for (const constraint of collectConstraints(expect.schema, expect.schemas)) {
    const path = constraint.path;
    const texts = expectedByPath.get(path) ?? [];
    const text = describeConstraint(expect, constraint.schemaId, constraint.pointer);
    if (text && !texts.includes(text)) texts.push(text);
    expectedByPath.set(path, texts);
  }
  const rows = [...expectedByPath].map(([path, texts]): ExpectationRow => {
    const measuredPath = measuredPathOf(path);
    const { present, value } = lookupPath(result, measuredPath);
    const measured = present && value !== null;
    return {
      path,
      expected: texts.join('; ') || 'constrained',
      observed: measured ? describeValue(value) : 'not measured',
      status: !measured ? 'not measured' : failedAt(result, measuredPath) ? 'failed' : 'ok',
    };
  });
  // A section constrained only to be an object (failover: {type: object}) is a container of
  // the rows below it, not a measurement of its own.
  return rows.filter((row) => !(row.expected === 'object' && rows.some((other) => other.path.startsWith(`${row.path}.`))));
}

function describeConstraint(expect: ExpectationSpec, schemaId: string | undefined, pointer: string): string {
  if (/\/required\/\d+$/.test(pointer)) return 'required';
  const root = schemaId === undefined ? expect.schema : expect.schemas.find((schema) => sameId(schema.$id, schemaId));
  const found = lookupPointer(root, pointer);
  if (!found.found || found.value === null || typeof found.value !== 'object') return '';
  const subschema = found.value as Record<string, unknown>;
  return Object.entries(PHRASES)
    .filter(([keyword]) => keyword in subschema)
    .map(([keyword, phrase]) => phrase(subschema[keyword]))
    .join(', ');
}

/** `events[].kind` is measured by `events` itself: the part before any "every item" step. */
function measuredPathOf(path: string): string {
  return path.split(/\[\]|\.?\*/)[0]!;
}

function sameId(id: unknown, wanted: string): boolean {
  return typeof id === 'string' && id.replace(/#$/, '') === wanted.replace(/#$/, '');
}

function failedAt(result: ScenarioResult, path: string): boolean {
  return result.expectation.failures.some((failure) => failure.startsWith(`${path} `) || failure.startsWith(`${path}.`) || failure.startsWith(`${path}[`));
}

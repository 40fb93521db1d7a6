import type { Issue } from './definition-error.ts';
import { appendPointer } from './json-pointer.ts';
import { findLikelyMeant } from './nearest-names.ts';

/**
 * Keywords of an expectation that would silently do nothing. Ajv (without strict mode, as
 * the judge runs it) ignores a keyword it does not know, so `maximun: 10` would be a
 * threshold that never fails; `format` is ignored too, as no format validators are loaded.
 * Patterns are compiled here so a bad one is reported where it is written.
 */

export type Dialect = 'draft-07' | '2019-09' | '2020-12';

const DRAFT_07 = [
  '$schema', '$id', '$ref', '$comment', '$defs', 'definitions', 'title', 'description', 'default', 'examples',
  'readOnly', 'writeOnly', 'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum',
  'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding',
  'items', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxProperties', 'minProperties',
  'required', 'properties', 'patternProperties', 'additionalProperties', 'dependencies', 'propertyNames',
  'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not',
];
const LATER_DRAFTS = [
  '$anchor', '$vocabulary', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor', 'deprecated',
  'dependentRequired', 'dependentSchemas', 'unevaluatedItems', 'unevaluatedProperties', 'prefixItems',
  'minContains', 'maxContains', 'contentSchema',
];
const KEYWORDS: Record<Dialect, Set<string>> = {
  'draft-07': new Set(DRAFT_07),
  '2019-09': new Set([...DRAFT_07, ...LATER_DRAFTS]),
  '2020-12': new Set([...DRAFT_07, ...LATER_DRAFTS]),
};

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SINGLE_SCHEMAS = [
  'items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
];

/** The dialect an expectation declares with `$schema` (draft-07 when it declares none); undefined when unsupported. */
export function detectDialect(schema: unknown): Dialect | undefined {
  const declared = (schema as { $schema?: unknown } | null)?.$schema;
  if (declared === undefined) return 'draft-07';
  if (typeof declared !== 'string') return undefined;
  if (/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/.test(declared)) return 'draft-07';
  if (/^https:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/.test(declared)) return '2019-09';
  if (/^https:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/.test(declared)) return '2020-12';
  return undefined;
}

/** Problems with keywords anywhere in `schema`; pointers are relative to `pointer`. */
export function findKeywordProblems(schema: unknown, dialect: Dialect, pointer = ''): Issue[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const known = KEYWORDS[dialect];
  const issues: Issue[] = [];
  const json = schema as Record<string, unknown>;
  for (const keyword of Object.keys(json)) {
    const at = appendPointer(pointer, keyword);
    if (keyword.startsWith('x-')) continue;
    if (!known.has(keyword)) {
      const meant = findLikelyMeant(keyword, [...known]);
      issues.push(problem(at, 'key', `unknown keyword "${keyword}": it would be ignored, so it could never fail`, meant && `did you mean "${meant}"?`));
    } else if (keyword === 'format') {
      issues.push(problem(at, 'key', '"format" is not checked by mqchaos (no format validators are loaded)', 'use "pattern" instead'));
    }
  }
  if (typeof json.pattern === 'string') issues.push(...checkPattern(json.pattern, appendPointer(pointer, 'pattern'), 'value'));
  for (const keyword of SCHEMA_MAPS) {
    const map = json[keyword];
    if (map === null || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [name, sub] of Object.entries(map)) {
      const at = appendPointer(pointer, keyword, name);
      if (keyword === 'patternProperties') issues.push(...checkPattern(name, at, 'key'));
      issues.push(...findKeywordProblems(sub, dialect, at));
    }
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = json[keyword];
    if (Array.isArray(list)) list.forEach((sub, index) => issues.push(...findKeywordProblems(sub, dialect, appendPointer(pointer, keyword, index))));
  }
  for (const keyword of SINGLE_SCHEMAS) issues.push(...findKeywordProblems(json[keyword], dialect, appendPointer(pointer, keyword)));
  return issues;
}

function checkPattern(pattern: string, pointer: string, at: 'key' | 'value'): Issue[] {
  try {
    new RegExp(pattern, 'u');
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return [problem(pointer, at, `invalid regular expression ${JSON.stringify(pattern)}: ${reason}`)];
  }
}

function problem(pointer: string, at: 'key' | 'value', message: string, hint?: string): Issue {
  return { code: 'MQC-SUITE-EXPECT-SCHEMA', pointer, at, message, ...(hint ? { hint } : {}) };
}

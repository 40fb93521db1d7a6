import type { ErrorObject } from 'ajv';
import type { DefinitionErrorCode, Issue } from './definition-error.ts';
import { appendPointer, isWithinPointer } from './json-pointer.ts';
import { checkName, findNameRuleByLabel } from './mq-names.ts';
import { findLikelyMeant } from './nearest-names.ts';

/**
 * Ajv's errors (from a validator compiled with `allErrors` and `verbose`) in plain words,
 * one issue per real problem: the alternatives of a oneOf/anyOf that are obviously the
 * wrong branch are dropped, wrapper errors (propertyNames) give way to the inner error.
 */
export interface DescribeOptions {
  /** Code of ordinary shape errors. */
  code: DefinitionErrorCode;
  /** Prefix for ajv's instance paths, when the validated data sits inside a larger file. */
  basePointer?: string;
}

type AjvError = ErrorObject & { propertyName?: string };

export function describeSchemaErrors(errors: readonly ErrorObject[], options: DescribeOptions): Issue[] {
  const issues = collapseAlternatives(errors as readonly AjvError[]).flatMap((error) => {
    const issue = describeError(error, options.code, options.basePointer ?? '');
    return issue === undefined ? [] : [issue];
  });
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code} ${issue.pointer} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Ajv reports a failed oneOf/anyOf after the errors of each alternative, which sit just
 * before it at or beneath the same instance path. Alternatives whose type does not even
 * match the data are the wrong branch; keep what the others say, or one summary.
 */
function collapseAlternatives(errors: readonly AjvError[]): AjvError[] {
  const kept: AjvError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      kept.push(error);
      continue;
    }
    const branch: AjvError[] = [];
    while (kept.length > 0 && isWithinPointer(kept[kept.length - 1]!.instancePath, error.instancePath)) branch.unshift(kept.pop()!);
    const relevant = branch.filter((inner) => inner.keyword !== 'type' || inner.instancePath !== error.instancePath);
    if (isChoiceOfFields(error) || relevant.length === 0) kept.push({ ...error, params: { ...error.params, branch } });
    else kept.push(...relevant);
  }
  return kept;
}

function describeError(error: AjvError, defaultCode: DefinitionErrorCode, base: string): Issue | undefined {
  const pointer = base + error.instancePath;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const params = error.params as Record<string, unknown>;
  const got = describeValue(error.data, pointer);
  const issue = (message: string, extra: Partial<Issue> = {}): Issue => ({ code: defaultCode, pointer, message, ...extra });
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      const meant = findLikelyMeant(field, known);
      return issue(`unknown field "${field}" (known: ${known.join(', ') || 'none'})`, {
        pointer: appendPointer(pointer, field),
        at: 'key',
        ...(meant === undefined ? {} : { hint: `did you mean "${meant}"?` }),
      });
    }
    case 'required': {
      const field = String(params.missingProperty);
      const description = ((parent.properties as Record<string, { description?: string }> | undefined)?.[field])?.description;
      return issue(`missing required field "${field}"`, description === undefined ? {} : { hint: `${field}: ${description}` });
    }
    case 'type':
      return issue(`must be ${wordTypes(String(params.type))}, got ${got}`);
    case 'enum':
      return issue(`must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}, got ${got}`);
    case 'const':
      return issue(`must be ${JSON.stringify(params.allowedValue)}, got ${got}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return issue(`must be ${BOUND_WORDS[error.keyword]} ${String(params.limit)}, got ${got}`);
    case 'minItems':
      return issue(`must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return issue(`must list at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'uniqueItems':
      return issue(`lists ${describeValue((error.data as unknown[])[Number(params.i)], pointer)} twice`, { pointer: appendPointer(pointer, Number(params.i)) });
    case 'minLength':
      return issue(params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`);
    case 'maxLength':
      return issue(`must be at most ${String(params.limit)} characters long`);
    case 'minProperties':
    case 'maxProperties':
      return describeFieldCount(error, parent, issue);
    case 'pattern':
      return describePattern(error, parent, pointer, defaultCode);
    case 'propertyNames':
      return undefined;
    case 'dependencies':
      return issue(`"${String(params.property)}" needs "${String(params.missingProperty)}" alongside it`, {
        pointer: appendPointer(pointer, String(params.property)),
        at: 'key',
      });
    case 'discriminator':
      return describeDiscriminator(error, pointer);
    case 'oneOf':
    case 'anyOf':
      return describeAlternatives(error, parent, issue);
    default:
      return issue(error.message ?? `does not satisfy ${error.keyword}`);
  }
}

const BOUND_WORDS: Record<string, string> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

function describeFieldCount(error: AjvError, parent: Record<string, unknown>, issue: (message: string) => Issue): Issue {
  const fields = Object.keys((parent.properties as object | undefined) ?? {});
  if (parent.minProperties === 1 && parent.maxProperties === 1 && fields.length > 0) {
    const present = Object.keys((error.data as object | null) ?? {});
    const given = present.length === 0 ? 'none given' : `got ${present.join(', ')}`;
    return issue(`must have exactly one of ${fields.join(', ')} (${given})`);
  }
  const limit = (error.params as { limit: number }).limit;
  const entries = `${limit} entr${limit === 1 ? 'y' : 'ies'}`;
  return issue(error.keyword === 'minProperties' ? `must have at least ${entries}` : `must have at most ${entries}`);
}

function describePattern(error: AjvError, parent: Record<string, unknown>, pointer: string, defaultCode: DefinitionErrorCode): Issue {
  const isKey = error.propertyName !== undefined;
  const value = isKey ? error.propertyName : error.data;
  const at = isKey ? appendPointer(pointer, String(error.propertyName)) : pointer;
  const rule = findNameRuleByLabel(parent.title);
  if (rule !== undefined) {
    return { code: 'MQC-SUITE-MQ-NAME', pointer: at, at: isKey ? 'key' : 'value', message: checkName(rule.kind, value) ?? `invalid ${rule.label}` };
  }
  const what = typeof parent.title === 'string' ? `a ${parent.title}` : `a string matching ${String(parent.pattern)}`;
  return { code: defaultCode, pointer: at, at: isKey ? 'key' : 'value', message: `must be ${what}, got ${describeValue(value, at)}` };
}

function describeDiscriminator(error: AjvError, pointer: string): Issue | undefined {
  const params = error.params as { error: string; tag: string; tagValue?: unknown };
  if (params.error !== 'mapping') {
    const present = error.data !== null && typeof error.data === 'object' && params.tag in (error.data as object);
    return present ? { code: 'MQC-SUITE-SCHEMA', pointer: appendPointer(pointer, params.tag), message: `${params.tag} must be a string` } : undefined;
  }
  const known = listBranchTags(error.parentSchema, params.tag);
  const meant = findLikelyMeant(String(params.tagValue), known);
  return {
    code: 'MQC-SUITE-UNKNOWN-FAULT',
    pointer: appendPointer(pointer, params.tag),
    message: `unknown fault ${JSON.stringify(params.tagValue)} (known: ${known.join(', ')})`,
    hint: `${meant === undefined ? '' : `did you mean "${meant}"? `}each fault kind has its parameter schema in suites/schemas/faults/<kind>.schema.json`,
  };
}

/** The discriminator values of a oneOf whose branches are `$ref`s to `faults/<kind>.schema.json`-style files or inline consts. */
function listBranchTags(parentSchema: unknown, tag: string): string[] {
  const branches = ((parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? []) as Record<string, unknown>[];
  return branches.map((branch) => {
    const inline = (branch.properties as Record<string, { const?: unknown }> | undefined)?.[tag]?.const;
    if (inline !== undefined) return String(inline);
    return String(branch.$ref ?? '').replace(/^.*\//, '').replace(/\.schema\.json$|\.json$/, '');
  });
}

function describeAlternatives(error: AjvError, parent: Record<string, unknown>, issue: (message: string) => Issue): Issue {
  const branch = ((error.params as { branch?: AjvError[] }).branch ?? []) as AjvError[];
  if (isChoiceOfFields(error)) {
    const fields = (parent[error.keyword] as { required: string[] }[]).map((alternative) => alternative.required.join(' + '));
    const passing = (error.params as { passingSchemas?: number[] | null }).passingSchemas;
    return issue(passing ? `must have only one of ${fields.join(', ')}, not several` : `must have one of ${fields.join(', ')}`);
  }
  const types = [...new Set(branch.filter((inner) => inner.keyword === 'type').flatMap((inner) => String(inner.params.type).split(',')))];
  if (types.length > 0) return issue(`must be ${wordTypes(types.join(','))}, got ${describeValue(error.data, error.instancePath)}`);
  return issue('does not match any of the allowed forms');
}

/** A oneOf/anyOf whose alternatives only require one field each: "one of env, keyFile". */
function isChoiceOfFields(error: AjvError): boolean {
  const alternatives = (error.parentSchema as Record<string, unknown> | undefined)?.[error.keyword];
  return (
    Array.isArray(alternatives) &&
    alternatives.every((alternative) => {
      const keys = Object.keys(alternative as object);
      return keys.length === 1 && keys[0] === 'required';
    })
  );
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

function wordTypes(types: string): string {
  return types
    .split(',')
    .map((type) => TYPE_WORDS[type] ?? type)
    .join(' or ');
}

/** The offending value in words; never the value itself beneath a credential, which might be a secret. */
function describeValue(value: unknown, pointer: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (pointer.includes('/credential')) return `a ${typeof value}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

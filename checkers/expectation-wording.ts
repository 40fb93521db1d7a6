import type { ErrorObject } from 'ajv';
import { lookupPath, readablePath } from './document-path.ts';

/**
 * One failed JSON Schema constraint in words, with the value that was observed:
 * "failover.instanceFailoverSeconds was 41.2, must be at most 30".
 */
export function wordFailure(error: ErrorObject, document: unknown): string {
  return `${subjectOf(error, document)}, ${requirementOf(error)}`;
}

/**
 * A failed anyOf/oneOf in words, from the errors of its alternatives:
 * "failover.newActiveHost was "mq1", must be "mq2" or be "mq3"".
 */
export function wordAlternatives(composite: ErrorObject, branches: readonly ErrorObject[], document: unknown): string {
  const sameSubject = branches.length > 0 && branches.every((branch) => branch.instancePath === composite.instancePath);
  if (!sameSubject) return wordFailure(composite, document);
  const requirements = [...new Set(branches.map((branch) => requirementOf(branch).replace(/^must /, '')))];
  return `${subjectOf(composite, document)}, must ${requirements.join(' or ')}`;
}

/** A value as it reads in a sentence: numbers bare, strings quoted, structures as short JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function subjectOf(error: ErrorObject, document: unknown): string {
  const path = readablePath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const { value } = lookupPath(document, error.instancePath);
  switch (error.keyword) {
    case 'required':
      return `${childPath(path, String(params.missingProperty))} is absent`;
    case 'additionalProperties':
      return `${childPath(path, String(params.additionalProperty))} is present`;
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'contains':
      return `${path} had ${Array.isArray(value) ? value.length : 0} items`;
    default:
      return `${path} was ${describeValue(value)}`;
  }
}

function requirementOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const limit = describeValue(params.limit);
  switch (error.keyword) {
    case 'maximum':
      return `must be at most ${limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${limit}`;
    case 'const':
      return `must be ${describeValue(params.allowedValue)}`;
    case 'enum':
      return `must be one of ${listValues(params.allowedValues)}`;
    case 'type':
      return `must be ${withArticles(String(params.type))}`;
    case 'multipleOf':
      return `must be a multiple of ${describeValue(params.multipleOf)}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'minItems':
      return `must have at least ${limit}`;
    case 'maxItems':
      return `must have at most ${limit}`;
    case 'minLength':
      return `must be at least ${limit} characters long`;
    case 'maxLength':
      return `must be at most ${limit} characters long`;
    case 'required':
      return 'must be present';
    case 'additionalProperties':
      return 'must not be';
    case 'uniqueItems':
      return `must not repeat an item (items ${String(params.j)} and ${String(params.i)} are equal)`;
    case 'contains':
      return 'must contain a matching item';
    case 'anyOf':
      return 'must match at least one of the allowed alternatives';
    case 'oneOf':
      return 'must match exactly one of the allowed alternatives';
    case 'not':
      return 'must not match the excluded schema';
    default:
      return error.message ? `${error.message} (rule "${error.keyword}")` : `must satisfy the rule "${error.keyword}"`;
  }
}

function childPath(parent: string, property: string): string {
  return parent === 'the result document' ? property : `${parent}.${property}`;
}

function listValues(values: unknown): string {
  if (!Array.isArray(values)) return describeValue(values);
  return values.map(describeValue).join(', ');
}

function withArticles(typeList: string): string {
  return typeList
    .split(',')
    .map((type) => (type === 'null' ? 'null' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`))
    .join(' or ');
}

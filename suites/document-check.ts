import type { ValidateFunction } from 'ajv';
import type { Issue } from './definition-error.ts';
import { findInlineSecrets } from './inline-secrets.ts';
import { isWithinPointer } from './json-pointer.ts';
import { describeSchemaErrors } from './schema-errors.ts';

/**
 * Every shape problem of a suite or estate document: inline secrets first, then what the
 * schema says, leaving out schema complaints about a node already reported as a secret
 * (`password:` is an inline secret, not merely an unknown field).
 */
export function checkDocumentShape(validate: ValidateFunction, data: unknown): Issue[] {
  const secrets = findInlineSecrets(data);
  const shape = validate(data) ? [] : describeSchemaErrors(validate.errors ?? [], { code: 'MQC-SUITE-SCHEMA' });
  const unrelated = shape.filter((issue) => !secrets.some((secret) => isWithinPointer(issue.pointer, secret.pointer)));
  return [...secrets, ...unrelated];
}

import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { detectDialect, type Dialect } from './expectation-keywords.ts';

/**
 * The one ajv set-up for expectations: the suite validator checks and compiles them with it,
 * the judge evaluates them with it, so an expectation that loads is judged as it was checked.
 * `verbose` keeps the failing schema and data on each error (for wording load errors).
 */
export function createExpectationAjv(dialect: Dialect, options: { verbose?: boolean } = {}): Ajv {
  const ajvOptions: Options = { allErrors: true, strict: false, allowUnionTypes: true, verbose: options.verbose ?? false };
  if (dialect === '2020-12') return new Ajv2020(ajvOptions);
  if (dialect === '2019-09') return new Ajv2019(ajvOptions);
  return new Ajv(ajvOptions);
}

/** The dialect an expectation's main schema declares (draft-07 when it declares none or one not supported). */
export function expectationDialect(schema: unknown): Dialect {
  return detectDialect(schema) ?? 'draft-07';
}

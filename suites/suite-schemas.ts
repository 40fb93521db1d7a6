import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import type { HostSpec, ObservationSpec } from './suite-model.ts';

/**
 * The published schemas of suites/schemas/ compiled once: suite.schema.json, the
 * estate.schema.json it refers to, and one parameter schema per fault kind. A new fault
 * kind is a new faults/<kind>.schema.json plus one `$ref` line in the suite schema's
 * `definitions.fault.oneOf`; everything here follows from that list.
 */
export interface SuiteSchemas {
  validateSuite: ValidateFunction;
  validateEstate: ValidateFunction;
  /** Fault kinds in the order the suite schema lists them, with each kind's parameter schema. */
  faults: Map<string, Record<string, unknown>>;
  /** Built-in observation settings: the `default`s of the schema's observation fields. */
  observationDefaults: ObservationSpec;
  /** Defaults of a host's fields (the SSH port). */
  hostDefaults: Partial<HostSpec>;
}

export const schemasDir = fileURLToPath(new URL('./schemas/', import.meta.url));

let compiled: SuiteSchemas | undefined;

export function loadSuiteSchemas(): SuiteSchemas {
  compiled ??= compileSuiteSchemas();
  return compiled;
}

type JsonObject = Record<string, unknown>;

function compileSuiteSchemas(): SuiteSchemas {
  const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true });
  const suite = readSchema('suite.schema.json');
  const estate = readSchema('estate.schema.json');
  const faults = new Map<string, JsonObject>();
  for (const file of listFaultSchemaFiles(suite)) {
    const schema = readSchema(file);
    const kind = ((schema.properties as Record<string, { const?: unknown }> | undefined)?.kind?.const);
    if (typeof kind !== 'string') throw new Error(`${file}: properties.kind.const must name the fault kind`);
    faults.set(kind, schema);
    ajv.addSchema(assignId(schema, file));
  }
  ajv.addSchema(assignId(estate, 'estate.schema.json'));
  const validateSuite = ajv.compile(assignId(suite, 'suite.schema.json'));
  const validateEstate = ajv.getSchema(idOf('estate.schema.json'))!;
  const definitions = (schema: JsonObject) => schema.definitions as Record<string, JsonObject>;
  return {
    validateSuite,
    validateEstate,
    faults,
    observationDefaults: readDefaults(definitions(suite).observation!) as unknown as ObservationSpec,
    hostDefaults: readDefaults(definitions(estate).host!) as Partial<HostSpec>,
  };
}

function listFaultSchemaFiles(suite: JsonObject): string[] {
  const fault = (suite.definitions as Record<string, { oneOf?: { $ref?: string }[] }>).fault;
  return (fault?.oneOf ?? []).map((branch) => {
    if (typeof branch.$ref !== 'string') throw new Error('suite.schema.json: every definitions.fault.oneOf entry must be a $ref');
    return branch.$ref;
  });
}

/** The `default` of each field a schema object declares. */
export function readDefaults(schema: JsonObject): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, field]) => field.default !== undefined)
      .map(([name, field]) => [name, field.default]),
  );
}

function readSchema(relativePath: string): JsonObject {
  return JSON.parse(readFileSync(join(schemasDir, relativePath), 'utf8')) as JsonObject;
}

/**
 * The published files carry no `$id`, so that editors resolve their relative `$ref`s against
 * where the file lies; ajv gets the file's URL as its id, which resolves them the same way.
 */
function assignId(schema: JsonObject, relativePath: string): JsonObject {
  return { ...schema, $id: idOf(relativePath) };
}

function idOf(relativePath: string): string {
  return pathToFileURL(join(schemasDir, relativePath)).href;
}


import { readFileSync } from 'node:fs';
import { buildCatalog, type MeasurementCatalog } from './result-measurements.ts';

const FACTS_SCHEMA_FILE = new URL('./schemas/conformance-facts.schema.json', import.meta.url);
let definitions: Record<string, unknown> | undefined;

/** The facts one conformance check reads (schemas/conformance-facts.schema.json): what its expectation may constrain. */
export function conformanceFactsCatalog(check: string): MeasurementCatalog {
  definitions ??= (JSON.parse(readFileSync(FACTS_SCHEMA_FILE, 'utf8')) as { definitions: Record<string, unknown> }).definitions;
  const schema = definitions[check];
  if (schema === undefined) throw new Error(`no facts schema for conformance check ${check}`);
  return buildCatalog(schema);
}

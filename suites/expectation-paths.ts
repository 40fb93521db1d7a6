import { appendPointer, lookupPointer } from './json-pointer.ts';
import type { ExpectationSpec } from './suite-model.ts';

/**
 * Which measurements an expectation (a JSON Schema over the result document) constrains.
 * The suite loader checks each against the result schema before a run; the expectation
 * judge treats a constrained measurement that was not taken as unknown, never a pass.
 */

/** A property name, a fixed array index, or any item of an array / any value of a map. */
export type PathStep = string | number | { each: 'item' | 'value' };

export interface Constraint {
  steps: PathStep[];
  /** As people read it: `failover.instanceFailoverSeconds`, `events[].kind`, `queues.*.peakDepth`. */
  path: string;
  /** `$id` of the schema that names the measurement; undefined for the main schema. */
  schemaId?: string;
  /** JSON pointer, within that schema, of where the measurement is named: `…/properties/<name>` or `…/required/<i>`. */
  pointer: string;
}

const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'format', 'maxItems', 'minItems', 'uniqueItems', 'contains',
  'minContains', 'maxContains', 'maxProperties', 'minProperties', 'dependentRequired',
]);
const SAME_PLACE = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'];
const EACH_ITEM = ['items', 'additionalItems', 'unevaluatedItems', 'contains'];
const EACH_VALUE = ['additionalProperties', 'unevaluatedProperties'];

type Json = Record<string, unknown>;

interface Place {
  /** Schema being walked, where `#` pointers resolve. */
  root: unknown;
  schemaId: string | undefined;
  /** Base URI for relative `$ref`s. */
  base: string | undefined;
  pointer: string;
  steps: PathStep[];
  namedAt: { schemaId: string | undefined; pointer: string } | undefined;
}

/** Every constrained measurement of `schema`, following `$ref`s into `schemas` (matched by `$id`). */
export function collectConstraints(schema: unknown, schemas: readonly unknown[] = []): Constraint[] {
  const byId = new Map<string, unknown>();
  for (const shared of schemas) {
    const id = (shared as Json | null)?.$id;
    if (typeof id === 'string') byId.set(stripFragment(id), shared);
  }
  const mainId = (schema as Json | null)?.$id;
  const found = new Map<string, Constraint>();
  const visited = new Set<string>();

  const emit = (place: Place): void => {
    if (place.steps.length === 0 || place.namedAt === undefined) return;
    const path = formatPathSteps(place.steps);
    const constraint: Constraint = { steps: place.steps, path, pointer: place.namedAt.pointer };
    if (place.namedAt.schemaId !== undefined) constraint.schemaId = place.namedAt.schemaId;
    found.set(`${path}\u0000${place.namedAt.schemaId ?? ''}\u0000${place.namedAt.pointer}`, constraint);
  };

  const walk = (node: unknown, place: Place): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || place.steps.length > 32) return;
    const key = `${place.schemaId ?? ''}|${place.pointer}|${formatPathSteps(place.steps)}`;
    if (visited.has(key)) return;
    visited.add(key);
    const json = node as Json;
    if (Object.keys(json).some((keyword) => ASSERTIONS.has(keyword))) emit(place);
    const into = (sub: unknown, tokens: (string | number)[], step?: PathStep, names = false): void => {
      const pointer = appendPointer(place.pointer, ...tokens);
      const steps = step === undefined ? place.steps : [...place.steps, step];
      const namedAt = names ? { schemaId: place.schemaId, pointer } : place.namedAt;
      walk(sub, { ...place, pointer, steps, namedAt });
    };
    forEachEntry(json.properties, (name, sub) => into(sub, ['properties', name], name, true));
    if (Array.isArray(json.required)) {
      json.required.forEach((name, index) => {
        if (typeof name !== 'string') return;
        const pointer = appendPointer(place.pointer, 'required', index);
        emit({ ...place, steps: [...place.steps, name], namedAt: { schemaId: place.schemaId, pointer } });
      });
    }
    for (const keyword of SAME_PLACE) {
      if (Array.isArray(json[keyword])) (json[keyword] as unknown[]).forEach((sub, index) => into(sub, [keyword, index]));
      else into(json[keyword], [keyword]);
    }
    forEachEntry(json.dependentSchemas, (name, sub) => into(sub, ['dependentSchemas', name]));
    forEachEntry(json.dependencies, (name, sub) => into(sub, ['dependencies', name]));
    for (const keyword of EACH_ITEM) {
      if (Array.isArray(json[keyword])) (json[keyword] as unknown[]).forEach((sub, index) => into(sub, [keyword, index], index));
      else into(json[keyword], [keyword], { each: 'item' });
    }
    if (Array.isArray(json.prefixItems)) json.prefixItems.forEach((sub, index) => into(sub, ['prefixItems', index], index));
    for (const keyword of EACH_VALUE) into(json[keyword], [keyword], { each: 'value' });
    forEachEntry(json.patternProperties, (pattern, sub) => into(sub, ['patternProperties', pattern], { each: 'value' }));
    if (typeof json.$ref === 'string') {
      const target = resolveReference(json.$ref, place, byId);
      if (target !== undefined) walk(target.node, { ...place, ...target });
    }
  };

  const base = typeof mainId === 'string' ? mainId : undefined;
  walk(schema, { root: schema, schemaId: undefined, base, pointer: '', steps: [], namedAt: undefined });
  return [...found.values()];
}

export function constrainedPaths(expectation: ExpectationSpec): string[];
export function constrainedPaths(schema: unknown, schemas: readonly unknown[]): string[];
/**
 * The measurements an expectation needs, as paths a result document can be looked up by
 * (`failover.instanceFailoverSeconds`, `events[0].at`). A constraint on every item of an
 * array or every value of a map needs the array or map itself.
 */
export function constrainedPaths(schemaOrSpec: unknown, schemas?: readonly unknown[]): string[] {
  const spec = schemas === undefined && isExpectationSpec(schemaOrSpec) ? schemaOrSpec : undefined;
  const constraints = spec ? collectConstraints(spec.schema, spec.schemas) : collectConstraints(schemaOrSpec, schemas ?? []);
  const paths = constraints.map((constraint) => {
    const open = constraint.steps.findIndex((step) => typeof step === 'object');
    return formatPathSteps(open === -1 ? constraint.steps : constraint.steps.slice(0, open));
  });
  return [...new Set(paths.filter((path) => path !== ''))];
}

export function formatPathSteps(steps: readonly PathStep[]): string {
  let text = '';
  for (const step of steps) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (typeof step === 'object') text += step.each === 'item' ? '[]' : text === '' ? '*' : '.*';
    else text += text === '' ? step : `.${step}`;
  }
  return text;
}

function resolveReference(ref: string, place: Place, byId: Map<string, unknown>): Pick<Place, 'root' | 'schemaId' | 'base' | 'pointer'> & { node: unknown } | undefined {
  const hash = ref.indexOf('#');
  const address = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
  let target = { root: place.root, schemaId: place.schemaId, base: place.base };
  if (address !== '') {
    const url = absoluteUrl(address, place.base);
    const root = url === undefined ? undefined : byId.get(url);
    if (root === undefined) return undefined;
    target = { root, schemaId: url, base: url };
  }
  const lookup = lookupPointer(target.root, fragment);
  return lookup.found ? { ...target, pointer: fragment, node: lookup.value } : undefined;
}

function absoluteUrl(address: string, base: string | undefined): string | undefined {
  try {
    return stripFragment(new URL(address, base).href);
  } catch {
    return undefined;
  }
}

function stripFragment(id: string): string {
  return id.replace(/#.*$/, '');
}

function forEachEntry(map: unknown, visit: (name: string, sub: unknown) => void): void {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
  for (const [name, sub] of Object.entries(map)) visit(name, sub);
}

function isExpectationSpec(value: unknown): value is ExpectationSpec {
  return value !== null && typeof value === 'object' && 'schema' in value && Array.isArray((value as { schemas?: unknown }).schemas);
}

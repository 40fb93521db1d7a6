import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPathSteps, type PathStep } from './expectation-paths.ts';
import { lookupPointer } from './json-pointer.ts';

/**
 * The measurements a scenario result document has, read from its schema
 * (schemas/result.schema.json): an expectation may only constrain these.
 */

export const defaultResultSchemaFile = fileURLToPath(new URL('./schemas/result.schema.json', import.meta.url));

interface CatalogNode {
  children: Map<string, CatalogNode>;
  /** Schema of every array item, when the node is an array. */
  item?: CatalogNode;
  /** Schema of every value, when the node is a map with free keys. */
  value?: CatalogNode;
  /** A free-form object: anything beneath it is allowed. */
  open: boolean;
}

export interface MeasurementCatalog {
  /** Every path of the document, as people read them (`failover.instanceFailoverSeconds`, `events[].kind`). */
  paths: string[];
  isKnown(steps: readonly PathStep[]): boolean;
}

const catalogs = new Map<string, MeasurementCatalog>();

export function readMeasurementCatalog(file: string = defaultResultSchemaFile): MeasurementCatalog {
  let catalog = catalogs.get(file);
  if (catalog === undefined) {
    catalog = buildCatalog(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    catalogs.set(file, catalog);
  }
  return catalog;
}

export function buildCatalog(resultSchema: unknown): MeasurementCatalog {
  const root = describeNode(resultSchema, resultSchema, new Set());
  return { paths: listPaths(root, []), isKnown: (steps) => isKnownPath(root, steps) };
}

type Json = Record<string, unknown>;

function describeNode(schema: unknown, root: unknown, resolving: Set<string>): CatalogNode {
  const node: CatalogNode = { children: new Map(), open: false };
  mergeInto(node, schema, root, resolving);
  return node;
}

function mergeInto(node: CatalogNode, schema: unknown, root: unknown, resolving: Set<string>): void {
  if (schema === null || typeof schema !== 'object') return;
  const json = schema as Json;
  if (typeof json.$ref === 'string' && json.$ref.startsWith('#') && !resolving.has(json.$ref)) {
    const target = lookupPointer(root, decodeURIComponent(json.$ref.slice(1)));
    if (target.found) mergeInto(node, target.value, root, new Set([...resolving, json.$ref]));
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(json[keyword])) for (const branch of json[keyword] as unknown[]) mergeInto(node, branch, root, resolving);
  }
  const properties = json.properties as Json | undefined;
  for (const [name, sub] of Object.entries(properties ?? {})) {
    const child = node.children.get(name) ?? { children: new Map(), open: false };
    mergeInto(child, sub, root, resolving);
    node.children.set(name, child);
  }
  if (json.items !== undefined && !Array.isArray(json.items)) {
    node.item ??= { children: new Map(), open: false };
    mergeInto(node.item, json.items, root, resolving);
  }
  if (json.additionalProperties !== undefined && typeof json.additionalProperties === 'object') {
    node.value ??= { children: new Map(), open: false };
    mergeInto(node.value, json.additionalProperties, root, resolving);
  }
  const freeForm = json.additionalProperties === undefined || json.additionalProperties === true;
  if (allowsObject(json) && properties === undefined && freeForm && json.$ref === undefined) node.open = true;
}

function allowsObject(json: Json): boolean {
  const type = json.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object'));
}

function isKnownPath(root: CatalogNode, steps: readonly PathStep[]): boolean {
  let node: CatalogNode | undefined = root;
  for (const step of steps) {
    if (node === undefined) return false;
    if (node.open) return true;
    if (typeof step === 'string') node = node.children.get(step) ?? node.value;
    else if (typeof step === 'number' || step.each === 'item') node = node.item;
    else node = node.value;
  }
  return node !== undefined;
}

function listPaths(node: CatalogNode, prefix: PathStep[]): string[] {
  const paths: string[] = [];
  const visit = (child: CatalogNode, steps: PathStep[]): void => {
    paths.push(formatPathSteps(steps), ...listPaths(child, steps));
  };
  for (const [name, child] of node.children) visit(child, [...prefix, name]);
  if (node.item) visit(node.item, [...prefix, { each: 'item' }]);
  if (node.value) visit(node.value, [...prefix, { each: 'value' }]);
  return paths;
}

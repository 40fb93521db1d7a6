import { readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath, placeIssue, type DefinitionError, type Issue } from './definition-error.ts';
import { appendPointer, lookupPointer } from './json-pointer.ts';
import { describeUnparsed, readSource, type SourceDocument, type SourceRead } from './yaml-source.ts';

/**
 * An expectation made self-contained: the schema written in the suite plus every shared
 * schema file it reaches through `$ref`, each given its file URL as `$id` (so the relative
 * `$ref`s inside them keep resolving). A stored copy can be judged without the suite's files.
 */
export interface BundledExpectation {
  schema: Record<string, unknown>;
  schemas: Record<string, unknown>[];
  /** Where each schema was written, by `$id` (undefined: the main schema, inside the suite). */
  origins: Map<string | undefined, SchemaOrigin>;
}

export interface SchemaOrigin {
  source: SourceDocument;
  /** Pointer of the schema within its source (the scenario's `expect` for the main schema). */
  pointer: string;
}

/** Shared reads of expectation files, so a file used by several scenarios is read once. */
export type SourceCache = Map<string, Promise<SourceRead>>;

type Json = Record<string, unknown>;

interface Pending {
  id: string | undefined;
  data: unknown;
  origin: SchemaOrigin;
}

/** `cwd`: folder that file names in messages are shown relative to. */
export async function bundleExpectation(
  suite: SourceDocument,
  expectPointer: string,
  cache: SourceCache,
  cwd: string,
): Promise<{ bundle?: BundledExpectation; errors: DefinitionError[] }> {
  const main = lookupPointer(suite.data, expectPointer);
  const pending: Pending[] = [{ id: undefined, data: main.found ? main.value : {}, origin: { source: suite, pointer: expectPointer } }];
  const shared = new Map<string, Json>();
  const rewrites = new Map<string, string>();
  const errors: DefinitionError[] = [];
  for (let index = 0; index < pending.length; index++) {
    const { id, data, origin } = pending[index]!;
    for (const { ref, pointer } of findReferences(data, '')) {
      const refPointer = appendPointer(origin.pointer + pointer, '$ref');
      const blame = (issue: Omit<Issue, 'pointer'>): void => void errors.push(placeIssue(origin.source, { ...issue, pointer: refPointer }));
      const hash = ref.indexOf('#');
      const address = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
      if (fragment !== '' && !fragment.startsWith('/')) {
        blame(refProblem(`"${ref}": the part after # must be a JSON pointer such as #/definitions/failover`));
        continue;
      }
      if (address === '') {
        if (!lookupPointer(data, fragment).found) blame(refProblem(`nothing at #${fragment} in this schema`));
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(address)) {
        blame(refProblem(`"${ref}" is not a file path: an expectation may only refer to files, by a path relative to the file it is written in (nothing is fetched)`));
        continue;
      }
      const file = resolve(dirname(origin.source.file), decodeURI(address));
      const url = pathToFileURL(file).href;
      const read = await readCached(file, cache);
      if (read.status === 'unreadable') {
        const known = await listSchemaFiles(dirname(file));
        blame({ ...refProblem(`cannot read expectation file ${displayPath(file, cwd)}: ${read.reason}`), ...(known.length > 0 ? { hint: `files there: ${known.join(', ')}` } : {}) });
        continue;
      }
      if (read.status === 'malformed') {
        if (!shared.has(url)) errors.push(...describeUnparsed(file, read, 'expectation file'));
        shared.set(url, {});
        continue;
      }
      const target = read.source.data;
      if (!shared.has(url)) {
        if (target === null || typeof target !== 'object' || Array.isArray(target)) {
          errors.push(placeIssue(read.source, { code: 'MQC-SUITE-EXPECT-SCHEMA', pointer: '', message: 'an expectation file must hold a JSON Schema object' }));
          shared.set(url, {});
          continue;
        }
        shared.set(url, target as Json);
        pending.push({ id: url, data: target, origin: { source: read.source, pointer: '' } });
      }
      const found = lookupPointer(target, fragment);
      if (!found.found) {
        const fields = target !== null && typeof target === 'object' ? Object.keys(target).join(', ') : '';
        blame({ ...refProblem(`${address} has nothing at #${fragment}`), ...(fields ? { hint: `its top-level fields: ${fields}` } : {}) });
        continue;
      }
      if (id === undefined) rewrites.set(pointer, hash === -1 ? url : `${url}#${encodeURI(fragment)}`);
    }
  }
  if (errors.length > 0) return { errors };
  const origins = new Map<string | undefined, SchemaOrigin>(pending.map((item) => [item.id, item.origin]));
  return {
    bundle: {
      schema: rewriteReferences(pending[0]!.data, '', rewrites) as Json,
      schemas: [...shared].map(([url, schema]) => ({ ...schema, $id: url })),
      origins,
    },
    errors,
  };
}

function refProblem(message: string): Omit<Issue, 'pointer'> {
  return { code: 'MQC-SUITE-EXPECT-REF', message };
}

function readCached(file: string, cache: SourceCache): Promise<SourceRead> {
  let read = cache.get(file);
  if (read === undefined) {
    read = readSource(file);
    cache.set(file, read);
  }
  return read;
}

/** Every `$ref` string in the schema, with the pointer of the object holding it. Values of `const`, `enum`, `default` and `examples` are data, not schemas. */
function findReferences(node: unknown, pointer: string): { ref: string; pointer: string }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => findReferences(item, appendPointer(pointer, index)));
  const found: { ref: string; pointer: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push({ ref: value, pointer });
    else if (!DATA_KEYWORDS.has(key)) found.push(...findReferences(value, appendPointer(pointer, key)));
  }
  return found;
}

const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

function rewriteReferences(node: unknown, pointer: string, rewrites: Map<string, string>): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item, index) => rewriteReferences(item, appendPointer(pointer, index), rewrites));
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === '$ref' && rewrites.has(pointer)) return [key, rewrites.get(pointer)];
      if (DATA_KEYWORDS.has(key)) return [key, structuredClone(value)];
      return [key, rewriteReferences(value, appendPointer(pointer, key), rewrites)];
    }),
  );
}

async function listSchemaFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();
  } catch {
    return [];
  }
}

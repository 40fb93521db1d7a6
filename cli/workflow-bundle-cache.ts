import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The workflow bundle cached on disk, keyed by a hash of what goes into it: the source of
 * every module the workflows import (followed from the entry file through relative imports),
 * and the versions of the Temporal workflow runtime and Node. Bundling takes seconds; a warm
 * start reads the cached code instead (Worker.create accepts `workflowBundle: { code }`).
 */

/** `import`/`export … from` specifiers of a module; `import type` lines bring in nothing at run time. */
const IMPORT_SPECIFIER = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The relative modules `entry` reaches, itself included, sorted. */
export function workflowSourceFiles(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT_SPECIFIER)) {
      const specifier = match[1]!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (existsSync(target)) pending.push(target);
    }
  }
  return [...seen].sort();
}

/** The cache key of the bundle built from `entry`. */
export function workflowBundleKey(entry: string): string {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const name of ['@temporalio/workflow', '@temporalio/worker']) {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}\n`);
  }
  hash.update(`node ${process.version}\n`);
  for (const file of workflowSourceFiles(entry)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(file));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The bundle's code from `cacheDirectory` when a bundle with this key is there; otherwise
 * built by `build` and stored (written whole, then renamed, so a reader never sees half).
 */
export async function cachedWorkflowBundle(
  entry: string,
  cacheDirectory: string,
  build: () => Promise<{ code: string }>,
): Promise<{ code: string; cached: boolean; file: string }> {
  const file = join(cacheDirectory, `workflows-${workflowBundleKey(entry)}.js`);
  if (existsSync(file)) return { code: readFileSync(file, 'utf8'), cached: true, file };
  const { code } = await build();
  mkdirSync(cacheDirectory, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, file);
  return { code, cached: false, file };
}

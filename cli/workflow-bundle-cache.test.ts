import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedWorkflowBundle, workflowBundleKey, workflowSourceFiles } from './workflow-bundle-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqchaos-bundle-cache-'));
  mkdirSync(join(dir, 'workflows'));
  mkdirSync(join(dir, 'checkers'));
  writeFileSync(join(dir, 'workflows', 'index.ts'), "export { run } from './run.ts';\n");
  writeFileSync(
    join(dir, 'workflows', 'run.ts'),
    [
      "import { sleep } from '@temporalio/workflow';",
      "import type { Shape } from '../checkers/shape.ts';",
      "import { judge } from '../checkers/judge.ts';",
      'export async function run(s: Shape) { await sleep(1); return judge(s); }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'checkers', 'judge.ts'), 'export const judge = (s: unknown) => s;\n');
  writeFileSync(join(dir, 'checkers', 'shape.ts'), 'export interface Shape { a: number }\n');
  writeFileSync(join(dir, 'checkers', 'unrelated.ts'), 'export const x = 1;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = () => join(dir, 'workflows', 'index.ts');
const keyFrom = (): string => workflowBundleKey(entry());

describe('workflow bundle cache', () => {
  it('follows relative value imports, not packages or type-only imports', () => {
    expect(workflowSourceFiles(entry()).map((file) => file.slice(dir.length + 1))).toEqual(['checkers/judge.ts', 'workflows/index.ts', 'workflows/run.ts']);
  });

  it('keys the bundle by the sources it is built from', () => {
    const before = keyFrom();
    writeFileSync(join(dir, 'checkers', 'unrelated.ts'), 'export const x = 2;\n');
    expect(keyFrom()).toBe(before);
    writeFileSync(join(dir, 'checkers', 'judge.ts'), 'export const judge = (s: unknown) => [s];\n');
    expect(keyFrom()).not.toBe(before);
  });

  it('builds once per key and reads the cached code after', async () => {
    const cache = join(dir, 'cache');
    let builds = 0;
    const build = async () => ({ code: `// build ${++builds}` });
    const first = await cachedWorkflowBundle(entry(), cache, build);
    const second = await cachedWorkflowBundle(entry(), cache, build);
    expect([first.cached, second.cached, second.code, builds]).toEqual([false, true, '// build 1', 1]);
    writeFileSync(join(dir, 'workflows', 'run.ts'), 'export const run = () => 2;\n');
    const rebuilt = await cachedWorkflowBundle(entry(), cache, build);
    expect([rebuilt.cached, rebuilt.code, builds]).toEqual([false, '// build 2', 2]);
  });
});

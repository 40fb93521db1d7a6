import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExpectationFile } from './load-expectation-file.ts';

describe('loadExpectationFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mqchaos-expect-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loadExpectationFile - a JSON Schema over known measurements loads, with its file as source', async () => {
    const file = join(dir, 'stricter.json');
    await writeFile(file, JSON.stringify({ properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 5 } } } } }, null, 2));
    const loaded = await loadExpectationFile(file, { cwd: dir });
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.expect.source).toBe('stricter.json:1');
  });

  it('loadExpectationFile - an unknown measurement is refused, naming file, line and field', async () => {
    const file = join(dir, 'typo.json');
    await writeFile(file, JSON.stringify({ properties: { failover: { properties: { instanceFailoverSecs: { maximum: 5 } } } } }, null, 2));
    const loaded = await loadExpectationFile(file, { cwd: dir });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.errors[0]).toMatchObject({ file, line: 5 });
      expect(loaded.errors[0]!.message).toContain('unknown measurement "failover.instanceFailoverSecs"');
    }
  });

  it('loadExpectationFile - a file that is not JSON or YAML is refused with its position', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "properties": ');
    const loaded = await loadExpectationFile(file, { cwd: dir });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatchObject({ file, code: 'MQC-SUITE-YAML' });
  });
});

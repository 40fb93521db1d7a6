import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { InvalidResultError } from './result-validation.ts';
import { fixtureResult } from '../test/support/run-fixtures.ts';
import { writeRunReport } from './write-run-report.ts';

describe('writeRunReport', () => {
  let runDir: string;
  beforeEach(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'mqchaos-report-'));
  });
  afterEach(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

  it('writeRunReport - writes result.json, junit.xml and index.html', async () => {
    const result = fixtureResult();
    const files = await writeRunReport(runDir, result);
    expect((await readdir(runDir)).sort()).toEqual(['index.html', 'junit.xml', 'result.json']);
    expect(JSON.parse(await readFile(files.result, 'utf8'))).toEqual(result);
    expect(await readFile(files.html, 'utf8')).toContain('failover.instanceFailoverSeconds was 2.3, must be at most 1');
    expect(await readFile(files.junit, 'utf8')).toContain('<testsuite name="multi-instance"');
  });

  it('writeRunReport - an invalid result is refused with every problem in words and nothing written', async () => {
    const result = fixtureResult();
    const broken = {
      ...result,
      verdict: 'green',
      scenarios: [{ ...result.scenarios[0]!, failover: { ...result.scenarios[0]!.failover, instanceFailoverSeconds: -1 } }],
    } as unknown as SuiteResult;
    const attempt = writeRunReport(runDir, broken);
    await expect(attempt).rejects.toBeInstanceOf(InvalidResultError);
    await expect(writeRunReport(runDir, broken)).rejects.toThrow(
      /does not match suites\/schemas\/result\.schema\.json:\n {2}verdict was "green", must be one of "pass", "fail", "unknown"\n {2}scenarios\[0\]\.failover\.instanceFailoverSeconds was -1, must be at least 0/,
    );
    expect(await readdir(runDir)).toEqual([]);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { analyzeRun } from './analyze-run.ts';
import { fixtureRecordings, fixtureResult, fixtureSuite } from './run-fixtures.ts';
import { scenarioRecordingDir, writeScenarioRecording } from './scenario-recording-files.ts';

describe('analyzeRun', () => {
  let runDir: string;
  beforeEach(async () => {
    runDir = join(await mkdtemp(join(tmpdir(), 'mqchaos-run-')), 'run-20261121-1000');
  });
  afterEach(async () => {
    await rm(join(runDir, '..'), { recursive: true, force: true });
  });

  async function storeRun(recordings = fixtureRecordings()): Promise<void> {
    for (const recording of recordings) {
      await writeScenarioRecording(scenarioRecordingDir(runDir, recording.scenario), recording);
    }
    await writeFile(join(runDir, 'suite.json'), JSON.stringify(fixtureSuite(), null, 2));
  }

  it('analyzeRun - judging a stored run again gives the original judgement', async () => {
    await storeRun();
    const original = fixtureResult();
    const again = await analyzeRun(runDir);
    expect(again).toEqual(original);
    expect(exitCodeFor(again)).toBe(1);
  });

  it('analyzeRun - rewrites the report files from the stored run', async () => {
    await storeRun();
    await analyzeRun(runDir);
    expect(JSON.parse(await readFile(join(runDir, 'result.json'), 'utf8'))).toEqual(fixtureResult());
    expect(await readFile(join(runDir, 'index.html'), 'utf8')).toContain('<svg');
    expect(await readFile(join(runDir, 'junit.xml'), 'utf8')).toContain('<testcase');
  });

  it('analyzeRun - a scenario with no folder did not run', async () => {
    await storeRun(fixtureRecordings().slice(0, 2));
    const result = await analyzeRun(runDir);
    expect(result.scenarios[2]).toMatchObject({ scenario: 'standby-stuck', harnessStatus: 'not-run', verdict: 'unknown' });
  });

  it('analyzeRun - a scenario cut off before its recording was written has unknown recovery', async () => {
    await storeRun(fixtureRecordings().slice(0, 2));
    const cutOff = scenarioRecordingDir(runDir, 'standby-stuck');
    await writeScenarioRecording(cutOff, fixtureRecordings()[2]!);
    await rm(join(cutOff, 'recording.json'));
    const result = await analyzeRun(runDir);
    expect(result.scenarios[2]).toMatchObject({ harnessStatus: 'failed', verdict: 'unknown', recovery: { ok: false } });
    expect(result.estateDirty).toBe(true);
    expect(exitCodeFor(result)).toBe(3);
  });

  it('analyzeRun - a folder without suite.json is not a run', async () => {
    await expect(analyzeRun(runDir)).rejects.toThrow(`${join(runDir, 'suite.json')} is missing: ${runDir} is not an mqchaos run folder`);
  });
});

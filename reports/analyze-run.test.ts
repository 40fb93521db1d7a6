import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../checkers/exit-code.ts';
import { writeScenarioResult } from '../records/result-files.ts';
import { analyzeRun, reportRun } from './analyze-run.ts';
import { fixtureRecordings, fixtureResult, fixtureSuite } from '../test/support/run-fixtures.ts';
import { scenarioFolder as scenarioRecordingDir } from '../records/run-layout.ts';
import { writeScenarioRecording } from '../records/scenario-recording-files.ts';

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
    expect(await readFile(join(runDir, 'index.html'), 'utf8')).toContain('<canvas id="instances-kill-active" data-chart');
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

/** The fixture run stored in a fresh folder, removed after each test. */
function useStoredFixtureRun(name: string): () => string {
  let runDir = '';
  beforeEach(async () => {
    runDir = join(await mkdtemp(join(tmpdir(), 'mqchaos-run-')), name);
    for (const recording of fixtureRecordings()) await writeScenarioRecording(scenarioRecordingDir(runDir, recording.scenario), recording);
    await writeFile(join(runDir, 'suite.json'), JSON.stringify(fixtureSuite(), null, 2));
  });
  afterEach(async () => {
    await rm(join(runDir, '..'), { recursive: true, force: true });
  });
  return () => runDir;
}

describe('analyzeRun with other expectations', () => {
  const stored = useStoredFixtureRun('run-20261121-1100');

  const within = (seconds: number) => ({
    schema: { type: 'object', properties: { failover: { type: 'object', properties: { instanceFailoverSeconds: { type: 'number', maximum: seconds } } } } },
    schemas: [],
    source: 'stricter.json:1',
  });

  it('analyzeRun - a tightened threshold turns the passed scenario into a failed one, worded; nothing is written', async () => {
    const result = await analyzeRun(stored(), { expect: within(0.5) });
    expect(result.scenarios[0]!.verdict).toBe('fail');
    expect(result.scenarios[0]!.expectation.failures.join('\n')).toMatch(/failover\.instanceFailoverSeconds was [\d.]+, must be at most 0\.5/);
    expect(result.scenarios[0]!.expectation.source).toBe('stricter.json:1');
    expect(exitCodeFor(result)).toBe(1);
    await expect(readFile(join(stored(), 'result.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('analyzeRun - a looser threshold lets the strict scenario pass', async () => {
    const result = await analyzeRun(stored(), { expect: within(30) });
    expect(result.scenarios.slice(0, 2).map((scenario) => scenario.verdict)).toEqual(['pass', 'pass']);
  });
});

describe('reportRun', () => {
  const stored = useStoredFixtureRun('run-20261121-1000');

  it('reportRun - assembles the scenarios\' stored results as they were judged, without judging them again', async () => {
    const judged = fixtureResult().scenarios;
    // A stored judgement the recording alone would not give: the report must take it as it is.
    const storedResult = { ...judged[0]!, verdict: 'fail' as const, expectation: { ...judged[0]!.expectation, verdict: 'fail' as const, failures: ['judged where it was recorded'] } };
    await writeScenarioResult(scenarioRecordingDir(stored(), storedResult.scenario), storedResult);
    const result = await reportRun(stored());
    expect(result.scenarios[0]).toEqual(storedResult);
    expect(JSON.parse(await readFile(join(stored(), 'result.json'), 'utf8')).scenarios[0].expectation.failures).toEqual(['judged where it was recorded']);
  });

  it('reportRun - scenarios without a stored result are judged from their folders, as analyze judges them', async () => {
    const result = await reportRun(stored());
    expect(result).toEqual(fixtureResult());
  });

  it('reportRun - a result carried from a lost worker is stored in the run folder and assembled', async () => {
    const carried = { ...fixtureResult().scenarios[2]!, verdict: 'unknown' as const };
    await reportRun(stored(), [carried]);
    expect(JSON.parse(await readFile(join(scenarioRecordingDir(stored(), carried.scenario), 'result.json'), 'utf8'))).toEqual(carried);
  });
});

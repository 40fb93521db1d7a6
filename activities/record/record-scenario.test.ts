import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeScenario } from '../../checkers/judge-scenario.ts';
import { recordEvents } from '../../records/event-log.ts';
import { appendJsonLines } from '../../records/json-lines.ts';
import { samplesFile, scenarioFolder } from '../../records/run-layout.ts';
import { fixtureRecordings, fixtureSuite } from '../../test/support/run-fixtures.ts';
import { recordScenario, recordScenarioNotRun } from './record-scenario.ts';

describe('recordScenario', () => {
  let runDir: string;
  beforeEach(async () => {
    runDir = join(await mkdtemp(join(tmpdir(), 'mqchaos-record-')), 'run-1');
  });
  afterEach(async () => {
    await rm(join(runDir, '..'), { recursive: true, force: true });
  });

  it('recordScenario - judges once where it records: result.json beside the recording, its summary returned', async () => {
    const [recording] = fixtureRecordings();
    const spec = fixtureSuite().scenarios[0]!;
    const dir = scenarioFolder(runDir, spec.name);
    await appendJsonLines(samplesFile(dir), recording!.samples);
    await recordEvents(dir, recording!.events);
    const { samples: _samples, events: _events, ...header } = recording!;
    const outcome = await recordScenario({ runDir, scenario: spec, recording: header, steps: [] });
    const stored = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(stored).toEqual(judgeScenario(recording!, spec));
    expect(outcome).toMatchObject({ scenario: spec.name, verdict: stored.verdict, recoveryOk: true, failures: stored.expectation.failures });
  });

  it('recordScenarioNotRun - a scenario not started is judged unknown and its result stored', async () => {
    const suite = fixtureSuite();
    const spec = suite.scenarios[1]!;
    const outcome = await recordScenarioNotRun({ runId: 'run-1', suite: suite.name, runDir, scenario: spec, estate: suite.estate }, 'an earlier scenario left the estate dirty');
    expect(outcome.verdict).toBe('unknown');
    const stored = JSON.parse(await readFile(join(scenarioFolder(runDir, spec.name), 'result.json'), 'utf8'));
    expect(stored).toMatchObject({ harnessStatus: 'not-run', verdict: 'unknown' });
  });
});

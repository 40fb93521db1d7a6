import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { instanceRolesAt, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import type { SuiteDefinition } from '../suites/suite-model.ts';
import { progressQuery, runScenario, runSuite } from '../workflows/index.ts';
import type { SuiteOutcome } from '../records/run-contracts.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';

let harness: LabHarness;
beforeAll(async () => {
  harness = await startLabHarness();
});
afterAll(async () => {
  await harness?.stop();
});

async function runSuiteFile(suite: SuiteDefinition): Promise<{ outcome: SuiteOutcome; result: SuiteResult; truthFrom: number }> {
  const { runsDir, runId, runDir } = harness.newRun();
  const truthFrom = Date.now();
  const outcome = await harness.client.workflow.execute(runSuite, {
    taskQueue: harness.taskQueue,
    workflowId: `it-${runId}`,
    args: [{ runId, runsDir, suite: { ...suite, estate: harness.estate } }],
  });
  const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult;
  return { outcome, result, truthFrom };
}

/** What really happened to QM1 after `fromMs`: the kill and the other instance becoming active. */
function truthFailover(events: TruthEvent[], fromMs: number) {
  const kill = events.find((e) => e.event === 'process-killed' && e.t >= fromMs);
  if (!kill || kill.event !== 'process-killed') throw new Error('truth log has no kill');
  const active = events.find(
    (e): e is Extract<TruthEvent, { event: 'instance-state' }> =>
      e.event === 'instance-state' && e.qm === 'QM1' && e.to === 'active' && e.host !== kill.host && e.t >= kill.t,
  );
  if (!active) throw new Error('truth log has no takeover');
  return { killedAt: kill.t, activeAt: active.t, seconds: (active.t - kill.t) / 1000, newActive: active.host };
}

describe('kill-active on a real Temporal server and the lab', () => {
  it('kill-active - passes, measures failover within one probe interval of the truth log, and leaves one active and one standby', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active.yaml');
    const { outcome, result, truthFrom } = await runSuiteFile(suite);
    const scenario = result.scenarios[0]!;
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);

    const truth = readTruthLog(harness.lab.truthLogFile);
    const real = truthFailover(truth, truthFrom);
    const measured = scenario.failover.instanceFailoverSeconds!;
    const probeSeconds = scenario.failover.probeIntervalMs / 1000;
    expect(Math.abs(measured - real.seconds)).toBeLessThanOrEqual(probeSeconds);
    expect(scenario.failover.newActiveHost).toBe(real.newActive);

    const roles = instanceRolesAt(truth, 'QM1');
    expect(roles.active).toHaveLength(1);
    expect(roles.standby).toHaveLength(1);
  });

  it('kill-active - a too-strict expectation fails with the worded message and exit code 1', async () => {
    const suite = await loadTestSuite('test/suites/mi-kill-active-strict.yaml');
    const { outcome, result } = await runSuiteFile(suite);
    const scenario = result.scenarios[0]!;
    expect(scenario.verdict).toBe('fail');
    expect(outcome.exitCode).toBe(1);
    const measured = scenario.failover.instanceFailoverSeconds!;
    expect(scenario.expectation.failures).toEqual([
      `failover.instanceFailoverSeconds was ${measured}, must be at most 0.5`,
    ]);
    const roles = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1');
    expect(roles).toMatchObject({ active: [expect.any(String)], standby: [expect.any(String)] });
  });

  it('kill-active - cancelling the scenario mid-fault still restores the estate', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active.yaml');
    const { runDir } = harness.newRun();
    const startedAt = Date.now();
    const handle = await harness.client.workflow.start(runScenario, {
      taskQueue: harness.taskQueue,
      workflowId: `it-cancel-${Date.now()}`,
      args: [{ runId: 'it-cancel', runDir, suite: suite.name, scenario: suite.scenarios[0]!, estate: harness.estate }],
    });
    for (let polls = 0; polls < 300; polls++) {
      const progress = await handle.query(progressQuery);
      if (progress.faultInjected) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await handle.cancel();
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);

    const truth = readTruthLog(harness.lab.truthLogFile);
    expect(truth.some((e) => e.event === 'process-killed' && e.t >= startedAt)).toBe(true);
    const roles = instanceRolesAt(truth, 'QM1');
    expect(roles.active).toHaveLength(1);
    expect(roles.standby).toHaveLength(1);
    const recording = JSON.parse(readFileSync(join(runDir, 'scenarios', suite.scenarios[0]!.name, 'recording.json'), 'utf8'));
    expect(recording.harnessStatus).toBe('aborted');
    expect(recording.recovery.ok).toBe(true);
  });

  it('analyze --expect - a passed stored run judged against a stricter expectation fails with exit 1 and worded failures; the estate is not touched', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active.yaml');
    const { result } = await runSuiteFile(suite);
    expect(result.verdict).toBe('pass');
    const { runsDir } = harness.newRun();
    const runDir = join(runsDir, result.runId);
    const storedBefore = readFileSync(join(runDir, 'result.json'), 'utf8');
    const stricter = join(runsDir, `${result.runId}-stricter.json`);
    writeFileSync(stricter, JSON.stringify({ properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 0.001 } } } } }, null, 2));

    const analyzeFrom = Date.now();
    const analyzed = spawnSync(process.execPath, [join(packageRoot, 'bin', 'mqchaos.js'), 'analyze', runDir, '--expect', stricter], { encoding: 'utf8', timeout: 60_000 });
    const analyzeTo = Date.now();
    expect(analyzed.status, analyzed.stderr).toBe(1);
    expect(analyzed.stdout).toMatch(/failover\.instanceFailoverSeconds was [\d.]+, must be at most 0\.001/);
    // Offline: no command reached the estate while analyze ran, and the stored judgement stays.
    const touching = new Set(['command', 'process-killed', 'rule-added', 'rule-removed', 'link-state']);
    expect(readTruthLog(harness.lab.truthLogFile).filter((e) => e.t >= analyzeFrom && e.t <= analyzeTo && touching.has(e.event))).toEqual([]);
    expect(readFileSync(join(runDir, 'result.json'), 'utf8')).toBe(storedBefore);
  });
});

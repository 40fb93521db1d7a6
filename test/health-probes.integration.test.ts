import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import type { HealthAttempt } from '../checkers/health-attempts.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import { filterEvents, instanceRolesAt, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import { readScenarioRecording } from '../records/scenario-recording-files.ts';
import type { HealthCheckSpec, ScenarioSpec, SuiteDefinition } from '../suites/suite-model.ts';
import { runSuite } from '../workflows/index.ts';
import type { SuiteOutcome } from '../records/run-contracts.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';

/**
 * The MQI health checks (PUT/GET on a DEFPSIST(YES) test queue, client connection) through
 * the real ibmmq package and the lab's stand-in client library, timed against the lab's
 * truth: the PUT/GET test is healthy again when the new active's listener starts, the client
 * connection when the instance becomes active (their listener opens with it).
 */

let harness: LabHarness;
const ssh = new SshPool();
beforeAll(async () => {
  harness = await startLabHarness('fast');
});
afterAll(async () => {
  await ssh.closeAll();
  await harness?.stop();
});

interface HealthRun {
  outcome: SuiteOutcome;
  scenario: ScenarioResult;
  truth: TruthEvent[];
  attempts: HealthAttempt[];
}

async function runScenario(suite: SuiteDefinition, name: string, change: (spec: ScenarioSpec) => ScenarioSpec = (spec) => spec): Promise<HealthRun> {
  const { runsDir, runId, runDir } = harness.newRun();
  const scenario = change(suite.scenarios.find((spec) => spec.name === name)!);
  const truthFrom = Date.now();
  const outcome = await harness.client.workflow.execute(runSuite, {
    taskQueue: harness.taskQueue,
    workflowId: `it-${runId}`,
    args: [{ runId, runsDir, suite: { ...suite, scenarios: [scenario], estate: harness.estate } }],
  });
  const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult;
  const recording = await readScenarioRecording(join(runDir, 'scenarios', scenario.name));
  return { outcome, scenario: result.scenarios[0]!, truth: readTruthLog(harness.lab.truthLogFile).filter((e) => e.t >= truthFrom), attempts: recording.health ?? [] };
}

/** runmqsc on QM1's active host, MQSC on standard input. */
async function runMqscOnActive(mqsc: string): Promise<string> {
  const active = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1').active[0]!;
  return (await ssh.run(harness.estate.hosts[active]!, ['runmqsc', 'QM1'], { timeoutMs: 10_000, stdin: mqsc })).stdout;
}

/** When the instance on the other host became active after `faultAt`, and when its listener started. */
function truthTakeover(truth: TruthEvent[], faultAt: number) {
  const active = filterEvents(truth, 'instance-state').find((e) => e.qm === 'QM1' && e.to === 'active' && e.t >= faultAt)!;
  const listener = filterEvents(truth, 'mq-listener').find((e) => e.qm === 'QM1' && e.host === active.host && e.listening && e.t >= faultAt)!;
  return { activeAt: active.t, listenerAt: listener.t };
}

const INTERVAL_MS = 100;
/** An activity's timer may fire this late on a loaded machine, and the probe's answer crosses a process boundary. */
const TIMER_SLACK_MS = 25;

/**
 * The probe saw the service come back when it did: its last failed attempt began before the
 * true moment and the success that ended the outage came after it, so the measured seconds
 * from the fault agree with the truth within one probe interval (plus timer slack).
 */
function expectHealthyAtTruth(run: HealthRun, probe: string, truthAt: number, faultTruthAt: number): void {
  const series = run.attempts.filter((attempt) => attempt.probe === probe);
  const lastFailure = series.map((attempt) => attempt.ok).lastIndexOf(false);
  expect(lastFailure).toBeGreaterThanOrEqual(0);
  expect(series[lastFailure]!.startedAt).toBeLessThanOrEqual(truthAt);
  expect(series[lastFailure + 1]!.endedAt).toBeGreaterThanOrEqual(truthAt);
  const measured = run.scenario.health![probe]!.timeToHealthySeconds;
  const trueSeconds = (truthAt - faultTruthAt) / 1000;
  expect(measured).not.toBeNull();
  expect(Math.abs(measured! - trueSeconds), `${probe}: measured ${measured} s, truth ${trueSeconds} s`).toBeLessThanOrEqual((INTERVAL_MS + TIMER_SLACK_MS) / 1000);
}

describe('MQI health checks on a real Temporal server and the lab', () => {
  it('health - after drop-nfs, put-get is healthy when the new listener starts and client-connect when the instance is active, within one probe interval of the truth; the test queue was created before the fault', async () => {
    await runMqscOnActive('DELETE QLOCAL(MQCHAOS.HEALTH) PURGE\n');
    const suite = await loadTestSuite('test/suites/health-probes-fast.yaml');
    const run = await runScenario(suite, 'drop-nfs-health');
    const { outcome, scenario, truth } = run;
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);

    const cut = filterEvents(truth, 'rule-added')[0]!;
    const defined = filterEvents(truth, 'queue-defined').find((e) => e.queue === 'MQCHAOS.HEALTH')!;
    expect(defined).toMatchObject({ qm: 'QM1', host: cut.host, defaultPersistent: true, replaced: false });
    expect(defined.t).toBeLessThan(cut.t);
    expect(scenario.events.some((e) => e.summary === `health check put-get: defined MQCHAOS.HEALTH with DEFPSIST(YES) on QM1 (runmqsc on ${cut.host})`)).toBe(true);

    const { activeAt, listenerAt } = truthTakeover(truth, cut.t);
    const putGet = scenario.health!['put-get']!;
    const connect = scenario.health!['client-connect']!;
    console.info(`drop-nfs: put-get ${putGet.timeToHealthySeconds} s vs listener ${(listenerAt - cut.t) / 1000} s; client-connect ${connect.timeToHealthySeconds} s vs active ${(activeAt - cut.t) / 1000} s`);
    expectHealthyAtTruth(run, 'put-get', listenerAt, cut.t);
    expectHealthyAtTruth(run, 'client-connect', activeAt, cut.t);
    // The persistent put waited for the storage until the instance ended (2009); then nothing listened (2538).
    expect(Object.keys(putGet.reasonCodes).sort()).toEqual(['2009', '2538']);
    // Connections were accepted while the path was cut, refused once the instance had ended.
    expect(Object.keys(connect.reasonCodes)).toEqual(['2538']);
    expect(filterEvents(truth, 'messages-discarded').filter((e) => e.queue === 'MQCHAOS.HEALTH')).toEqual([]);
  });

  it('health - after kill-active, both checks are healthy again within one probe interval of the truth; the existing queue is used as it is', async () => {
    const suite = await loadTestSuite('test/suites/health-probes-fast.yaml');
    const run = await runScenario(suite, 'kill-active-health');
    const { outcome, scenario, truth } = run;
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);
    expect(filterEvents(truth, 'queue-defined')).toEqual([]);
    expect(scenario.events.some((e) => /^health check put-get: MQCHAOS\.HEALTH has DEFPSIST\(YES\) on QM1/.test(e.summary))).toBe(true);

    const kill = filterEvents(truth, 'process-killed')[0]!;
    const { activeAt, listenerAt } = truthTakeover(truth, kill.t);
    const putGet = scenario.health!['put-get']!;
    const connect = scenario.health!['client-connect']!;
    console.info(`kill-active: put-get ${putGet.timeToHealthySeconds} s vs listener ${(listenerAt - kill.t) / 1000} s; client-connect ${connect.timeToHealthySeconds} s vs active ${(activeAt - kill.t) / 1000} s`);
    expectHealthyAtTruth(run, 'put-get', listenerAt, kill.t);
    expectHealthyAtTruth(run, 'client-connect', activeAt, kill.t);
    expect(putGet.reasonCodes['2538']).toBeGreaterThan(0);
    expect(connect.reasonCodes['2538']).toBeGreaterThan(0);
  });

  it('health - an expectation on either MQI check that a failover cannot meet fails, in words, with exit code 1', async () => {
    const suite = await loadTestSuite('test/suites/health-probes-strict.yaml');
    const { outcome, scenario } = await runScenario(suite, 'kill-active-health-strict');
    expect(scenario.verdict).toBe('fail');
    expect(outcome.exitCode).toBe(1);
    const putGet = scenario.health!['put-get']!.timeToHealthySeconds!;
    const connect = scenario.health!['client-connect']!.timeToHealthySeconds!;
    expect(scenario.expectation.failures).toEqual([
      `health.put-get.timeToHealthySeconds was ${putGet}, must be at most 0.05`,
      `health.client-connect.timeToHealthySeconds was ${connect}, must be at most 0.05`,
    ]);
  });

  it('health - a missing test queue without createQueue makes the PUT/GET check unknown, with the reason, and the scenario still runs', async () => {
    const suite = await loadTestSuite('test/suites/health-probes-fast.yaml');
    const absent = (spec: ScenarioSpec): ScenarioSpec => ({
      ...spec,
      health: spec.health!.map((check): HealthCheckSpec => (check.kind === 'put-get' ? { ...check, queue: 'MQCHAOS.HEALTH.ABSENT', createQueue: false } : check)),
    });
    const { outcome, scenario, truth } = await runScenario(suite, 'kill-active-health', absent);
    expect(scenario.harnessStatus).toBe('completed');
    expect(scenario.verdict).toBe('unknown');
    expect(outcome.exitCode).toBe(4);
    expect(scenario.expectation.missing).toEqual(['health.put-get.timeToHealthySeconds was not measured']);
    expect(scenario.health!['put-get']).toMatchObject({
      timeToHealthySeconds: null,
      attempts: 1,
      lastError: 'test queue MQCHAOS.HEALTH.ABSENT is not defined on QM1 (AMQ8147E) and createQueue is not set: the PUT/GET check cannot run',
    });
    expect(scenario.health!['client-connect']!.timeToHealthySeconds).not.toBeNull();
    expect(filterEvents(truth, 'queue-defined')).toEqual([]);
    expect(filterEvents(truth, 'process-killed')).toHaveLength(1);
  });

  it('health - a test queue with DEFPSIST(NO) is refused before the fault as an operational error; nothing is injected', async () => {
    const suite = await loadTestSuite('test/suites/health-probes-fast.yaml');
    const notPersistent = (spec: ScenarioSpec): ScenarioSpec => ({
      ...spec,
      health: spec.health!.filter((check) => check.kind === 'put-get').map((check) => ({ ...check, queue: 'DEV.QUEUE.1' })),
    });
    const { outcome, scenario, truth } = await runScenario(suite, 'kill-active-health', notPersistent);
    expect(scenario.harnessStatus).toBe('failed');
    expect(scenario.verdict).toBe('unknown');
    expect(outcome.exitCode).toBe(4);
    const error = scenario.events.find((e) => e.kind === 'error')!;
    expect(error.summary).toContain('health-check queue DEV.QUEUE.1 on QM1 has DEFPSIST(NO)');
    expect(filterEvents(truth, 'process-killed')).toEqual([]);
    expect(filterEvents(truth, 'queue-defined')).toEqual([]);
  });
});

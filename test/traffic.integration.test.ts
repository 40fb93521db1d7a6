import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import type { ClientLog } from '../checkers/traffic-log.ts';
import { readTruthLog } from '../lab/truth-log.ts';
import { readTrafficRecording } from '../records/traffic-log-files.ts';
import type { SuiteDefinition } from '../suites/suite-model.ts';
import type { TrafficSpec } from '../suites/traffic-model.ts';
import { instanceRolesAt } from '../lab/truth-log.ts';
import { progressQuery, runScenario, runSuite } from '../workflows/index.ts';
import type { SuiteOutcome } from '../records/run-contracts.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { summarizeQueueTruth } from './support/message-truth-summary.ts';
import { expectBalanced, expectSoundPersistentAccounting } from './support/expect-sound-accounting.ts';

/**
 * MQI traffic through the real `ibmmq` package and the lab's stand-in client library, across
 * a kill of the active instance, judged by the message accounting and compared with the
 * lab's truth log message by message.
 */

let harness: LabHarness;
const ssh = new SshPool();
beforeAll(async () => {
  harness = await startLabHarness();
});
afterAll(async () => {
  await ssh.closeAll();
  await harness?.stop();
});

interface TrafficRun {
  outcome: SuiteOutcome;
  scenario: ScenarioResult;
  truthFrom: number;
  clients: ClientLog[];
}

async function runWithTraffic(suite: SuiteDefinition, traffic?: (spec: TrafficSpec) => TrafficSpec): Promise<TrafficRun> {
  const { runsDir, runId, runDir } = harness.newRun();
  const spec = suite.scenarios[0]!;
  const scenarios = [{ ...spec, traffic: traffic ? traffic(spec.traffic!) : spec.traffic }];
  const truthFrom = Date.now();
  const outcome = await harness.client.workflow.execute(runSuite, {
    taskQueue: harness.taskQueue,
    workflowId: `it-${runId}`,
    args: [{ runId, runsDir, suite: { ...suite, scenarios, estate: harness.estate } }],
  });
  const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult;
  const recording = await readTrafficRecording(join(runDir, 'scenarios', spec.name));
  return { outcome, scenario: result.scenarios[0]!, truthFrom, clients: recording?.clients ?? [] };
}


function applicationEvents(scenario: ScenarioResult): string[] {
  return scenario.events.filter((event) => event.kind === 'application').map((event) => event.summary);
}

async function armLabFault(fault: string, queue: string): Promise<void> {
  const host = harness.estate.hosts.mq1!;
  const result = await ssh.run(host, ['mqchaos-lab-fault', fault, 'QM1', queue], { timeoutMs: 10_000 });
  expect(result.exitCode, result.stderr).toBe(0);
}

describe('MQI traffic through a kill of the active instance (lab stand-in client library)', () => {
  it('traffic - with reconnection nothing persistent is lost or duplicated, every count equals the truth, and the reconnection is in the timeline', async () => {
    const { outcome, scenario, truthFrom, clients } = await runWithTraffic(await loadTestSuite('suites/lab/mi-kill-active-traffic.yaml'));
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);
    const { persistent, nonPersistent } = expectSoundPersistentAccounting(scenario);

    const truth = summarizeQueueTruth(readTruthLog(harness.lab.truthLogFile), 'QM1', 'DEV.QUEUE.1', truthFrom);
    expect(persistent.confirmed + persistent.recovered).toBe(truth.persistent.finalPuts);
    expect(persistent.received + persistent.duplicated).toBe(truth.persistent.finalDeliveries);
    expect(nonPersistent.confirmed + nonPersistent.recovered).toBe(truth.nonPersistent.finalPuts);
    expect(nonPersistent.received + nonPersistent.duplicated).toBe(truth.nonPersistent.finalDeliveries);
    // Non-persistent messages on the queue when the instance died are what was lost.
    expect(truth.nonPersistent.discarded).toBeGreaterThan(0);
    expect(nonPersistent.lost).toBe(truth.nonPersistent.discarded);

    // Every client continued on the new active through its own reconnected connection.
    expect(truth.reconnections).toBe(clients.length);
    for (const client of clients) expect(client.lines.some((line) => line.k === 'ev' && line.what === 'reconnected-by-application')).toBe(false);
    expect(scenario.failover.serviceRestoredSeconds).toBeGreaterThan(0);
    expect(scenario.failover.firstGetAfterFaultSeconds).toBeGreaterThan(0);
    expect(applicationEvents(scenario).some((summary) => /reconnect status 2545 MQRC_RECONNECTED \(connection lost with 2009 MQRC_CONNECTION_BROKEN\)/.test(summary))).toBe(true);
  });

  it('traffic - units of work broken by the failover are backed out and re-sent, neither lost nor duplicated', async () => {
    const { scenario, truthFrom, clients } = await runWithTraffic(await loadTestSuite('suites/lab/mi-kill-active-traffic-syncpoint.yaml'));
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    const persistent = scenario.messages!.persistent!;
    expect(persistent).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0 });
    expect(persistent.failed + persistent.inDoubt).toBeGreaterThan(0);
    expectBalanced(persistent);
    const truth = summarizeQueueTruth(readTruthLog(harness.lab.truthLogFile), 'QM1', 'DEV.QUEUE.2', truthFrom);
    expect(persistent.confirmed + persistent.recovered).toBe(truth.persistent.finalPuts);
    // What did not arrive was backed out by the queue manager, except the puts the client library refused
    // (2003, the unit of work already lost) before they reached it: one failed MQPUT event each.
    const refusedPuts = clients
      .flatMap((client) => client.lines)
      .filter((line) => line.k === 'ev' && line.what === 'call-failed' && line.verb === 'PUT' && line.rc === 2003).length;
    expect(persistent.failed + persistent.inDoubt - persistent.recovered).toBe(truth.persistent.backedOutPuts + refusedPuts);
    expect(persistent.received + persistent.duplicated).toBe(truth.persistent.finalDeliveries);
  });

  it('traffic - without reconnection the application sees 2009, connects again itself, and the accounting still balances', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active-traffic.yaml');
    const { scenario, truthFrom, clients } = await runWithTraffic(suite, (traffic) => ({
      ...traffic,
      queue: 'DEV.QUEUE.3',
      producers: traffic.producers.map((producer) => ({ ...producer, reconnect: 'disabled' as const })),
      consumers: traffic.consumers.map((consumer) => ({ ...consumer, reconnect: 'disabled' as const })),
    }));
    expect(applicationEvents(scenario).some((summary) => summary.includes('failed with 2009 MQRC_CONNECTION_BROKEN'))).toBe(true);
    for (const client of clients) expect(client.lines.some((line) => line.k === 'ev' && line.what === 'reconnected-by-application')).toBe(true);
    const messages = scenario.messages!;
    expect(messages.drain.complete).toBe(true);
    expect(messages.persistent).toMatchObject({ lost: 0, duplicated: 0 });
    expectBalanced(messages.persistent!);
    expectBalanced(messages.nonPersistent!);
    const truth = summarizeQueueTruth(readTruthLog(harness.lab.truthLogFile), 'QM1', 'DEV.QUEUE.3', truthFrom);
    expect(truth.reconnections).toBe(0);
    expect(messages.persistent!.confirmed + messages.persistent!.recovered).toBe(truth.persistent.finalPuts);
    expect(messages.nonPersistent!.lost).toBe(truth.nonPersistent.discarded);
  });

  /** One persistent producer and a consumer slower than it, so swaps find two messages waiting before the fault. */
  const slowConsumerTraffic = (traffic: TrafficSpec): TrafficSpec => ({
    ...traffic,
    producers: [traffic.producers[0]!],
    consumers: [{ ...traffic.consumers[0]!, ratePerSecond: 150 }],
  });

  it('traffic - a confirmed persistent message the lab drops is lost 1 and fails the expectation in words; a swapped pair of deliveries is out of order 1', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active-traffic.yaml');
    for (const fault of ['drop-next-confirmed-persistent', 'reorder-next-deliveries']) await armLabFault(fault, 'DEV.QUEUE.1');
    const { outcome, scenario, truthFrom } = await runWithTraffic(suite, slowConsumerTraffic);
    expect(scenario.messages!.persistent).toMatchObject({ lost: 1, duplicated: 0, outOfOrder: 1 });
    expect(scenario.verdict).toBe('fail');
    expect(outcome.exitCode).toBe(1);
    expect(scenario.expectation.failures).toEqual(['messages.persistent.lost was 1, must be at most 0']);
    const truth = summarizeQueueTruth(readTruthLog(harness.lab.truthLogFile), 'QM1', 'DEV.QUEUE.1', truthFrom);
    expect(truth.persistent.dropped).toBe(1);
  });

  it('traffic - a delivery the lab duplicates is duplicated 1 and fails the expectation in words', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active-traffic.yaml');
    await armLabFault('duplicate-next-delivery', 'DEV.QUEUE.1');
    const { scenario } = await runWithTraffic(suite, slowConsumerTraffic);
    expect(scenario.messages!.persistent).toMatchObject({ lost: 0, duplicated: 1, outOfOrder: 0 });
    expect(scenario.expectation.failures).toEqual(['messages.persistent.duplicated was 1, must be at most 0']);
  });

  it('traffic - a scenario cancelled mid-fault stops every traffic client before recovery, which still restores the estate', async () => {
    const suite = await loadTestSuite('suites/lab/mi-kill-active-traffic.yaml');
    const { runDir, runId } = harness.newRun();
    const spec = suite.scenarios[0]!;
    const handle = await harness.client.workflow.start(runScenario, {
      taskQueue: harness.taskQueue,
      workflowId: `it-cancel-traffic-${runId}`,
      args: [{ runId, runDir, suite: suite.name, scenario: { ...spec, traffic: { ...spec.traffic!, queue: 'DEV.QUEUE.2' } }, estate: harness.estate }],
    });
    for (let polls = 0; polls < 600 && !(await handle.query(progressQuery)).faultInjected; polls++) await new Promise((resolve) => setTimeout(resolve, 50));
    await handle.cancel();
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const scenarioDir = join(runDir, 'scenarios', spec.name);
    const recording = JSON.parse(readFileSync(join(scenarioDir, 'recording.json'), 'utf8'));
    expect(recording).toMatchObject({ harnessStatus: 'aborted', recovery: { ok: true } });
    const clients = (await readTrafficRecording(scenarioDir))!.clients;
    expect(clients).toHaveLength(3);
    for (const client of clients) expect(client.lines.at(-1)).toMatchObject({ k: 'end', reason: 'aborted' });
    const roles = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1');
    expect(roles.active).toHaveLength(1);
    expect(roles.standby).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMqchaosWorker } from '../cli/create-worker.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { filterEvents, instanceRolesAt, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import { runScenario } from '../workflows/index.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { runTestSuite, waitForFaultInjected as waitForFault } from './support/run-test-suite.ts';

let harness: LabHarness;
const ssh = new SshPool();
beforeAll(async () => {
  harness = await startLabHarness('fast');
});
afterAll(async () => {
  await ssh.closeAll();
  await harness?.stop();
});

async function iptablesRules(host: string): Promise<string[]> {
  const result = await ssh.runChecked(harness.estate.hosts[host]!, ['sudo', '-n', 'iptables', '-S'], { timeoutMs: 10_000 });
  return result.stdout.split('\n').filter((line) => line.startsWith('-A '));
}

function truthAfter(fromMs: number): TruthEvent[] {
  return readTruthLog(harness.lab.truthLogFile).filter((e) => e.t >= fromMs);
}

/** Every rule the lab saw added since `fromMs` was removed again, and no host lists one. */
async function expectNoRuleLeft(fromMs: number): Promise<void> {
  const truth = truthAfter(fromMs);
  const added = filterEvents(truth, 'rule-added').map((e) => `${e.host} ${e.rule}`);
  const removed = filterEvents(truth, 'rule-removed').map((e) => `${e.host} ${e.rule}`);
  expect(added.length).toBeGreaterThan(0);
  expect(removed.sort()).toEqual(added.sort());
  for (const host of ['mq1', 'mq2']) expect(await iptablesRules(host)).toEqual([]);
}

function scenarioInput(suite: Awaited<ReturnType<typeof loadTestSuite>>) {
  const { runId, runDir } = harness.newRun();
  return { runId, runDir, suite: suite.name, scenario: suite.scenarios[0]!, estate: harness.estate };
}

describe('drop-nfs on a real Temporal server and the lab', () => {
  it('drop-nfs - failover time is lease expiry + poll + replay, measured within one probe interval of the truth; no rule left', async () => {
    const fromMs = Date.now();
    const { outcome, result } = await runTestSuite(harness, 'test/suites/drop-nfs-fast.yaml');
    const scenario = result.scenarios[0]!;
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);

    const truth = truthAfter(fromMs);
    const cut = filterEvents(truth, 'rule-added')[0]!;
    const expiry = filterEvents(truth, 'lease-expired').find((e) => e.host === cut.host)!;
    const acquired = filterEvents(truth, 'lock-acquired').find((e) => e.t >= expiry.t)!;
    const active = filterEvents(truth, 'instance-state').find((e) => e.to === 'active' && e.t >= expiry.t)!;
    // The model: the standby takes the lock at its first poll after the lease ran out, then replays (400 ms).
    // Real timers here (the virtual-clock tests check it exactly): a timer may fire a millisecond early.
    expect(acquired.t - expiry.t).toBeLessThanOrEqual(200 + 5);
    expect(active.t - acquired.t).toBeGreaterThanOrEqual(400 - 5);
    expect(active.t - acquired.t).toBeLessThan(450);
    const trueSeconds = (active.t - cut.t) / 1000;
    const probeSeconds = scenario.failover.probeIntervalMs / 1000;
    expect(Math.abs(scenario.failover.instanceFailoverSeconds! - trueSeconds)).toBeLessThanOrEqual(probeSeconds);
    expect(scenario.failover.newActiveHost).toBe(active.host);

    const summaries = scenario.events.map((e) => `${e.kind} ${e.summary}`);
    expect(summaries.some((s) => s.startsWith('fault-injected iptables -I OUTPUT -d 10.0.0.5'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('fault-verified iptables -S on mq1 lists -A OUTPUT -d 10.0.0.5/32'))).toBe(true);
    const lockLoss = scenario.events.find((e) => e.summary.includes('AMQ7279E'))!;
    expect(Math.abs(Date.parse(lockLoss.at) - expiry.t)).toBeLessThanOrEqual(5);
    expect(summaries.some((s) => s.startsWith('fault-restored restored iptables'))).toBe(true);
    expect(scenario.findings).toEqual([]);
    await expectNoRuleLeft(fromMs);
    expect(instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1')).toEqual({ active: [active.host], standby: [cut.host] });

    const reconnected = filterEvents(truth, 'agent-reconnected').find((e) => e.t >= expiry.t)!;
    const ping = scenario.health!['agent-ping']!;
    expect(Math.abs(ping.timeToHealthySeconds! - (reconnected.t - cut.t) / 1000)).toBeLessThanOrEqual(0.1 + 0.05);
  });

  it('drop-nfs - cancelling the scenario mid-fault removes the rule and restores the estate', async () => {
    const suite = await loadTestSuite('test/suites/drop-nfs-fast.yaml');
    const input = scenarioInput(suite);
    const fromMs = Date.now();
    const handle = await harness.client.workflow.start(runScenario, { taskQueue: harness.taskQueue, workflowId: `it-cancel-nfs-${Date.now()}`, args: [input] });
    await waitForFault(handle);
    await handle.cancel();
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    await expectNoRuleLeft(fromMs);
    const recording = JSON.parse(readFileSync(join(input.runDir, 'scenarios', input.scenario.name, 'recording.json'), 'utf8'));
    expect(recording).toMatchObject({ harnessStatus: 'aborted', recovery: { ok: true } });
    const roles = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1');
    expect([roles.active.length, roles.standby.length]).toEqual([1, 1]);
  });

  it('drop-nfs - a worker stopped mid-fault hands over to another on the task queue, which restores the estate', async () => {
    const suite = await loadTestSuite('test/suites/drop-nfs-fast.yaml');
    const taskQueue = `it-handoff-${Date.now()}`;
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const first = await createMqchaosWorker({ connection, taskQueue });
    const firstRun = first.worker.run();
    const input = scenarioInput(suite);
    const fromMs = Date.now();
    const handle = await harness.client.workflow.start(runScenario, { taskQueue, workflowId: `it-handoff-${Date.now()}`, args: [input] });
    await waitForFault(handle);
    first.worker.shutdown();
    // Earlier tests may have left the active instance on either host: the one rule is on whichever was cut.
    const during = [...(await iptablesRules('mq1')), ...(await iptablesRules('mq2'))];
    expect(during, during.join('\n')).toHaveLength(1);
    await firstRun;
    await first.close();

    const second = await createMqchaosWorker({ connection, taskQueue });
    try {
      const outcome = await second.worker.runUntil(handle.result());
      expect(outcome.recoveryOk).toBe(true);
    } finally {
      await second.close();
      await connection.close();
    }
    await expectNoRuleLeft(fromMs);
    const roles = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1');
    expect([roles.active.length, roles.standby.length]).toEqual([1, 1]);
  });
});

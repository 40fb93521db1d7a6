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

const HEAL_AFTER_SECONDS = 5;

/** Waits (bounded) until the lab's truth log holds an event that `found` picks. */
async function awaitTruth<E extends TruthEvent>(found: (events: TruthEvent[]) => E | undefined, what: string): Promise<E> {
  for (let polls = 0; polls < 300; polls++) {
    const event = found(readTruthLog(harness.lab.truthLogFile));
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the truth log never showed ${what}`);
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

  it('drop-nfs - with the worker gone mid-fault and none started, the host itself removes exactly the rule at the deadline', async () => {
    const suite = await loadTestSuite('test/suites/drop-nfs-fast.yaml');
    const { health: _health, ...template } = suite.scenarios[0]!;
    const fault = { kind: 'drop-nfs', method: 'iptables', interface: 'eth0', sudo: true, hostHealsAfterSeconds: HEAL_AFTER_SECONDS } as const;
    const { runId, runDir } = harness.newRun();
    const input = { runId, runDir, suite: suite.name, scenario: { ...template, fault }, estate: harness.estate };

    const taskQueue = `it-dead-man-${Date.now()}`;
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const worker = await createMqchaosWorker({ connection, taskQueue });
    const running = worker.worker.run();
    const fromMs = Date.now();
    const handle = await harness.client.workflow.start(runScenario, { taskQueue, workflowId: `it-dead-man-${Date.now()}`, args: [input] });
    try {
      await waitForFault(handle);
      // The harness is lost: its only worker goes, and no other is started.
      worker.worker.shutdown();
      await running;
      await worker.close();

      const since = (events: TruthEvent[]) => events.filter((e) => e.t >= fromMs);
      const added = await awaitTruth((events) => filterEvents(since(events), 'rule-added')[0], 'the drop rule added');
      const timer = filterEvents(since(readTruthLog(harness.lab.truthLogFile)), 'timer-started').find((e) => e.host === added.host)!;
      expect(timer.command).toContain(`--comment mqchaos:${runId} -j DROP`);
      const removed = await awaitTruth(
        (events) => filterEvents(since(events), 'rule-removed').find((e) => e.host === added.host && e.rule === added.rule),
        'the drop rule removed',
      );
      // At the deadline, not before, and by the host's timer: no SSH command of mqchaos deleted it.
      expect(removed.t).toBeGreaterThanOrEqual(timer.dueAt);
      expect(removed.t - timer.dueAt).toBeLessThan(2_000);
      const truth = since(readTruthLog(harness.lab.truthLogFile));
      expect(filterEvents(truth, 'timer-fired')).toEqual([expect.objectContaining({ host: added.host, unit: timer.unit })]);
      const deletes = filterEvents(truth, 'command').filter((e) => /^(sudo -n )?iptables -w -D /.test(e.command));
      expect(deletes).toEqual([expect.objectContaining({ host: added.host, by: timer.unit, exitCode: 0 })]);
      expect(filterEvents(truth, 'timer-stopped')).toEqual([]);
      const listed = await ssh.runChecked(harness.estate.hosts[added.host]!, ['sudo', '-n', 'iptables', '-S', 'OUTPUT'], { timeoutMs: 10_000 });
      expect(listed.stdout).not.toContain('mqchaos:');
    } finally {
      await handle.terminate('test over: the harness was lost on purpose').catch(() => undefined);
      await connection.close();
    }
  });
});

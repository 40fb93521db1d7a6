import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { createMqchaosWorker } from '../cli/create-worker.ts';
import { filterEvents, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import { runScenario } from '../workflows/index.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { waitForFaultInjected } from './support/run-test-suite.ts';

let harness: LabHarness;
const ssh = new SshPool();
beforeAll(async () => {
  harness = await startLabHarness('fast');
});
afterAll(async () => {
  await ssh.closeAll();
  await harness?.stop();
});

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

describe('drop-nfs dead-man restore on a real Temporal server and the lab', () => {
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
      await waitForFaultInjected(handle);
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
      const deletes = filterEvents(truth, 'command').filter((e) => e.command.includes('iptables') && e.command.includes(' -D '));
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { filterEvents, readTruthLog } from '../lab/truth-log.ts';
import { runSuite } from '../workflows/index.ts';
import { loadTestSuite, startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { summarizeQueueTruth } from './support/message-truth-summary.ts';
import { expectSoundPersistentAccounting } from './support/expect-sound-accounting.ts';

/**
 * Persistent messages are on the queue manager's shared storage: reconnecting traffic through
 * a drop-nfs failover loses none of them, as the message accounting and the lab's truth log
 * both say. The lab's fast topology (2 s lease) keeps the cut short.
 */

let harness: LabHarness;
beforeAll(async () => {
  harness = await startLabHarness('fast');
});
afterAll(async () => {
  await harness?.stop();
});


describe('reconnecting traffic through drop-nfs (lab stand-in client library)', () => {
  it('drop-nfs traffic - no persistent message is lost or duplicated; the counts equal the truth; non-persistent ones on the queue at the takeover are the ones lost', async () => {
    const suite = await loadTestSuite('suites/lab/mi-drop-nfs-traffic.yaml');
    const { runsDir, runId, runDir } = harness.newRun();
    const truthFrom = Date.now();
    const outcome = await harness.client.workflow.execute(runSuite, {
      taskQueue: harness.taskQueue,
      workflowId: `it-${runId}`,
      args: [{ runId, runsDir, suite: { ...suite, estate: harness.estate } }],
    });
    const scenario = (JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult).scenarios[0]!;
    expect(scenario.expectation.failures).toEqual([]);
    expect(scenario.verdict).toBe('pass');
    expect(outcome.exitCode).toBe(0);

    const { persistent, nonPersistent } = expectSoundPersistentAccounting(scenario);

    const events = readTruthLog(harness.lab.truthLogFile);
    const cut = filterEvents(events, 'rule-added').find((e) => e.t >= truthFrom)!;
    expect(filterEvents(events, 'lease-expired').some((e) => e.host === cut.host && e.t > cut.t)).toBe(true);
    const truth = summarizeQueueTruth(events, 'QM1', 'DEV.QUEUE.2', truthFrom);
    // What the harness counted is what the queue manager did, message by message.
    expect(persistent.confirmed + persistent.recovered).toBe(truth.persistent.finalPuts);
    expect(persistent.received + persistent.duplicated).toBe(truth.persistent.finalDeliveries);
    // Lost 0 in the truth as well: every persistent message that was put for good was delivered, none discarded.
    expect(truth.persistent.finalDeliveries).toBe(truth.persistent.finalPuts);
    expect(truth.persistent.discarded).toBe(0);
    expect(nonPersistent.confirmed + nonPersistent.recovered).toBe(truth.nonPersistent.finalPuts);
    expect(nonPersistent.lost).toBe(truth.nonPersistent.discarded);
    expect(truth.reconnections).toBeGreaterThan(0);
    console.info(
      `drop-nfs traffic: persistent sent ${persistent.sent}, confirmed ${persistent.confirmed}, failed ${persistent.failed}, in doubt ${persistent.inDoubt}, ` +
        `received ${persistent.received}, lost ${persistent.lost}; non-persistent lost ${nonPersistent.lost} (truth discarded ${truth.nonPersistent.discarded})`,
    );
  });
});

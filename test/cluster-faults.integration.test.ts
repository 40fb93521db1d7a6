import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cluster } from '../activities/faults/families/cluster.ts';
import type { FaultContext, FaultEvent } from '../activities/faults/fault-module.ts';
import { stopMember } from '../activities/faults/stop-member.ts';
import { runMqsc } from '../activities/mq/run-mqsc.ts';
import { suspendThenStop } from '../activities/faults/suspend-then-stop.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { measureTransmitBuildup } from '../checkers/transmit-buildup.ts';
import { startLab, type LabHandle } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { MQC } from '../lab/mq/mq-constants.ts';
import { MqiTestClient } from '../lab/mq/mqi-test-client.ts';
import { filterEvents, readTruthLog } from '../lab/truth-log.ts';
import { readClusterSamples } from '../records/cluster-sample-files.ts';
import { loadEstateFile } from '../suites/estate-file.ts';
import type { EstateSpec } from '../suites/suite-model.ts';

/**
 * The cluster fault family and its two fault kinds, run as the fault activities run them,
 * against the lab's demo cluster: the steady-state gate (and its refusal in words), stop-member
 * and suspend-then-stop with their restores, the window's samples, and the lab truth.
 */
describe('cluster fault family against the lab cluster', () => {
  let scratch: string;
  let lab: LabHandle;
  let estate: EstateSpec;
  const pool = new SshPool();

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'mqchaos-cluster-faults-'));
    lab = await startLab({ topologyFile: join(packageRoot, 'lab', 'topologies', 'cluster.yaml'), stateDir: join(scratch, 'lab') });
    const loaded = await loadEstateFile(lab.estateFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    estate = loaded.estate;
  });
  afterAll(async () => {
    await pool.closeAll();
    await lab?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  let scenarios = 0;
  function contextFor(fault: { kind: string } & Record<string, unknown>): FaultContext & { events: FaultEvent[] } {
    const events: FaultEvent[] = [];
    const hosts = estate.queueManagers.QM3!.instances.map((h) => estate.hosts[h]!);
    return { ssh: pool, queueManager: 'QM3', hosts, scenarioDir: join(scratch, 'scenarios', `s${++scenarios}`), runId: 'run-1', hostHealAfterMs: 180_000, estate, fault, events, record: async (event) => void events.push(event) };
  }

  it('stop-member: steady, injected (QM3 ended in the truth), the window sampled, restored with strmqm and verified from the senders\' side', async () => {
    const ctx = contextFor({ kind: 'stop-member', senders: ['QM1', 'QM2'] });
    const steady = await cluster.checkSteadyState(ctx);
    expect(steady.summary).toBe('QM3 running; 2 senders with DEMO.QM3 RUNNING or INACTIVE and nothing waiting for it');
    const injected = await stopMember.inject(ctx, ctx.fault, ctx.hosts[0]!);
    expect(await stopMember.verify(ctx, injected.target)).toMatch(/^QM3 on cq3 reports Ended immediately$/);
    const summary = await new MockActivityEnvironment().run(() => cluster.watch(ctx, { steady, expectsChange: false, probeIntervalMs: 200, windowMs: 1000, settleMs: 0 }));
    expect(summary).toMatch(/^\d+ sweeps of 2 senders, highest transmit-queue depth 0$/);
    const actions = await stopMember.restore(ctx, injected.target, ctx.fault);
    expect(actions).toEqual(['strmqm -x QM3 on cq3', 'verified QM3: DEMO.QM3 running from its senders, nothing waiting for it']);
    const truth = readTruthLog(lab.truthLogFile);
    expect(filterEvents(truth, 'instance-state').filter((e) => e.qm === 'QM3').map((e) => e.to).slice(-5)).toEqual(['ending', 'ended', 'starting', 'replaying', 'active']);
    const samples = await readClusterSamples(ctx.scenarioDir);
    expect(samples.length).toBeGreaterThanOrEqual(2 * 3);
    expect(measureTransmitBuildup(samples, { faultAtMs: injected.injectedAt, recoveredAtMs: Date.now() }).QM1).toMatchObject({ baseline: null, peakDepth: 0 });
    expect(ctx.events.map((e) => e.kind)).toEqual(['fault-injected', 'fault-verified', 'fault-restored']);
  });

  it('the steady-state gate refuses a member that is not running, in words, before anything is done', async () => {
    const ctx = contextFor({ kind: 'stop-member' });
    await pool.run(ctx.hosts[0]!, ['endmqm', '-i', 'QM3'], { timeoutMs: 30_000 });
    try {
      await expect(cluster.checkSteadyState(ctx)).rejects.toThrow(/^steady state not met for cluster member QM3: QM3 is not running \(runmqsc QM3 on cq3/);
    } finally {
      await stopMember.restore(ctx, null, ctx.fault);
    }
  });

  it('suspend-then-stop: SUSPEND, drained, stopped; the restore starts and RESUMEs it', async () => {
    const ctx = contextFor({ kind: 'suspend-then-stop', cluster: 'DEMO', drainTimeoutSeconds: 10, senders: ['QM1'] });
    await cluster.checkSteadyState(ctx);
    const injected = await suspendThenStop.inject(ctx, ctx.fault, ctx.hosts[0]!);
    expect(injected.reply).toMatch(/^drained in \d+\.\d s, then /);
    const truth = readTruthLog(lab.truthLogFile);
    const suspended = filterEvents(truth, 'cluster-suspended').filter((e) => e.qm === 'QM3');
    const ended = filterEvents(truth, 'instance-state').filter((e) => e.qm === 'QM3' && e.to === 'ended').at(-1)!;
    expect(suspended.at(-1)).toMatchObject({ suspended: true });
    expect(suspended.at(-1)!.t).toBeLessThan(ended.t);
    const actions = await suspendThenStop.restore(ctx, injected.target, ctx.fault);
    expect(actions).toEqual(['strmqm -x QM3 on cq3', 'RESUME QMGR CLUSTER(DEMO)', 'verified QM3: DEMO.QM3 running from its senders, nothing waiting for it']);
    expect(filterEvents(readTruthLog(lab.truthLogFile), 'cluster-suspended').filter((e) => e.qm === 'QM3').at(-1)).toMatchObject({ suspended: false });
  });

  it('suspend-then-stop fails the step in words when the drain does not finish, and stops nothing', async () => {
    const ctx = contextFor({ kind: 'suspend-then-stop', cluster: 'DEMO', drainTimeoutSeconds: 1, senders: ['QM1'] });
    // The sender's channel to QM3 stopped with a fully qualified message waiting for it: nothing can drain that.
    const qm1 = estate.hosts[estate.queueManagers.QM1!.instances[0]!]!;
    await runMqsc(pool, qm1, 'QM1', ['START CHANNEL(DEMO.QM3)'], { timeoutMs: 10_000 });
    await runMqsc(pool, qm1, 'QM1', ['STOP CHANNEL(DEMO.QM3)'], { timeoutMs: 10_000 });
    const client = new MqiTestClient();
    try {
      await client.ok({ op: 'connect', qm: 'QM1', connectionName: `127.0.0.1(${Object.values(estate.queueManagers.QM1!.listeners ?? {})[0]})` });
      const { handle } = await client.ok({ op: 'open', name: 'APP.CLUSTER.Q', qmgr: 'QM3', options: MQC.MQOO_OUTPUT });
      await client.ok({ op: 'put', handle, body: 'stuck', persistence: MQC.MQPER_PERSISTENT });
      await expect(suspendThenStop.inject(ctx, ctx.fault, ctx.hosts[0]!)).rejects.toThrow(/^QM3 did not drain within 1 s after SUSPEND: .*; it was not stopped$/);
      const states = filterEvents(readTruthLog(lab.truthLogFile), 'instance-state').filter((e) => e.qm === 'QM3');
      expect(states.at(-1)!.to).toBe('active');
    } finally {
      await client.stop();
      await runMqsc(pool, qm1, 'QM1', ['START CHANNEL(DEMO.QM3)'], { timeoutMs: 10_000 });
      await runMqsc(pool, ctx.hosts[0]!, 'QM3', ['RESUME QMGR CLUSTER(DEMO)'], { timeoutMs: 10_000 });
    }
  });
});

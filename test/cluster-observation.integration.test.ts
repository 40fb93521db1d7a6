import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runMqsc } from '../activities/mq/run-mqsc.ts';
import { sampleClusterMember } from '../activities/probes/sample-cluster-member.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { measureChannelTimelines } from '../checkers/channel-timelines.ts';
import type { ClusterMemberSample } from '../checkers/cluster-samples.ts';
import { judgeExpectation } from '../checkers/expectation-judge.ts';
import { measureTransmitBuildup } from '../checkers/transmit-buildup.ts';
import { startLab, type LabHandle } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { MQC } from '../lab/mq/mq-constants.ts';
import { MqiTestClient } from '../lab/mq/mqi-test-client.ts';
import { buildStandInLibrary } from '../lab/native/stand-in-library.ts';
import { filterEvents, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import { loadEstateFile } from '../suites/estate-file.ts';
import type { EstateSpec, HostSpec } from '../suites/suite-model.ts';

/**
 * The cluster measurements the harness takes — runmqsc over SSH on the sending member,
 * parsed, then the transmit-buildup and channel-timeline checkers — against the lab's truth,
 * while a member of the demo cluster (lab/topologies/cluster.yaml) is stopped under traffic
 * through the ibmmq package: bind-on-open, fully qualified, bind-not-fixed, and SUSPEND first.
 */
const PROBE_MS = 100;
const QUEUE = 'APP.CLUSTER.Q';

describe('cluster observation against the lab truth', () => {
  let scratch: string;
  let lab: LabHandle;
  let estate: EstateSpec;
  const pool = new SshPool();
  const clients: MqiTestClient[] = [];

  beforeAll(async () => {
    const built = buildStandInLibrary();
    if (!built.ok) throw new Error(built.error);
    scratch = mkdtempSync(join(tmpdir(), 'mqchaos-cluster-it-'));
    lab = await startLab({ topologyFile: join(packageRoot, 'lab', 'topologies', 'cluster.yaml'), stateDir: join(scratch, 'lab') });
    const loaded = await loadEstateFile(lab.estateFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    estate = loaded.estate;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await pool.closeAll();
    await lab?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const hostOf = (qm: string): HostSpec => estate.hosts[estate.queueManagers[qm]!.instances[0]!]!;
  const truth = (): TruthEvent[] => readTruthLog(lab.truthLogFile);
  const ssh = async (qm: string, argv: string[]): Promise<void> => {
    const result = await pool.run(hostOf(qm), argv, { timeoutMs: 30_000 });
    if (result.exitCode !== 0) throw new Error(`${argv.join(' ')}: exit ${result.exitCode} ${result.stdout}${result.stderr}`);
  };
  const producer = async (options: { bind?: 'on-open' | 'not-fixed'; qmgr?: string }): Promise<{ put: (n: number) => Promise<string[]> }> => {
    const client = new MqiTestClient();
    clients.push(client);
    const port = Object.values(estate.queueManagers.QM1!.listeners ?? {})[0];
    await client.ok({ op: 'connect', qm: 'QM1', connectionName: `127.0.0.1(${port})` });
    const bind = options.bind === 'on-open' ? MQC.MQOO_BIND_ON_OPEN : options.bind === 'not-fixed' ? MQC.MQOO_BIND_NOT_FIXED : 0;
    const { handle } = await client.ok({ op: 'open', name: QUEUE, ...(options.qmgr ? { qmgr: options.qmgr } : {}), options: MQC.MQOO_OUTPUT | bind });
    return {
      put: async (n) => {
        const ids: string[] = [];
        for (let i = 0; i < n; i++) ids.push(String((await client.ok({ op: 'put', handle, body: `m${i}`, persistence: MQC.MQPER_PERSISTENT })).msgId));
        return ids;
      },
    };
  };

  /** Samples QM1 every probe interval until `done` says so (bounded). */
  async function observe(samples: ClusterMemberSample[], done: (last: ClusterMemberSample) => boolean, maxMs = 20_000): Promise<ClusterMemberSample> {
    const until = Date.now() + maxMs;
    for (;;) {
      const sample = await sampleClusterMember(pool, hostOf('QM1'), 'QM1', { timeoutMs: 10_000 });
      samples.push(sample);
      if (done(sample) || Date.now() > until) return sample;
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
  }
  const channelStatus = (sample: ClusterMemberSample, channel: string): string =>
    (sample.ok ? sample.channels.find((c) => c.channel === channel && c.type === 'CLUSSDR')?.status : undefined) ?? 'INACTIVE';

  /** Stops QM3 (endmqm -i on its host), runs `during`, restarts it (strmqm) and observes until its channel from QM1 is RUNNING and QM1's transmit queue is back at the baseline. */
  async function stopMemberAround(during: () => Promise<void>): Promise<{ samples: ClusterMemberSample[]; faultAtMs: number; restartedAtMs: number; recoveredAtMs: number }> {
    const samples: ClusterMemberSample[] = [];
    // Steady state first: what was put before the fault has left the transmission queue.
    const baseline = await observe(samples, (s) => s.ok && s.transmitDepth === 0);
    const faultAtMs = Date.now();
    await ssh('QM3', ['endmqm', '-i', 'QM3']);
    await during();
    await observe(samples, () => true);
    const restartedAtMs = Date.now();
    await ssh('QM3', ['strmqm', 'QM3']);
    const recovered = await observe(samples, (s) => channelStatus(s, 'DEMO.QM3') === 'RUNNING');
    const recoveredAtMs = recovered.t;
    await observe(samples, (s) => s.ok && baseline.ok && s.transmitDepth <= baseline.transmitDepth);
    return { samples, faultAtMs, restartedAtMs, recoveredAtMs };
  }

  it('bind-on-open and fully qualified: the buildup is exactly the messages bound to the stopped member while it was down, all delivered after the restart, none stuck', async () => {
    const onOpen = await producer({ bind: 'on-open' });
    const qualified = await producer({ qmgr: 'QM3' });
    const before = await onOpen.put(3);
    let during: string[] = [];
    const { samples, faultAtMs, recoveredAtMs } = await stopMemberAround(async () => {
      during = [...(await onOpen.put(6)), ...(await qualified.put(4))];
    });
    const events = truth();
    const routedTo = new Map(filterEvents(events, 'cluster-routed').map((e) => [e.msgId, e.to]));
    expect(before.map((id) => routedTo.get(id))).toEqual(['QM3', 'QM3', 'QM3']);
    expect(during.map((id) => routedTo.get(id))).toEqual(Array(10).fill('QM3'));

    const buildup = measureTransmitBuildup(samples, { faultAtMs, recoveredAtMs }).QM1!;
    expect(buildup).toMatchObject({ baseline: 0, peakDepth: during.length, stuckMessages: 0 });
    expect(buildup.channels['DEMO.QM3']).toMatchObject({ baseline: 0, peakDepth: during.length, stuckMessages: 0 });
    // Drain within one probe interval of the truth: the last transfer of these messages after the restart.
    const transferred = filterEvents(events, 'cluster-transferred').filter((e) => e.qm === 'QM1' && e.toQm === 'QM3' && e.msgIds.some((id) => during.includes(id)));
    expect(transferred.flatMap((e) => e.msgIds).filter((id) => during.includes(id)).sort()).toEqual([...during].sort());
    const truthDrainSeconds = Math.max(0, (Math.max(...transferred.map((e) => e.t)) - recoveredAtMs) / 1000);
    expect(Math.abs(buildup.drainSeconds! - truthDrainSeconds)).toBeLessThanOrEqual(PROBE_MS / 1000 + 0.05);
    // Nothing was re-allocated: bind-on-open and fully qualified messages stay.
    expect(filterEvents(events, 'cluster-reallocated').filter((e) => e.msgIds.some((id) => during.includes(id)))).toEqual([]);

    const timeline = measureChannelTimelines(samples).QM1!['DEMO.QM3']!;
    expect(timeline.statusTimeline.map((s) => s.status)).toContain('RETRYING');
    expect(timeline.statusTimeline.at(-1)!.status).toBe('RUNNING');
    expect(timeline.endedStopped).toBe(false);

    // An expectation that holds, and one (buildup at most 5) that fails in words.
    const document = { transmit: { QM1: buildup } };
    const limit = (max: number) => ({ schema: { properties: { transmit: { properties: { QM1: { properties: { peakDepth: { maximum: max } } } } } } }, schemas: [], source: 'test' });
    expect(judgeExpectation(document, limit(10), ['transmit.QM1.peakDepth']).verdict).toBe('pass');
    expect(judgeExpectation(document, limit(5), ['transmit.QM1.peakDepth']).failures).toEqual(['transmit.QM1.peakDepth was 10, must be at most 5']);
  });

  it('bind-not-fixed: the waiting messages are re-allocated to QM4 when the channel goes to RETRYING, new ones go there; no buildup', async () => {
    const notFixed = await producer({ bind: 'not-fixed' });
    await notFixed.put(4); // both channels running before the fault
    let during: string[] = [];
    const { samples, faultAtMs, recoveredAtMs } = await stopMemberAround(async () => {
      during = await notFixed.put(10);
    });
    const events = truth();
    const routed = filterEvents(events, 'cluster-routed').filter((e) => during.includes(e.msgId));
    const reallocated = new Set(filterEvents(events, 'cluster-reallocated').flatMap((e) => e.msgIds));
    const endsAt = new Map(routed.map((e) => [e.msgId, reallocated.has(e.msgId) ? 'QM4' : e.to]));
    expect([...endsAt.values()]).toEqual(Array(10).fill('QM4'));
    const buildup = measureTransmitBuildup(samples, { faultAtMs, recoveredAtMs }).QM1!;
    // Nothing waits for the stopped member; a sample may catch a message on its way to QM4.
    expect(buildup.channels['DEMO.QM3']).toMatchObject({ peakDepth: 0, stuckMessages: 0 });
    expect(buildup.peakDepth).toBeLessThanOrEqual(1);
    expect(buildup.stuckMessages).toBe(0);
  });

  it('suspend, then stop: after SUSPEND nothing new is routed to the member, so stopping it builds nothing up', async () => {
    await runMqsc(pool, hostOf('QM3'), 'QM3', ['SUSPEND QMGR CLUSTER(DEMO)'], { timeoutMs: 10_000 });
    try {
      const notFixed = await producer({ bind: 'not-fixed' });
      let during: string[] = [];
      const { samples, faultAtMs, recoveredAtMs } = await stopMemberAround(async () => {
        during = await notFixed.put(10);
      });
      const routed = filterEvents(truth(), 'cluster-routed').filter((e) => during.includes(e.msgId));
      expect(routed.map((e) => e.to)).toEqual(Array(10).fill('QM4'));
      const buildup = measureTransmitBuildup(samples, { faultAtMs, recoveredAtMs }).QM1!;
      expect(buildup.channels['DEMO.QM3'] ?? { peakDepth: 0, stuckMessages: 0 }).toMatchObject({ peakDepth: 0, stuckMessages: 0 });
      expect(buildup.peakDepth).toBeLessThanOrEqual(1);
    } finally {
      await runMqsc(pool, hostOf('QM3'), 'QM3', ['RESUME QMGR CLUSTER(DEMO)'], { timeoutMs: 10_000 });
    }
  });
  it('a member down past SHORTRTY: its channel goes on to the long retries, the bound messages wait, and all arrive after the restart', async () => {
    const qualified = await producer({ qmgr: 'QM3' });
    const samples: ClusterMemberSample[] = [];
    await observe(samples, () => true);
    const faultAtMs = Date.now();
    await ssh('QM3', ['endmqm', '-i', 'QM3']);
    const ids = await qualified.put(2);
    const shortRetriesLeft = (s: ClusterMemberSample): number | null | undefined => (s.ok ? s.channels.find((c) => c.channel === 'DEMO.QM3' && c.type === 'CLUSSDR')?.shortRetriesLeft : undefined);
    await observe(samples, (s) => channelStatus(s, 'DEMO.QM3') === 'RETRYING' && shortRetriesLeft(s) === 0);
    await ssh('QM3', ['strmqm', 'QM3']);
    const recovered = await observe(samples, (s) => channelStatus(s, 'DEMO.QM3') === 'RUNNING');
    await observe(samples, (s) => s.ok && s.transmitDepth === 0);

    const timeline = measureChannelTimelines(samples).QM1!['DEMO.QM3']!;
    expect(timeline.reachedLongRetry).toBe(true);
    expect(measureTransmitBuildup(samples, { faultAtMs, recoveredAtMs: recovered.t }).QM1).toMatchObject({ peakDepth: 2, stuckMessages: 0 });
    // Time in RETRYING as the truth has it, within about two probe intervals (each sample's status holds until the next).
    const states = filterEvents(truth(), 'channel-state').filter((e) => e.qm === 'QM1' && e.channel === 'DEMO.QM3' && e.t >= faultAtMs);
    const enteredRetrying = states.find((e) => e.to === 'RETRYING')!;
    const leftRetrying = states.find((e) => e.from === 'RETRYING' && e.t > enteredRetrying.t)!;
    expect(Math.abs(timeline.timeInRetryingSeconds - (leftRetrying.t - enteredRetrying.t) / 1000)).toBeLessThanOrEqual((3 * PROBE_MS) / 1000);
    expect(filterEvents(truth(), 'cluster-transferred').flatMap((e) => e.msgIds).filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterEvents, instanceRolesAt, readTruthLog } from '../lab/truth-log.ts';
import { startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { runTestSuite } from './support/run-test-suite.ts';

let harness: LabHarness;
beforeAll(async () => {
  harness = await startLabHarness('fast');
});
afterAll(async () => {
  await harness?.stop();
});

function expectSteadyRoles(): void {
  const roles = instanceRolesAt(readTruthLog(harness.lab.truthLogFile), 'QM1');
  expect([roles.active.length, roles.standby.length]).toEqual([1, 1]);
}

describe('switchover, stop-standby and stop-all on a real Temporal server and the lab', () => {
  it('planned stops - switchover measures the takeover within one probe interval of the truth; the stops cause no failover', async () => {
    const { outcome, result, truth } = await runTestSuite(harness, 'test/suites/planned-stops-fast.yaml');
    const [switchover, stopStandby, stopAll] = result.scenarios;
    expect(result.scenarios.map((s) => [s.scenario, s.verdict, s.expectation.failures])).toEqual([
      ['switchover', 'pass', []],
      ['stop-standby', 'pass', []],
      ['stop-all', 'pass', []],
    ]);
    expect(outcome.exitCode).toBe(0);

    const events = truth();
    const ending = filterEvents(events, 'instance-state').find((e) => e.to === 'ending' && e.from === 'active')!;
    const takeover = filterEvents(events, 'instance-state').find((e) => e.to === 'active' && e.t > ending.t)!;
    const trueSeconds = (takeover.t - ending.t) / 1000;
    expect(Math.abs(switchover!.failover.instanceFailoverSeconds! - trueSeconds)).toBeLessThanOrEqual(switchover!.failover.probeIntervalMs / 1000);
    expect(switchover!.failover.newActiveHost).toBe(takeover.host);

    for (const scenario of [stopStandby!, stopAll!]) {
      expect(scenario.failover).toMatchObject({ occurred: false, newActiveHost: null, instanceFailoverSeconds: null });
      expect(scenario.recovery.ok).toBe(true);
    }
    // stop-all: after the standby was ended first, the active's end let nobody take over until the restore.
    const stopAllAt = Date.parse(stopAll!.failover.faultAt!);
    const restoredAt = Date.parse(stopAll!.events.find((e) => e.kind === 'fault-restored')!.at);
    expect(filterEvents(events, 'instance-state').filter((e) => e.to === 'active' && e.t > stopAllAt && e.t < restoredAt - 5_000)).toEqual([]);
    expectSteadyRoles();
  });

  it('faults - each new fault against an expectation it cannot meet fails, in words, with exit code 1', async () => {
    const { outcome, result } = await runTestSuite(harness, 'test/suites/faults-strict.yaml');
    expect(outcome.exitCode).toBe(1);
    const failures = Object.fromEntries(result.scenarios.map((s) => [s.scenario, [s.verdict, ...s.expectation.failures]]));
    const seconds = (name: string) => result.scenarios.find((s) => s.scenario === name)!.failover.instanceFailoverSeconds;
    expect(failures).toEqual({
      'drop-nfs-strict': ['fail', `failover.instanceFailoverSeconds was ${seconds('drop-nfs-strict')}, must be at most 0.2`],
      'switchover-strict': ['fail', `failover.instanceFailoverSeconds was ${seconds('switchover-strict')}, must be at most 0.1`],
      'stop-standby-strict': ['fail', 'failover.occurred was false, must be true'],
      'stop-all-strict': ['fail', 'failover.occurred was false, must be true'],
    });
    expectSteadyRoles();
  });
});

describe('split brain on a real Temporal server and the lab', () => {
  let splitBrain: LabHarness;
  beforeAll(async () => {
    splitBrain = await startLabHarness('split-brain');
  });
  afterAll(async () => {
    await splitBrain?.stop();
  });

  it('split brain - two actives are reported as a finding and fail an expectation that holds on timings', async () => {
    const { outcome, result, truth } = await runTestSuite(splitBrain, 'test/suites/split-brain.yaml');
    const scenario = result.scenarios[0]!;
    const lab = filterEvents(truth(), 'split-brain')[0]!;
    expect(lab).toMatchObject({ qm: 'QM1', hosts: ['mq1', 'mq2'] });
    expect(scenario.findings).toEqual([expect.objectContaining({ kind: 'two-actives', hosts: ['mq1', 'mq2'] })]);
    expect(Math.abs(Date.parse(scenario.findings![0]!.at) - lab.t)).toBeLessThanOrEqual(scenario.failover.probeIntervalMs);
    expect(scenario.verdict).toBe('fail');
    expect(scenario.expectation.failures).toEqual([
      `findings has two-actives: ${scenario.findings![0]!.summary}; the expectation does not allow it (constrain findings to allow it)`,
    ]);
    expect(outcome.exitCode).toBe(1);
    expect(scenario.recovery.ok).toBe(true);
    const roles = instanceRolesAt(readTruthLog(splitBrain.lab.truthLogFile), 'QM1');
    expect([roles.active.length, roles.standby.length]).toEqual([1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';
import { instanceRolesAt } from '../truth-log.ts';

describe('endmqm - ending instances', () => {
  it('endmqm - -is on the active prints the transcript lines and the standby takes over', async () => {
    const lab = createTestEstate({ shutdownMs: 300, standbyPollMs: 500, logReplayMs: 1200 });
    await startActiveAndStandby(lab);
    expect(await runOn(lab, 'mq1', 'endmqm -is QM1', 300)).toEqual({
      stdout:
        "IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM1' ended, permitting switchover to a standby instance.\n",
      stderr: '',
      exitCode: 0,
    });
    lab.clock.advanceBy(500 + 1200);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq2'], standby: [] });
    expect(lab.events.find((e) => e.event === 'lock-released')).toMatchObject({ host: 'mq1', reason: 'endmqm' });
  });

  it('endmqm - -c returns at once with the quiesce message while the queue manager shows Quiescing', async () => {
    const lab = createTestEstate({ instances: ['mq1'], shutdownMs: 300 });
    await startActiveAndStandby(lab);
    expect(await runOn(lab, 'mq1', 'endmqm QM1')).toEqual({
      stdout: 'Quiesce request accepted. The queue manager will stop when all outstanding work\nis complete.\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await runOn(lab, 'mq1', 'dspmq')).stdout).toMatch(/STATUS\(Quiescing\)$/m);
    lab.clock.advanceBy(300);
    expect((await runOn(lab, 'mq1', 'dspmq')).stdout).toMatch(/STATUS\(Ended normally\)$/m);
  });

  it('endmqm - -i on a lone active ends it immediately and reports Ended immediately', async () => {
    const lab = createTestEstate({ instances: ['mq1'], shutdownMs: 300 });
    await startActiveAndStandby(lab);
    expect((await runOn(lab, 'mq1', 'endmqm -i QM1', 300)).stdout).toBe(
      "IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM1' ended.\n",
    );
    expect((await runOn(lab, 'mq1', 'dspmq')).stdout).toMatch(/STATUS\(Ended immediately\)$/m);
  });

  it('endmqm - -w prints the waiting line, -p leaves Ended preemptively', async () => {
    const lab = createTestEstate({ instances: ['mq1'], shutdownMs: 300 });
    await startActiveAndStandby(lab);
    expect((await runOn(lab, 'mq1', 'endmqm -w QM1', 300)).stdout).toBe(
      "Waiting for queue manager 'QM1' to end.\nIBM MQ queue manager 'QM1' ended.\n",
    );
    await runOn(lab, 'mq1', 'strmqm QM1', 1200);
    expect((await runOn(lab, 'mq1', 'endmqm -p QM1', 300)).exitCode).toBe(0);
    expect((await runOn(lab, 'mq1', 'dspmq -n')).stdout).toMatch(/STATUS\(ENDED PRE-EMPTIVELY\)$/m);
  });

  it('endmqm - -x ends the standby only; without -x a standby is refused', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    expect((await runOn(lab, 'mq2', 'endmqm -i QM1')).exitCode).toBe(40);
    expect((await runOn(lab, 'mq2', 'endmqm -x QM1')).exitCode).toBe(0);
    expect(instanceRolesAt(lab.events, 'QM1')).toEqual({ active: ['mq1'], standby: [] });
    expect((await runOn(lab, 'mq1', 'endmqm -x QM1')).exitCode).toBe(40);
  });

  it('endmqm - a switchover with no standby is refused and the queue manager keeps running', async () => {
    const lab = createTestEstate({ instances: ['mq1'] });
    await startActiveAndStandby(lab);
    const result = await runOn(lab, 'mq1', 'endmqm -s QM1');
    expect(result.exitCode).toBe(40);
    expect((await runOn(lab, 'mq1', 'dspmq')).stdout).toMatch(/STATUS\(Running\)$/m);
  });

  it('endmqm - a queue manager that is not running, or unknown, or bad options', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'endmqm QM1')).toEqual({ stdout: "IBM MQ queue manager 'QM1' not running.\n", stderr: '', exitCode: 40 });
    expect((await runOn(lab, 'mq1', 'endmqm QM7')).exitCode).toBe(72);
    expect((await runOn(lab, 'mq1', 'endmqm -i -p QM1')).exitCode).toBe(20);
    expect((await runOn(lab, 'mq1', 'endmqm -s -x QM1')).exitCode).toBe(20);
  });

  it('endmqm - from a host without an instance says the queue manager runs elsewhere', async () => {
    const lab = createTestEstate({ instances: ['mq1', 'mq2', 'mq3'] });
    await startActiveAndStandby(lab);
    const result = await runOn(lab, 'mq3', 'endmqm -i QM1');
    expect(result).toEqual({ stdout: "IBM MQ queue manager 'QM1' is running on another machine.\n", stderr: '', exitCode: 40 });
  });
});

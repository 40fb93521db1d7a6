import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';

const pad = (qm: string): string => `QMNAME(${qm})`.padEnd(58);

describe('dspmq - what each host sees', () => {
  it('dspmq - the standby host shows Running as standby and both instances with -x', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    expect(await runOn(lab, 'mq2', 'dspmq')).toEqual({ stdout: `${pad('QM1')}STATUS(Running as standby)\n`, stderr: '', exitCode: 0 });
    expect((await runOn(lab, 'mq2', 'dspmq -x -o standby')).stdout).toBe(
      `${pad('QM1')}STANDBY(Permitted)\n    INSTANCE(mq1) MODE(Active)\n    INSTANCE(mq2) MODE(Standby)\n`,
    );
    expect((await runOn(lab, 'mq1', 'dspmq -n -s -o standby -m QM1')).stdout).toBe(`${pad('QM1')}STATUS(RUNNING) STANDBY(PERMITTED)\n`);
  });

  it('dspmq - a replaying instance shows Starting with no INSTANCE line; the other host sees Running elsewhere', async () => {
    const lab = createTestEstate({ standbyPollMs: 500, logReplayMs: 1200 });
    await startActiveAndStandby(lab);
    const ec = (await runOn(lab, 'mq1', "pgrep -f '^/opt/mqm/bin/amqzxma0 -m QM1 '")).stdout.trim();
    await runOn(lab, 'mq1', `kill -9 ${ec}`);
    lab.clock.advanceBy(500);
    expect((await runOn(lab, 'mq2', 'dspmq -x')).stdout).toBe(`${pad('QM1')}STATUS(Starting)\n`);
    expect((await runOn(lab, 'mq1', 'dspmq -x')).stdout).toBe(`${pad('QM1')}STATUS(Running elsewhere)\n`);
    lab.clock.advanceBy(1200);
    expect((await runOn(lab, 'mq1', 'dspmq -x')).stdout).toBe(`${pad('QM1')}STATUS(Running elsewhere)\n    INSTANCE(mq2) MODE(Active)\n`);
  });

  it('dspmq - a lone active killed leaves Ended unexpectedly, and -a then lists nothing', async () => {
    const lab = createTestEstate({ instances: ['mq1'] });
    await startActiveAndStandby(lab);
    const ec = (await runOn(lab, 'mq1', 'pgrep -f amqzxma0')).stdout.trim();
    await runOn(lab, 'mq1', `kill ${ec}`);
    expect((await runOn(lab, 'mq1', 'dspmq -o status -o standby')).stdout).toBe(
      `${pad('QM1')}STATUS(Ended unexpectedly) STANDBY(Not applicable)\n`,
    );
    expect(await runOn(lab, 'mq1', 'dspmq -a')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('dspmq - a queue manager never started shows Ended immediately', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', 'dspmq')).stdout).toBe(`${pad('QM1')}STATUS(Ended immediately)\n`);
  });

  it('dspmq - an unknown queue manager, or one not defined on this host, is AMQ7048E with exit 72', async () => {
    const lab = createTestEstate();
    const expected = { stdout: '', stderr: 'AMQ7048E: The queue manager name is either not valid or not known.\n', exitCode: 72 };
    expect(await runOn(lab, 'mq1', 'dspmq -m NOPE')).toEqual(expected);
    expect(await runOn(lab, 'mq3', 'dspmq -m QM1')).toEqual(expected);
    expect(await runOn(lab, 'mq3', 'dspmq')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('dspmq - an unsupported option is a usage error', async () => {
    const lab = createTestEstate();
    const result = await runOn(lab, 'mq1', 'dspmq -z');
    expect(result.exitCode).toBe(20);
    expect(result.stderr).toMatch(/^Usage: dspmq/);
  });
});

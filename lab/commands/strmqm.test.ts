import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';

const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// MQ 9.3.1 transcript (mq-reference §1.2) without the environment-specific RLIMIT_NOFILE warning.
const ACTIVE_STARTED = [
  "IBM MQ queue manager 'QM1' starting.",
  "The queue manager is associated with installation 'Installation1'.",
  "0 log records accessed on queue manager 'QM1' during the log replay phase.",
  "Log replay for queue manager 'QM1' complete.",
  "Transaction manager state recovered for queue manager 'QM1'.",
  'Plain text communication is enabled.',
  "IBM MQ queue manager 'QM1' started using V9.3.1.0.",
  '',
].join('\n');

const STANDBY_STARTED = [
  "IBM MQ queue manager 'QM1' starting.",
  "The queue manager is associated with installation 'Installation1'.",
  'Plain text communication is enabled.',
  "A standby instance of queue manager 'QM1' has been started. The active instance",
  'is running elsewhere.',
  '',
].join('\n');

describe('strmqm - starting instances', () => {
  it('strmqm - -x with the lock free returns 0 only once log replay is over', async () => {
    const lab = createTestEstate({ logReplayMs: 1200 });
    let settled = false;
    const running = runOn(lab, 'mq1', 'strmqm -x QM1', 1199).then((result) => {
      settled = true;
      return result;
    });
    await flushMicrotasks();
    expect(settled).toBe(false);
    lab.clock.advanceBy(1);
    expect(await running).toEqual({ stdout: ACTIVE_STARTED, stderr: '', exitCode: 0 });
  });

  it('strmqm - -x while another host is active starts a standby and returns 30 with the wrapped message', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', 'strmqm -x QM1', 1200);
    expect(await runOn(lab, 'mq2', 'strmqm -x QM1')).toEqual({ stdout: STANDBY_STARTED, stderr: '', exitCode: 30 });
  });

  it('strmqm - a queue manager already running on this host returns 5', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    expect(await runOn(lab, 'mq1', 'strmqm -x QM1')).toEqual({ stdout: "IBM MQ queue manager 'QM1' running.\n", stderr: '', exitCode: 5 });
    expect((await runOn(lab, 'mq2', 'strmqm -x QM1')).exitCode).toBe(5);
  });

  it('strmqm - without -x while another host is active returns 47 and starts nothing', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', 'strmqm -x QM1', 1200);
    const result = await runOn(lab, 'mq2', 'strmqm QM1');
    expect(result.exitCode).toBe(47);
    expect(lab.estate.queueManagers.get('QM1')?.instanceOn('mq2')).toBeUndefined();
  });

  it('strmqm - -x when the active was started without -x is refused with 47', async () => {
    const lab = createTestEstate();
    await runOn(lab, 'mq1', 'strmqm QM1', 1200);
    expect((await runOn(lab, 'mq1', 'dspmq -o standby')).stdout).toMatch(/STANDBY\(Not permitted\)$/m);
    const result = await runOn(lab, 'mq2', 'strmqm -x QM1');
    expect(result.exitCode).toBe(47);
    expect(result.stdout).toMatch(/not permitted\sto run as a standby/);
  });

  it('strmqm - a second standby returns 31', async () => {
    const lab = createTestEstate({ instances: ['mq1', 'mq2', 'mq3'] });
    await startActiveAndStandby(lab);
    const result = await runOn(lab, 'mq3', 'strmqm -x QM1');
    expect(result.exitCode).toBe(31);
    expect(lab.estate.queueManagers.get('QM1')?.instanceOn('mq3')).toBeUndefined();
  });

  it('strmqm - an unknown queue manager returns 72 with AMQ7048E', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'strmqm -x QM9')).toEqual({
      stdout: '',
      stderr: 'AMQ7048E: The queue manager name is either not valid or not known.\n',
      exitCode: 72,
    });
  });

  it('strmqm - a host cut from its NFS server cannot start the queue manager (23)', async () => {
    const lab = createTestEstate();
    lab.estate.host('mq1').nfs?.setReachable(false);
    expect((await runOn(lab, 'mq1', 'strmqm -x QM1')).exitCode).toBe(23);
  });

  it('strmqm - a version before 9.2.5 does not print the plain-text notice', async () => {
    const lab = createTestEstate();
    const qm = lab.estate.queueManagers.get('QM1');
    if (qm) qm.config.version = '9.1.0.0';
    const result = await runOn(lab, 'mq1', 'strmqm -x QM1', 1200);
    expect(result.stdout).not.toMatch(/Plain text/);
    expect(result.stdout).toMatch(/started using V9\.1\.0\.0\.\n$/);
  });
});

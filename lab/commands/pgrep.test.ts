import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';

describe('pgrep - finding processes', () => {
  it('pgrep - -f matches the full command line and prints one pid per line', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const controller = lab.estate.host('mq1').processes.list().find((p) => p.command.includes('amqzxma0'));
    expect(await runOn(lab, 'mq1', "pgrep -f 'amqzxma0 -m QM1'")).toEqual({ stdout: `${controller?.pid}\n`, stderr: '', exitCode: 0 });
    const all = (await runOn(lab, 'mq1', 'pgrep -f "^/opt/mqm/bin/amq"')).stdout.trim().split('\n');
    expect(all).toHaveLength(7);
  });

  it('pgrep - without -f matches the process name only', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    expect((await runOn(lab, 'mq1', 'pgrep amqzxma0')).exitCode).toBe(0);
    expect((await runOn(lab, 'mq1', "pgrep 'QM1'")).exitCode).toBe(1);
    expect((await runOn(lab, 'mq1', 'pgrep -l -x nfsd')).exitCode).toBe(1);
    expect((await runOn(lab, 'nfs1', 'pgrep -l -x nfsd')).stdout).toMatch(/^\d+ nfsd\n\d+ nfsd\n$/);
  });

  it('pgrep - no match exits 1 with no output, and pgrep never lists itself', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'pgrep -f amqzxma0')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(await runOn(lab, 'mq1', 'pgrep -f pgrep')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('pgrep - -a prints the command line and -u filters by user', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', 'pgrep -a -u root init')).stdout).toBe('1 /sbin/init\n');
    expect((await runOn(lab, 'mq1', 'pgrep -u mqm init')).exitCode).toBe(1);
  });

  it('pgrep - a missing pattern or a bad regular expression exits 2', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', 'pgrep -f')).exitCode).toBe(2);
    expect((await runOn(lab, 'mq1', "pgrep -f '('")).exitCode).toBe(2);
  });
});

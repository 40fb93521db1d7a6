import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';

describe('kill - signalling processes', () => {
  it('kill - default TERM, -9, -KILL, -s KILL and -15 are recorded with the signal name', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const bash = lab.estate.host('mq1').processes.list().find((p) => p.command === '-bash');
    expect(await runOn(lab, 'mq1', `kill ${bash?.pid}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(lab.events.find((e) => e.event === 'process-killed')).toMatchObject({ host: 'mq1', pid: bash?.pid, signal: 'TERM', command: '-bash' });
    for (const form of ['-9', '-KILL', '-s KILL', '-SIGKILL']) {
      // Each kill ends the standby; strmqm -x brings a new one (exit 5 the first time: still running).
      await runOn(lab, 'mq2', 'strmqm -x QM1');
      const pid = (await runOn(lab, 'mq2', 'pgrep -f amqzmuc0')).stdout.trim();
      expect((await runOn(lab, 'mq2', `kill ${form} ${pid}`)).exitCode).toBe(0);
      expect(lab.events.filter((e) => e.event === 'process-killed').at(-1)).toMatchObject({ pid: Number(pid), signal: 'KILL' });
    }
  });

  it('kill - a pid that does not exist is the sh message with exit 2', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'kill -9 99999')).toEqual({ stdout: '', stderr: 'sh: 1: kill: No such process\n', exitCode: 2 });
  });

  it("kill - another user's process is not permitted and init ignores root's signals", async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'kill -9 1')).toEqual({ stdout: '', stderr: 'sh: 1: kill: Operation not permitted\n', exitCode: 2 });
    expect(lab.estate.host('mq1').signal(1, 'KILL', 'root')).toBe('delivered');
    expect(lab.estate.host('mq1').processes.get(1)?.command).toBe('/sbin/init');
    expect(lab.events.filter((e) => e.event === 'process-killed')).toEqual([]);
  });

  it('kill - -0 only checks that the process exists', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const ec = (await runOn(lab, 'mq1', 'pgrep -f amqzxma0')).stdout.trim();
    expect((await runOn(lab, 'mq1', `kill -0 ${ec}`)).exitCode).toBe(0);
    expect(lab.estate.host('mq1').processes.get(Number(ec))).toBeDefined();
  });

  it('kill - bad signals, bad pids and no pid at all exit 2', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'kill -FOO 1')).toEqual({ stdout: '', stderr: 'sh: 1: kill: invalid signal number or name: FOO\n', exitCode: 2 });
    expect((await runOn(lab, 'mq1', 'kill abc')).stderr).toBe('sh: 1: kill: Illegal number: abc\n');
    expect((await runOn(lab, 'mq1', 'kill -9')).exitCode).toBe(2);
  });
});

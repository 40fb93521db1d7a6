import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';

describe('run command - the lab shell', () => {
  it('run command - an unknown command exits 127 with the sh message', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'lsof -i')).toEqual({ stdout: '', stderr: 'sh: 1: lsof: not found\n', exitCode: 127 });
    expect(await runOn(lab, 'mq1', 'toString')).toEqual({ stdout: '', stderr: 'sh: 1: toString: not found\n', exitCode: 127 });
  });

  it('run command - full paths work only where the command is installed', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', '/opt/mqm/bin/dspmq')).exitCode).toBe(0);
    expect((await runOn(lab, 'mq1', '/usr/bin/pgrep init')).stdout).toBe('1\n');
    expect(await runOn(lab, 'mq1', '/usr/local/bin/dspmq')).toEqual({ stdout: '', stderr: 'sh: 1: /usr/local/bin/dspmq: not found\n', exitCode: 127 });
  });

  it('run command - lists and pipelines are a syntax error with exit 2', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'mq1', 'dspmq; hostname')).toEqual({ stdout: '', stderr: 'sh: 1: Syntax error: ";" unexpected\n', exitCode: 2 });
  });

  it('run command - every command is recorded in the truth log after it finishes', async () => {
    const lab = createTestEstate({ logReplayMs: 1200 });
    const startMs = lab.clock.now();
    await runOn(lab, 'mq1', 'strmqm -x QM1', 1200);
    await runOn(lab, 'nfs1', 'nope');
    expect(lab.events.filter((e) => e.event === 'command')).toEqual([
      { event: 'command', t: startMs + 1200, host: 'mq1', command: 'strmqm -x QM1', exitCode: 0 },
      { event: 'command', t: startMs + 1200, host: 'nfs1', command: 'nope', exitCode: 127 },
    ]);
  });

  it('run command - a running command is in the process table and gone afterwards', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const mq1 = lab.estate.host('mq1');
    const before = mq1.processes.list().length;
    const pending = runOn(lab, 'mq1', 'endmqm -w QM1');
    expect(mq1.processes.list().find((p) => p.command === 'endmqm -w QM1')?.ppid).toBe(mq1.sshdPid);
    lab.clock.advanceBy(300);
    await pending;
    expect(mq1.processes.list().find((p) => p.command === 'endmqm -w QM1')).toBeUndefined();
    expect(mq1.processes.list().length).toBe(before - 7);
  });

  it('run command - hostname prints the host name', async () => {
    const lab = createTestEstate();
    expect(await runOn(lab, 'nfs1', 'hostname')).toEqual({ stdout: 'nfs1\n', stderr: '', exitCode: 0 });
  });
});

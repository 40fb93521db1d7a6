import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby } from '../test-estate.ts';
import { formatPsEf } from './ps.ts';

describe('ps - ps -ef layout', () => {
  it('ps - header and a line as procps prints them', () => {
    const startedAtMs = Date.UTC(2026, 0, 15, 19, 3, 10);
    const lines = formatPsEf(
      [{ pid: 2345, ppid: 1, user: 'mqm', tty: '?', startedAtMs, command: '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm' }],
      startedAtMs + 3_600_000,
    );
    expect(lines).toEqual([
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      'mqm         2345       1  0 19:03 ?        00:00:00 /opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm',
    ]);
  });

  it('ps - a process started on an earlier day shows month and day', () => {
    const startedAtMs = Date.UTC(2026, 0, 14, 23, 59);
    const [, line] = formatPsEf([{ pid: 1, ppid: 0, user: 'root', tty: '?', startedAtMs, command: '/sbin/init' }], startedAtMs + 120_000);
    expect(line).toBe('root           1       0  0 Jan14 ?        00:00:00 /sbin/init');
  });

  it('ps - ps -ef on an active host lists the queue manager, the session and ps itself', async () => {
    const lab = createTestEstate();
    await startActiveAndStandby(lab);
    const result = await runOn(lab, 'mq1', 'ps -ef');
    const lines = result.stdout.trimEnd().split('\n');
    expect(result.exitCode).toBe(0);
    expect(lines[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    const commands = lines.slice(1).map((line) => line.slice(52));
    expect(commands).toEqual(
      expect.arrayContaining([
        '/sbin/init',
        '-bash',
        '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm',
        '/opt/mqm/bin/amqzmur0 -m QM1',
        '/opt/mqm/bin/amqzlaa0 -mQM1 -fip0',
        '/opt/mqm/bin/amqrrmfa -m QM1 -t2332800 -s2592000 -p2592000 -g5184000 -c3600',
        'ps -ef',
      ]),
    );
    const pids = lines.slice(1).map((line) => Number(line.slice(9, 16)));
    expect([...pids].sort((a, b) => a - b)).toEqual(pids);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it('ps - other option sets are refused', async () => {
    const lab = createTestEstate();
    expect((await runOn(lab, 'mq1', 'ps aux')).exitCode).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AmbiguousProcessError,
  findExecutionControllerPid,
  isExecutionControllerCommand,
  parsePgrep,
  parsePsEf,
  PsParseError,
} from './parse-ps.ts';
import { thrownBy } from '../../test/support/thrown-by.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}


describe('parsePsEf', () => {
  it('parsePsEf - Linux rows with dates, times and commands with spaces', () => {
    const processes = parsePsEf(fixture('ps-ef-active-host.txt'));
    expect(processes).toHaveLength(13);
    expect(processes[0]).toEqual({
      uid: 'root',
      pid: 1,
      ppid: 0,
      cpu: '0',
      startTime: 'Nov21',
      tty: '?',
      cpuTime: '00:00:04',
      command: '/sbin/init splash',
    });
    expect(processes[1]?.command).toBe('sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups');
    expect(processes.find((p) => p.pid === 3001)).toMatchObject({ startTime: '10:43', tty: 'pts/0', ppid: 2990 });
  });

  it('parsePsEf - AIX rows with a two-token STIME', () => {
    const processes = parsePsEf(fixture('ps-ef-aix-standby-host.txt'));
    expect(processes.map((p) => [p.pid, p.startTime, p.tty, p.cpuTime])).toEqual([
      [1, 'Nov 21', '-', '0:04'],
      [6029314, 'Nov 21', '-', '0:01'],
      [6095012, 'Nov 21', '-', '0:00'],
      [7012354, '09:15:02', '-', '0:00'],
    ]);
    expect(processes[1]?.command).toBe('/usr/mqm/bin/amqzxma0 -m QM1 -x -u mqm');
  });

  it('parsePsEf - output without the ps -ef header is refused', () => {
    const text = 'USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND\nmqm 2310 0.0 0.1 1 2 ? Ssl 10:42 0:00 amqzxma0 -m QM1\n';
    const err = thrownBy(() => parsePsEf(text));
    expect(err).toBeInstanceOf(PsParseError);
    expect((err as Error).message).toBe(
      'process list not understood at line 1 ("USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND"): ' +
        'expected the ps -ef header UID PID PPID C STIME TTY TIME CMD',
    );
    expect(err).toMatchObject({ code: 'PS_UNPARSEABLE', lineNumber: 1 });
  });

  it('parsePsEf - empty output is refused', () => {
    const err = thrownBy(() => parsePsEf(''));
    expect(err).toBeInstanceOf(PsParseError);
    expect((err as Error).message).toBe('process list not understood at line 1 (""): the output is empty, expected a ps -ef header');
  });
});

describe('parsePgrep', () => {
  it('parsePgrep - pids only', () => {
    expect(parsePgrep('2310\n2405\n')).toEqual([{ pid: 2310 }, { pid: 2405 }]);
  });

  it('parsePgrep - pids with command lines', () => {
    expect(parsePgrep(fixture('pgrep-af-amqzxma0.txt'))).toEqual([
      { pid: 2310, command: '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm' },
      { pid: 2405, command: 'amqzxma0 -m QM10 -u mqm' },
    ]);
  });

  it('parsePgrep - no output means no match', () => {
    expect(parsePgrep('')).toEqual([]);
  });

  it('parsePgrep - a line without a pid is refused', () => {
    const err = thrownBy(() => parsePgrep('2310\npgrep: invalid option -- a\n'));
    expect(err).toBeInstanceOf(PsParseError);
    expect((err as Error).message).toBe(
      'process list not understood at line 2 ("pgrep: invalid option -- a"): expected a pid, optionally followed by a command line',
    );
  });
});

describe('isExecutionControllerCommand', () => {
  it.each([
    ['full path, multi-instance', '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm', true],
    ['bare name', 'amqzxma0 -m QM1 -u mqm', true],
    ['attached -m', 'amqzxma0 -mQM1', true],
    ['another queue manager whose name starts the same', 'amqzxma0 -m QM10 -u mqm', false],
    ['attached -m of another queue manager', 'amqzxma0 -mQM10', false],
    ['different case is another queue manager', 'amqzxma0 -m qm1', false],
    ['another MQ process', '/opt/mqm/bin/amqzfuma -m QM1', false],
    ['grep for the controller', 'grep amqzxma0 -m QM1', false],
    ['shell running pgrep', "bash -c kill -9 $(pgrep -f 'amqzxma0 -m QM1')", false],
    ['defunct controller', '[amqzxma0] <defunct>', false],
    ['-m without a value', 'amqzxma0 -m', false],
  ])('isExecutionControllerCommand - %s', (_case, command, expected) => {
    expect(isExecutionControllerCommand(command, 'QM1')).toBe(expected);
  });
});

describe('findExecutionControllerPid', () => {
  it('findExecutionControllerPid - picks QM1 and not QM10 from ps -ef', () => {
    const processes = parsePsEf(fixture('ps-ef-active-host.txt'));
    expect(findExecutionControllerPid(processes, 'QM1')).toBe(2310);
    expect(findExecutionControllerPid(processes, 'QM10')).toBe(2405);
  });

  it('findExecutionControllerPid - standby controller on AIX', () => {
    expect(findExecutionControllerPid(parsePsEf(fixture('ps-ef-aix-standby-host.txt')), 'QM1')).toBe(6029314);
  });

  it('findExecutionControllerPid - from pgrep -af matches', () => {
    expect(findExecutionControllerPid(parsePgrep(fixture('pgrep-af-amqzxma0.txt')), 'QM1')).toBe(2310);
  });

  it('findExecutionControllerPid - none running gives undefined', () => {
    expect(findExecutionControllerPid(parsePsEf(fixture('ps-ef-active-host.txt')), 'QM2')).toBeUndefined();
    expect(findExecutionControllerPid(parsePgrep('2310\n'), 'QM1')).toBeUndefined();
  });

  it('findExecutionControllerPid - two controllers for one queue manager are refused', () => {
    const processes = [
      { pid: 10, command: 'amqzxma0 -m QM1 -x' },
      { pid: 11, command: '/opt/mqm/bin/amqzxma0 -m QM1' },
    ];
    const err = thrownBy(() => findExecutionControllerPid(processes, 'QM1'));
    expect(err).toBeInstanceOf(AmbiguousProcessError);
    expect((err as Error).message).toBe('several execution controllers (amqzxma0) for queue manager QM1: pids 10, 11');
    expect(err).toMatchObject({ code: 'PROCESS_AMBIGUOUS', pids: [10, 11] });
  });
});

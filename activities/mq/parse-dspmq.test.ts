import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DspmqParseError, normaliseDspmqStatus, parseDspmq, parseDspmqOutput, type DspmqStatus } from './parse-dspmq.ts';
import { thrownBy } from '../../test/support/thrown-by.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}


const MQ91_ACTIVE = 'ip-172-31-23-68.ec2.internal';
const MQ91_STANDBY = 'ip-172-31-67-58.ec2.internal';

describe('parseDspmq default form', () => {
  it('parseDspmq - running queue manager', () => {
    expect(parseDspmq(fixture('dspmq-running.txt'))).toEqual([
      { name: 'PSAP', status: 'running', statusText: 'Running', instances: [], fields: { QMNAME: 'PSAP', STATUS: 'Running' } },
    ]);
  });

  it('parseDspmq - running elsewhere keeps the text with spaces', () => {
    const [entry] = parseDspmq(fixture('dspmq-running-elsewhere.txt'));
    expect(entry).toMatchObject({ name: 'PSAP', status: 'running-elsewhere', statusText: 'Running elsewhere' });
  });

  it('parseDspmq - running as standby', () => {
    const [entry] = parseDspmq(fixture('dspmq-running-as-standby.txt'));
    expect(entry).toMatchObject({ name: 'PSAP', status: 'running-as-standby', statusText: 'Running as standby' });
  });

  const translated: [string, DspmqStatus][] = [
    ['QM01', 'starting'],
    ['QM02', 'running'],
    ['QM03', 'running-as-standby'],
    ['QM04', 'running-elsewhere'],
    ['QM05', 'quiescing'],
    ['QM06', 'ending-immediately'],
    ['QM07', 'ending-preemptively'],
    ['QM08', 'ended-normally'],
    ['QM09', 'ended-immediately'],
    ['QM10', 'ended-unexpectedly'],
    ['QM11', 'ended-preemptively'],
    ['QM12', 'status-not-available'],
  ];

  it('parseDspmq - every translated status string is normalised', () => {
    const entries = parseDspmq(fixture('dspmq-every-status.txt'));
    expect(entries.map((e) => [e.name, e.status])).toEqual(translated);
  });
});

describe('parseDspmq -n form', () => {
  it('parseDspmq - every upper-case status string of every MQ version is normalised', () => {
    const entries = parseDspmq(fixture('dspmq-n-every-status.txt'));
    expect(entries.map((e) => [e.statusText, e.status])).toEqual([
      ['STARTING', 'starting'],
      ['RUNNING', 'running'],
      ['RUNNING AS STANDBY', 'running-as-standby'],
      ['RUNNING ELSEWHERE', 'running-elsewhere'],
      ['QUIESCING', 'quiescing'],
      ['ENDING IMMEDIATELY', 'ending-immediately'],
      ['ENDING PREEMPTIVELY', 'ending-preemptively'],
      ['ENDING PRE-EMPTIVELY', 'ending-preemptively'],
      ['ENDED NORMALLY', 'ended-normally'],
      ['ENDED IMMEDIATELY', 'ended-immediately'],
      ['ENDED UNEXPECTEDLY', 'ended-unexpectedly'],
      ['ENDED PREEMPTIVELY', 'ended-preemptively'],
      ['ENDED PRE-EMPTIVELY', 'ended-preemptively'],
      ['STATUS NOT AVAILABLE', 'status-not-available'],
      ['NOT AVAILABLE', 'status-not-available'],
    ]);
  });

  it.each([
    ['REPLICA', 'unknown'],
    ['RECOVERY GROUP LEADER', 'unknown'],
    ['  Running   as  standby ', 'running-as-standby'],
    ['running elsewhere', 'running-elsewhere'],
  ] as const)('normaliseDspmqStatus - %j gives %s', (text, status) => {
    expect(normaliseDspmqStatus(text)).toBe(status);
  });
});

describe('parseDspmq -x and -o standby', () => {
  it('parseDspmq - -x -o standby with the active instance only', () => {
    expect(parseDspmq(fixture('dspmq-x-o-standby-active.txt'))).toEqual([
      {
        name: 'PSAP',
        standby: 'permitted',
        instances: [{ host: MQ91_ACTIVE, mode: 'Active' }],
        fields: { QMNAME: 'PSAP', STANDBY: 'Permitted' },
      },
    ]);
  });

  it('parseDspmq - -x -o standby with active and standby instances, 4-space indent', () => {
    const [entry] = parseDspmq(fixture('dspmq-x-o-standby-two-instances.txt'));
    expect(entry?.status).toBeUndefined();
    expect(entry?.instances).toEqual([
      { host: MQ91_ACTIVE, mode: 'Active' },
      { host: MQ91_STANDBY, mode: 'Standby' },
    ]);
  });

  it('parseDspmq - after switchover the former standby is the only, active instance', () => {
    const [entry] = parseDspmq(fixture('dspmq-x-o-standby-after-switchover.txt'));
    expect(entry?.instances).toEqual([{ host: MQ91_STANDBY, mode: 'Active' }]);
  });

  it('parseDspmq - -x on the standby host has status and both instances', () => {
    const [entry] = parseDspmq(fixture('dspmq-x-running-as-standby.txt'));
    expect(entry).toMatchObject({ status: 'running-as-standby', instances: [{ mode: 'Active' }, { mode: 'Standby' }] });
  });
});

describe('parseDspmq -o all and several queue managers', () => {
  it('parseDspmq - -n -x -o all with several queue managers and a 3-space indent', () => {
    const output = parseDspmqOutput(fixture('dspmq-n-x-o-all-several.txt'));
    expect(output.unrecognised).toEqual([]);
    expect(output.entries.map((e) => [e.name, e.status, e.standby, e.instances])).toEqual([
      [
        'THE.MULTI.INSTANCE.ONE',
        'running',
        'permitted',
        [
          { host: 'sb112233', mode: 'Active' },
          { host: 'sb112255', mode: 'Standby' },
        ],
      ],
      ['THE.SLEEPING.ONE', 'ended-normally', 'not-applicable', []],
      ['THE.CRASHED.ONE', 'ended-unexpectedly', 'not-applicable', []],
      ['THE.LOCAL.ONE', 'running', 'not-permitted', [{ host: 'sb112233', mode: 'Active' }]],
    ]);
    expect(output.entries[2]?.fields).toEqual({
      QMNAME: 'THE.CRASHED.ONE',
      STATUS: 'ENDED UNEXPECTEDLY',
      DEFAULT: 'NO',
      STANDBY: 'NOT APPLICABLE',
      INSTNAME: 'Installation2',
      INSTPATH: '/opt/mqm9',
      INSTVER: '9.0.0.6',
      HA: '',
      DRROLE: '',
    });
  });

  it('parseDspmq - stray text after the fields is ignored', () => {
    const entry = parseDspmq(fixture('dspmq-n-x-o-all-several.txt')).at(-1);
    expect(entry?.fields).toEqual({ QMNAME: 'THE.LOCAL.ONE', STATUS: 'RUNNING', DEFAULT: 'NO', STANDBY: 'NOT PERMITTED' });
  });

  it('parseDspmq - -x -o all mixed case keeps empty HA() and DRROLE()', () => {
    const entries = parseDspmq(fixture('dspmq-x-o-all.txt'));
    expect(entries.map((e) => [e.name, e.status, e.standby, e.instances.length])).toEqual([
      ['QM1', 'running', 'permitted', 2],
      ['QM2', 'ended-normally', 'not-applicable', 0],
      ['QM3', 'running', 'not-permitted', 1],
    ]);
    expect(entries[0]?.fields).toMatchObject({ DEFAULT: 'yes', INSTPATH: '/opt/mqm', INSTVER: '9.3.0.0', HA: '', DRROLE: '' });
  });

  it('parseDspmq - Windows line endings', () => {
    const entries = parseDspmq(fixture('dspmq-x-o-standby-two-instances.txt').replaceAll('\n', '\r\n'));
    expect(entries[0]?.instances.map((i) => i.host)).toEqual([MQ91_ACTIVE, MQ91_STANDBY]);
  });
});

describe('parseDspmq odd and bad output', () => {
  it('parseDspmq - empty output means no queue managers', () => {
    expect(parseDspmqOutput('')).toEqual({ entries: [], unrecognised: [] });
    expect(parseDspmq('\n\n')).toEqual([]);
  });

  it('parseDspmq - unknown lines and unknown instance modes are kept, not thrown', () => {
    const text = `${fixture('dspmq-running.txt')}    INSTANCE(mq-c) MODE(Replica)\nAMQ0000W: something new\n`;
    const output = parseDspmqOutput(text);
    expect(output.entries).toHaveLength(1);
    expect(output.entries[0]?.instances).toEqual([]);
    expect(output.unrecognised).toEqual([
      { lineNumber: 2, text: '    INSTANCE(mq-c) MODE(Replica)' },
      { lineNumber: 3, text: 'AMQ0000W: something new' },
    ]);
  });

  it('parseDspmq - an unknown status is kept as text with status unknown', () => {
    const [entry] = parseDspmq('QMNAME(QM1)   STATUS(Replica)\n');
    expect(entry).toMatchObject({ status: 'unknown', statusText: 'Replica' });
  });

  it('parseDspmq - output without any QMNAME line is refused', () => {
    const err = thrownBy(() => parseDspmq('AMQ7048E: The queue manager name is either not valid or not known.\n'));
    expect(err).toBeInstanceOf(DspmqParseError);
    expect((err as Error).message).toBe(
      'dspmq output not understood at line 1 ("AMQ7048E: The queue manager name is either not valid or not known."): no QMNAME(...) line in the output',
    );
    expect(err).toMatchObject({ code: 'DSPMQ_UNPARSEABLE', permanent: false, lineNumber: 1 });
  });

  it('parseDspmq - an instance line before any queue manager is refused', () => {
    const err = thrownBy(() => parseDspmq('    INSTANCE(mq-a) MODE(Active)\n'));
    expect(err).toBeInstanceOf(DspmqParseError);
    expect((err as Error).message).toBe(
      'dspmq output not understood at line 1 ("    INSTANCE(mq-a) MODE(Active)"): an instance line comes before any QMNAME line',
    );
  });

  it('parseDspmq - an unterminated QMNAME is refused', () => {
    const err = thrownBy(() => parseDspmq('QMNAME(QM1\n'));
    expect(err).toBeInstanceOf(DspmqParseError);
    expect((err as Error).message).toBe('dspmq output not understood at line 1 ("QMNAME(QM1"): QMNAME(...) is not closed');
  });

  it('parseDspmq - an empty queue manager name is refused', () => {
    const err = thrownBy(() => parseDspmq('QMNAME()   STATUS(Running)\n'));
    expect(err).toBeInstanceOf(DspmqParseError);
    expect((err as Error).message).toBe(
      'dspmq output not understood at line 1 ("QMNAME()   STATUS(Running)"): the queue manager name is empty',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { QmHostView } from '../queue-manager.ts';
import { formatDspmqLines, QMNAME_FIELD_WIDTH, type DspmqFields } from './dspmq-format.ts';

const STATUS_ONLY: DspmqFields = { status: true, standby: false, instances: false, untranslated: false };

function view(overrides: Partial<QmHostView>): QmHostView {
  return { qm: 'PSAP', status: 'running', standby: 'permitted', instances: [], ...overrides };
}

// Lines below are copied from the MQ 9.1 multi-instance transcript (mq-reference §1.1).
describe('dspmq format - IBM transcripts', () => {
  it('dspmq format - dspmq on the active host', () => {
    expect(formatDspmqLines(view({}), STATUS_ONLY)).toEqual(['QMNAME(PSAP)                                              STATUS(Running)']);
  });

  it('dspmq format - dspmq on a host without an instance', () => {
    expect(formatDspmqLines(view({ status: 'running-elsewhere' }), STATUS_ONLY)).toEqual([
      'QMNAME(PSAP)                                              STATUS(Running elsewhere)',
    ]);
  });

  it('dspmq format - dspmq -x -o standby with an active and a standby instance', () => {
    const lines = formatDspmqLines(
      view({
        instances: [
          { host: 'ip-172-31-23-68.ec2.internal', mode: 'active' },
          { host: 'ip-172-31-67-58.ec2.internal', mode: 'standby' },
        ],
      }),
      { status: false, standby: true, instances: true, untranslated: false },
    );
    expect(lines).toEqual([
      'QMNAME(PSAP)                                              STANDBY(Permitted)',
      '    INSTANCE(ip-172-31-23-68.ec2.internal) MODE(Active)',
      '    INSTANCE(ip-172-31-67-58.ec2.internal) MODE(Standby)',
    ]);
  });
});

describe('dspmq format - layout rules', () => {
  it('dspmq format - the first field starts at column 58 even for a 48-character name', () => {
    const longName = 'Q'.repeat(48);
    const [line] = formatDspmqLines(view({ qm: longName }), STATUS_ONLY);
    expect(line?.indexOf('STATUS(')).toBe(QMNAME_FIELD_WIDTH);
    expect(QMNAME_FIELD_WIDTH).toBe(58);
  });

  it('dspmq format - -n upper-cases status, standby and mode but not names', () => {
    const lines = formatDspmqLines(
      view({ qm: 'THE.MULTI.INSTANCE.ONE', instances: [{ host: 'sb112233', mode: 'active' }] }),
      { status: true, standby: true, instances: true, untranslated: true },
    );
    expect(lines).toEqual([
      'QMNAME(THE.MULTI.INSTANCE.ONE)                            STATUS(RUNNING) STANDBY(PERMITTED)',
      '    INSTANCE(sb112233) MODE(ACTIVE)',
    ]);
  });

  it.each([
    ['running-as-standby', 'Running as standby', 'RUNNING AS STANDBY'],
    ['starting', 'Starting', 'STARTING'],
    ['quiescing', 'Quiescing', 'QUIESCING'],
    ['ending-preemptively', 'Ending preemptively', 'ENDING PRE-EMPTIVELY'],
    ['ended-normally', 'Ended normally', 'ENDED NORMALLY'],
    ['ended-immediately', 'Ended immediately', 'ENDED IMMEDIATELY'],
    ['ended-preemptively', 'Ended preemptively', 'ENDED PRE-EMPTIVELY'],
    ['ended-unexpectedly', 'Ended unexpectedly', 'ENDED UNEXPECTEDLY'],
  ] as const)('dspmq format - status %s reads %s, and %s with -n', (status, translated, untranslated) => {
    const [plain] = formatDspmqLines(view({ status }), STATUS_ONLY);
    const [upper] = formatDspmqLines(view({ status }), { ...STATUS_ONLY, untranslated: true });
    expect(plain?.slice(58)).toBe(`STATUS(${translated})`);
    expect(upper?.slice(58)).toBe(`STATUS(${untranslated})`);
  });

  it('dspmq format - standby not applicable for an ended queue manager', () => {
    const [line] = formatDspmqLines(view({ status: 'ended-normally', standby: 'not-applicable' }), {
      ...STATUS_ONLY,
      standby: true,
      untranslated: true,
    });
    expect(line?.slice(58)).toBe('STATUS(ENDED NORMALLY) STANDBY(NOT APPLICABLE)');
  });
});

import { describe, expect, it } from 'vitest';
import { parseMqscCommand, splitMqscInput } from './mqsc-command.ts';

describe('MQSC input - commands as runmqsc reads them', () => {
  it('splitMqscInput - one command a line; blank and comment lines left out', () => {
    expect(splitMqscInput('* create the test queue\nDEFINE QLOCAL(Q1)\n\n  DISPLAY QLOCAL(Q1)  \nEND\n')).toEqual(['DEFINE QLOCAL(Q1)', 'DISPLAY QLOCAL(Q1)', 'END']);
  });

  it('splitMqscInput - "-" continues with the next line as written, "+" from its first non-blank', () => {
    expect(splitMqscInput('DEFINE QLOCAL(Q1) -\n  DEFPSIST(YES)\nDEFINE QLOCAL(Q2) +\n      MAXDEPTH(10)\n')).toEqual([
      'DEFINE QLOCAL(Q1)   DEFPSIST(YES)',
      'DEFINE QLOCAL(Q2) MAXDEPTH(10)',
    ]);
  });

  it('parseMqscCommand - keywords in upper case, an unquoted name folded, a quoted value kept with its doubled quotes undone', () => {
    const parsed = parseMqscCommand("def ql(mqchaos.health) defpsist(yes) descr('it''s the (health) check') replace");
    expect(parsed).toEqual({
      ok: true,
      command: {
        text: "def ql(mqchaos.health) defpsist(yes) descr('it''s the (health) check') replace",
        verb: 'DEF',
        objectType: 'QL',
        name: 'MQCHAOS.HEALTH',
        keywords: new Map([
          ['DEFPSIST', 'yes'],
          ['DESCR', "it's the (health) check"],
          ['REPLACE', null],
        ]),
      },
    });
  });

  it("parseMqscCommand - a quoted name keeps its case; a space before '(' is allowed", () => {
    const parsed = parseMqscCommand("DISPLAY QLOCAL ('lower.q') CURDEPTH");
    expect(parsed.ok && parsed.command.name).toBe('lower.q');
  });

  it('parseMqscCommand - an unclosed parenthesis or quote is a syntax error up to where it stopped', () => {
    expect(parseMqscCommand('DEFINE QLOCAL(Q1')).toMatchObject({ ok: false });
    expect(parseMqscCommand("DEFINE QLOCAL(Q1) DESCR('open)")).toMatchObject({ ok: false });
    expect(parseMqscCommand('DEFINE QLOCAL(Q1) DEFPSIST(YES) DEFPSIST(NO)')).toEqual({ ok: false, text: 'DEFINE QLOCAL(Q1) DEFPSIST(YES) DEFPSIST(NO)', segment: 'DEFINE QLOCAL(Q1) DEFPSIST(YES) DEFPSIST(NO)' });
  });
});

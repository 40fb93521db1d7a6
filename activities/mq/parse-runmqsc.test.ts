import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunmqscOutput } from './parse-runmqsc.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseRunmqscOutput - IBM runmqsc output', () => {
  it('parseRunmqscOutput - a piped script: echo numbers, one message per command, END echoed but not counted', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-define-script.txt'));
    expect(output.queueManager).toBe('QM1');
    expect(output.messages).toEqual([]);
    expect(output.responses.map((r) => [r.number, r.messages.map((m) => m.id).join()])).toEqual([
      [1, 'AMQ8006I'],
      [2, 'AMQ8014I'],
      [3, 'AMQ8862I'],
      [4, 'AMQ8862I'],
      [5, 'AMQ8862I'],
      [6, 'AMQ8560I'],
      [7, ''],
    ]);
    expect(output.responses[0]).toMatchObject({ command: 'define ql(queue1) maxdepth(50000)', messages: [{ id: 'AMQ8006I', text: 'IBM MQ queue created.' }] });
    expect(output.footer).toEqual({ commandsRead: 6, syntaxErrors: 0, notProcessed: 0 });
  });

  it('parseRunmqscOutput - a display: the AMQ8409I object with QUEUE, TYPE and the asked attribute', () => {
    const [response] = parseRunmqscOutput(fixture('runmqsc-dis-ql-curdepth.txt')).responses;
    expect(response!.objects).toEqual([{ id: 'AMQ8409I', attributes: { QUEUE: 'QUEUE1', TYPE: 'QLOCAL', CURDEPTH: '1' }, flags: [] }]);
  });

  it('parseRunmqscOutput - an echo without its indent (a log that trimmed it) still starts a response', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-define-replace.txt'));
    expect(output.queueManager).toBe('test');
    expect(output.responses).toEqual([{ number: 1, command: 'DEFINE QL(EXAMPLE1) REPLACE', messages: [{ id: 'AMQ8006I', text: 'IBM MQ queue created.' }], objects: [] }]);
  });

  it('parseRunmqscOutput - two columns, empty values `( )`, values with colons and angle brackets', () => {
    const [object] = parseRunmqscOutput(fixture('runmqsc-display-qmstatus-all.txt')).responses[0]!.objects;
    expect(object!.id).toBe('AMQ8705I');
    expect(Object.keys(object!.attributes)).toHaveLength(43);
    expect(object!.attributes).toMatchObject({ QMNAME: 'QM1', STATUS: 'RUNNING', GRPLSN: '', DISKLSN: '<0:0:27:53638>', LOGSTRTI: '11:32:56', STANDBY: 'NOPERMIT', UNICLUS: '' });
  });

  it('parseRunmqscOutput - several objects without an echo line, bare keywords and a connection list on a line of its own', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-display-chstatus.txt'));
    expect(output.queueManager).toBeNull();
    expect(output.responses).toEqual([]);
    expect(output.messages.map((m) => m.id)).toEqual(['AMQ8417I', 'AMQ8417I']);
    const objects = output.objects;
    expect(objects.map((o) => o.attributes.STATUS)).toEqual(['RUNNING', 'RETRYING']);
    expect(objects[0]!.flags).toEqual(['CURRENT']);
    expect(objects[1]!.attributes).toMatchObject({ CONNAME: '55.888.222.333(1414),22,333.444.555(1414)', RQMNAME: '', XQTIME: '0,1' });
    expect(output.footer).toBeNull();
  });

  it('parseRunmqscOutput - object not found: AMQ8147E and one command not processed', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-object-not-found.txt'));
    expect(output.responses[0]!.messages).toEqual([{ id: 'AMQ8147E', text: 'IBM MQ object FAKE.QUEUE not found.' }]);
    expect(output.responses[0]!.objects).toEqual([]);
    expect(output.footer).toEqual({ commandsRead: 1, syntaxErrors: 0, notProcessed: 1 });
  });

  it('parseRunmqscOutput - queue manager not available: AMQ8146E before any command, nothing read', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-qmgr-not-available.txt'));
    expect(output.messages).toEqual([{ id: 'AMQ8146E', text: 'IBM MQ queue manager not available.' }]);
    expect(output.responses).toEqual([]);
    expect(output.footer).toEqual({ commandsRead: 0, syntaxErrors: 0, notProcessed: 0 });
  });

  it('parseRunmqscOutput - a syntax error keeps the segment with its message and is counted', () => {
    const output = parseRunmqscOutput(fixture('runmqsc-syntax-error.txt'));
    expect(output.responses[1]!.messages).toEqual([{ id: 'AMQ8405E', text: 'Syntax error detected at or near end of command segment below:-\nDEFINE BOGUS' }]);
    expect(output.responses[2]!.messages.map((m) => m.id)).toEqual(['AMQ8006I']);
    expect(output.footer).toEqual({ commandsRead: 3, syntaxErrors: 1, notProcessed: 0 });
  });

  it('parseRunmqscOutput - MQ 8.0 message ids without the severity letter', () => {
    const output = parseRunmqscOutput('     1 : DIS QL(Q1)\nAMQ8409: Display Queue details.\n   QUEUE(Q1)                               TYPE(QLOCAL)\n');
    expect(output.responses[0]!.objects).toEqual([{ id: 'AMQ8409', attributes: { QUEUE: 'Q1', TYPE: 'QLOCAL' }, flags: [] }]);
  });
});

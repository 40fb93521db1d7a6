import { describe, expect, it } from 'vitest';
import { parseSource, type SourceDocument } from './yaml-source.ts';

function parsed(text: string): SourceDocument {
  const read = parseSource('/x.yaml', text);
  if (read.status !== 'parsed') throw new Error(JSON.stringify(read));
  return read.source;
}

const text = [
  'suite: demo', //                       line 1
  'scenarios:', //                        line 2
  '  - name: a', //                       line 3
  '    fault: { kind: kil-active }', //   line 4
  '    observe: &fast', //                line 5
  '      windowSeconds: 5', //            line 6
  '  - name: b', //                       line 7
  '    observe: *fast', //                line 8
  '    expect:', //                       line 9
].join('\n');

describe('SourceDocument', () => {
  it('locate - the value of a field, or the key that names it', () => {
    const source = parsed(text);
    expect(source.locate('/scenarios/0/fault/kind')).toEqual({ line: 4, column: 20 });
    expect(source.locate('/scenarios/0/fault/kind', 'key')).toEqual({ line: 4, column: 14 });
    expect(source.locate('/scenarios/1')).toEqual({ line: 7, column: 5 });
  });

  it('locate - through an alias, to where the anchored node is written', () => {
    expect(parsed(text).locate('/scenarios/1/observe/windowSeconds')).toEqual({ line: 6, column: 22 });
  });

  it('locate - a missing field gives its deepest existing parent; an empty value gives its key', () => {
    const source = parsed(text);
    expect(source.locate('/scenarios/0/fault/signal', 'key')).toEqual({ line: 4, column: 12 });
    expect(source.locate('/scenarios/1/expect')).toEqual({ line: 9, column: 5 });
    expect(source.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('data - plain JSON data with aliases resolved; YAML 1.2, so "no" stays a string', () => {
    const source = parsed(`${text}\nanswer: no`);
    expect(source.data).toMatchObject({ answer: 'no', scenarios: [{ observe: { windowSeconds: 5 } }, { observe: { windowSeconds: 5 }, expect: null }] });
  });
});

describe('parseSource', () => {
  it('parseSource - every syntax problem with its line and column', () => {
    expect(parseSource('/x.yaml', 'a: 1\na: 2\nb: [1, 2\n')).toEqual({
      status: 'malformed',
      problems: [
        { message: 'Map keys must be unique', line: 2, column: 1 },
        { message: expect.stringContaining('Flow sequence') as unknown as string, line: 4, column: 1 },
      ],
    });
  });

  it('parseSource - an unresolved tag is a problem, not a silent string', () => {
    const read = parseSource('/x.yaml', 'password: !env MQ_PASSWORD\n');
    expect(read.status).toBe('malformed');
    expect(read.status === 'malformed' && read.problems[0]).toMatchObject({ line: 1, column: 11 });
  });
});

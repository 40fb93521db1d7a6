import { describe, expect, it } from 'vitest';
import { splitShellWords } from './shell-words.ts';

describe('shell words - splitting', () => {
  it.each([
    ['dspmq -x -m QM1', ['dspmq', '-x', '-m', 'QM1']],
    ["  pgrep  -f 'amqzxma0 -m QM1'  ", ['pgrep', '-f', 'amqzxma0 -m QM1']],
    ['pgrep -f "a \\"b\\" \\$c \\d"', ['pgrep', '-f', 'a "b" $c \\d']],
    ["echo a\\ b 'it'\"s\"", ['echo', 'a b', 'its']],
    ["pgrep -f '$x|y;z'", ['pgrep', '-f', '$x|y;z']],
    ['hostname # a comment', ['hostname']],
    ['a#b', ['a#b']],
    ["''", ['']],
    ['', []],
  ])('shell words - %s', (line, words) => {
    expect(splitShellWords(line)).toEqual({ ok: true, words });
  });
});

describe('shell words - refusals', () => {
  it.each([
    ['dspmq; ls', 'Syntax error: ";" unexpected'],
    ['dspmq | grep QM1', 'Syntax error: "|" unexpected'],
    ['dspmq && ls', 'Syntax error: "&&" unexpected'],
    ['dspmq > /tmp/x', 'Syntax error: ">" unexpected'],
    ['kill `pgrep amqzxma0`', 'Syntax error: "`" unexpected'],
    ['kill $(pgrep amqzxma0)', 'Syntax error: "(" unexpected'],
    ['kill "$(pgrep amqzxma0)"', 'Syntax error: "(" unexpected'],
    ["pgrep -f 'amq", 'Syntax error: Unterminated quoted string'],
    ['pgrep -f "amq', 'Syntax error: Unterminated quoted string'],
  ])('shell words - %s', (line, error) => {
    expect(splitShellWords(line)).toEqual({ ok: false, error });
  });
});

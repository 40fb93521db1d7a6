import { describe, expect, it } from 'vitest';
import { InvalidNameError } from '../../suites/mq-names.ts';
import {
  assertQueueManagerName,
  buildCommandLine,
  quoteArgument,
  UnsafeCommandArgumentError,
} from './command-line.ts';
import { thrownBy } from '../../test/support/thrown-by.ts';


describe('buildCommandLine', () => {
  it('buildCommandLine - plain tokens pass unchanged', () => {
    expect(buildCommandLine(['dspmq', '-x', '-m', 'QM1'])).toBe('dspmq -x -m QM1');
    expect(buildCommandLine(['/opt/mqm/bin/endmqm', '-is', 'APP.QM_1%/x'])).toBe('/opt/mqm/bin/endmqm -is APP.QM_1%/x');
  });

  it.each([
    ['space', 'a b', "'a b'"],
    ['semicolon', 'QM1;rm -rf /', "'QM1;rm -rf /'"],
    ['command substitution', '$(id)', "'$(id)'"],
    ['backticks', '`id`', "'`id`'"],
    ['variable', '$HOME', "'$HOME'"],
    ['glob', '*.log', "'*.log'"],
    ['redirection', '>/etc/passwd', "'>/etc/passwd'"],
    ['pipe and ampersand', 'a|b&c', "'a|b&c'"],
    ['double quote', 'say "hi"', `'say "hi"'`],
    ['single quote', "it's", "'it'\\''s'"],
    ['only a single quote', "'", "''\\'''"],
    ['tilde', '~root', "'~root'"],
    ['comment', '#x', "'#x'"],
    ['assignment', 'PATH=/tmp', "'PATH=/tmp'"],
    ['braces', '{a,b}', "'{a,b}'"],
    ['empty', '', "''"],
    ['tab', 'a\tb', "'a\tb'"],
  ])('quoteArgument - %s is single-quoted', (_case, arg, quoted) => {
    expect(quoteArgument(arg)).toBe(quoted);
  });

  it('buildCommandLine - quoted arguments survive sh unchanged', async () => {
    const { execFileSync } = await import('node:child_process');
    const args = ["it's", 'QM1;rm -rf /', '$(id) `id` $HOME *', '', 'a\tb', '"\\'];
    const line = buildCommandLine(['printf', '%s\\0', ...args]);
    const out = execFileSync('sh', ['-c', line], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(args);
  });

  it.each([
    ['newline', 'a\nb', 1, 'command argument 1 "a\\nb" refused: it contains a NUL or line break'],
    ['carriage return', 'a\rb', 1, 'command argument 1 "a\\rb" refused: it contains a NUL or line break'],
    ['NUL', 'a\0b', 1, 'command argument 1 "a\\u0000b" refused: it contains a NUL or line break'],
  ])('buildCommandLine - %s is refused', (_case, arg, index, message) => {
    const err = thrownBy(() => buildCommandLine(['echo', arg]));
    expect(err).toBeInstanceOf(UnsafeCommandArgumentError);
    expect((err as Error).message).toBe(message);
    expect(err).toMatchObject({ code: 'COMMAND_ARGUMENT_UNSAFE', permanent: true, index });
  });

  it('buildCommandLine - empty argv is refused', () => {
    const err = thrownBy(() => buildCommandLine([]));
    expect(err).toBeInstanceOf(UnsafeCommandArgumentError);
    expect((err as Error).message).toBe('command argument 0 "" refused: the command is empty');
  });

  it('buildCommandLine - empty program name is refused', () => {
    const err = thrownBy(() => buildCommandLine(['', 'x']));
    expect(err).toBeInstanceOf(UnsafeCommandArgumentError);
    expect((err as Error).message).toBe('command argument 0 "" refused: the program name is empty');
  });

  it('buildCommandLine - a later bad argument is refused even after good ones', () => {
    const err = thrownBy(() => buildCommandLine(['dspmq', '-m', 'QM1', 'x\ny']));
    expect(err).toMatchObject({ index: 3 });
  });
});

describe('assertQueueManagerName', () => {
  it.each(['QM1', 'qm.dev_01', 'A%B/C', 'X'.repeat(48)])('assertQueueManagerName - %s is accepted', (name) => {
    expect(() => assertQueueManagerName(name)).not.toThrow();
  });

  it.each([
    ['shell injection', 'QM1;rm -rf /', 'queue manager name "QM1;rm -rf /" contains ";" " " "-": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters'],
    ['space', 'QM 1', 'queue manager name "QM 1" contains " ": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters'],
    ['empty', '', 'queue manager name is empty (MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters)'],
    ['too long', 'Q'.repeat(49), `queue manager name "${'Q'.repeat(49)}" is 49 characters long: MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters`],
    ['newline', 'QM1\n', 'queue manager name "QM1\\n" contains "\\n": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters'],
  ])('assertQueueManagerName - %s is refused', (_case, name, message) => {
    const err = thrownBy(() => assertQueueManagerName(name));
    expect(err).toBeInstanceOf(InvalidNameError);
    expect((err as Error).message).toBe(message);
    expect(err).toMatchObject({ code: 'MQC-INVALID-NAME', kind: 'queueManager', value: name });
  });
});

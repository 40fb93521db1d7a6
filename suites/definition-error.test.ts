import { describe, expect, it } from 'vitest';
import { displayPath, formatDefinitionError, formatDefinitionErrors, sortDefinitionErrors, type DefinitionError } from './definition-error.ts';

const unknownFault: DefinitionError = {
  code: 'MQC-SUITE-UNKNOWN-FAULT',
  file: '/repo/suites/lab/bad.yaml',
  line: 12,
  column: 7,
  pointer: '/scenarios/0/fault/kind',
  message: 'unknown fault "kil-active" (known: kill-active)',
  hint: 'did you mean "kill-active"?',
};

describe('formatDefinitionError', () => {
  it('formatDefinitionError - file:line:column, pointer, message, code, then the hint', () => {
    expect(formatDefinitionError(unknownFault, { cwd: '/repo' })).toBe(
      'suites/lab/bad.yaml:12:7 /scenarios/0/fault/kind: unknown fault "kil-active" (known: kill-active) [MQC-SUITE-UNKNOWN-FAULT]\n' +
        '    hint: did you mean "kill-active"?',
    );
  });

  it('formatDefinitionError - an error about the whole file has no pointer and no hint line', () => {
    const error: DefinitionError = { code: 'MQC-SUITE-YAML', file: '/repo/x.yaml', line: 3, column: 5, pointer: '', message: 'malformed YAML: bad' };
    expect(formatDefinitionError(error, { cwd: '/repo' })).toBe('x.yaml:3:5: malformed YAML: bad [MQC-SUITE-YAML]');
  });

  it('formatDefinitionErrors - one entry after another', () => {
    const second = { ...unknownFault, line: 20, hint: undefined } as DefinitionError;
    delete second.hint;
    expect(formatDefinitionErrors([unknownFault, second], { cwd: '/repo' }).split('\n')).toHaveLength(3);
  });
});

describe('displayPath', () => {
  it('displayPath - relative beneath cwd, absolute elsewhere', () => {
    expect(displayPath('/repo/suites/a.yaml', '/repo')).toBe('suites/a.yaml');
    expect(displayPath('/elsewhere/a.yaml', '/repo')).toBe('/elsewhere/a.yaml');
  });
});

describe('sortDefinitionErrors', () => {
  it('sortDefinitionErrors - by file in order of appearance, then position; duplicates once', () => {
    const at = (file: string, line: number, column = 1): DefinitionError => ({ ...unknownFault, file, line, column });
    const sorted = sortDefinitionErrors([at('/s.yaml', 9), at('/e.json', 2), at('/s.yaml', 3, 4), at('/s.yaml', 3, 2), at('/e.json', 2)]);
    expect(sorted.map((error) => `${error.file}:${error.line}:${error.column}`)).toEqual(['/s.yaml:3:2', '/s.yaml:3:4', '/s.yaml:9:1', '/e.json:2:1']);
  });
});

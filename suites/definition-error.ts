import { isAbsolute, relative } from 'node:path';

/**
 * Definition errors: what is wrong with a suite (or a file it names) before anything is
 * touched. Codes are stable; tools and documentation may rely on them.
 */
export type DefinitionErrorCode =
  /** The file cannot be read. */
  | 'MQC-SUITE-FILE'
  /** Malformed YAML or JSON. */
  | 'MQC-SUITE-YAML'
  /** The file does not have the shape its schema describes (unknown field, wrong type, missing field…). */
  | 'MQC-SUITE-SCHEMA'
  | 'MQC-SUITE-UNKNOWN-FAULT'
  /** A queue manager's instance runs on a host the estate does not declare. */
  | 'MQC-SUITE-UNDECLARED-HOST'
  /** A queue manager has a listener port on a host that runs none of its instances. */
  | 'MQC-SUITE-LISTENER-HOST'
  /** A scenario aims at a queue manager the estate does not declare. */
  | 'MQC-SUITE-UNDECLARED-QMGR'
  /** Two scenarios share a name. */
  | 'MQC-SUITE-DUPLICATE-NAME'
  /** A password, passphrase or key written into the file instead of referenced. */
  | 'MQC-SUITE-INLINE-SECRET'
  /** A name breaks MQ's naming rules or could carry shell metacharacters. */
  | 'MQC-SUITE-MQ-NAME'
  /** The estate file or lab topology cannot be used. */
  | 'MQC-SUITE-ESTATE'
  /** An expectation's `$ref` names a file or pointer that does not exist, or is not a relative file. */
  | 'MQC-SUITE-EXPECT-REF'
  /** An expectation is not a valid JSON Schema (unknown keyword, bad value, does not compile). */
  | 'MQC-SUITE-EXPECT-SCHEMA'
  /** An expectation constrains a path the result document does not have. */
  | 'MQC-SUITE-UNKNOWN-MEASUREMENT';

export interface DefinitionError {
  code: DefinitionErrorCode;
  /** Absolute path of the file the error is in (the suite, or an estate, topology or expectation file). */
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** JSON pointer to the offending node within `file`, e.g. `/scenarios/0/fault/kind`; empty for the whole file. */
  pointer: string;
  message: string;
  /** What would be valid here, e.g. the known faults or the declared hosts. */
  hint?: string;
}

/** A problem found in parsed data, before it is placed on a line of its file. */
export interface Issue {
  code: DefinitionErrorCode;
  pointer: string;
  /** Point at the key naming the node (an unknown field) rather than at its value. */
  at?: 'key' | 'value';
  message: string;
  hint?: string;
}

export interface SourceLocator {
  file: string;
  locate(pointer: string, at?: 'key' | 'value'): { line: number; column: number };
}

export function placeIssue(source: SourceLocator, issue: Issue): DefinitionError {
  const { line, column } = source.locate(issue.pointer, issue.at);
  const placed: DefinitionError = { code: issue.code, file: source.file, line, column, pointer: issue.pointer, message: issue.message };
  if (issue.hint !== undefined) placed.hint = issue.hint;
  return placed;
}

/** One entry per distinct problem, the first file's errors first, then by position. */
export function sortDefinitionErrors(errors: readonly DefinitionError[]): DefinitionError[] {
  const fileOrder = [...new Set(errors.map((error) => error.file))];
  const seen = new Set<string>();
  return errors
    .filter((error) => {
      const key = [error.code, error.file, error.line, error.column, error.message].join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        fileOrder.indexOf(a.error.file) - fileOrder.indexOf(b.error.file) ||
        a.error.line - b.error.line ||
        a.error.column - b.error.column ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

export interface FormatOptions {
  /** Paths are shown relative to this folder when they lie beneath it. */
  cwd?: string;
}

/**
 * `suites/lab/bad.yaml:12:7 /scenarios/0/fault/kind: unknown fault "kil-active" (known: kill-active) [MQC-SUITE-UNKNOWN-FAULT]`
 * followed, when there is one, by the hint on an indented line.
 */
export function formatDefinitionError(error: DefinitionError, options: FormatOptions = {}): string {
  const where = `${displayPath(error.file, options.cwd)}:${error.line}:${error.column}`;
  const head = error.pointer === '' ? `${where}: ` : `${where} ${error.pointer}: `;
  const text = `${head}${error.message} [${error.code}]`;
  return error.hint === undefined ? text : `${text}\n    hint: ${error.hint}`;
}

export function formatDefinitionErrors(errors: readonly DefinitionError[], options: FormatOptions = {}): string {
  return errors.map((error) => formatDefinitionError(error, options)).join('\n');
}

/** A file as people should see it: relative to `cwd` when beneath it, absolute otherwise. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const shown = relative(cwd, file);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

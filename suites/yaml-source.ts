import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { DefinitionError, SourceLocator } from './definition-error.ts';
import { parsePointer } from './json-pointer.ts';

/**
 * A parsed YAML (or JSON) file that remembers where every node came from, so that an error
 * found in the data can name the line and column of the offending node.
 */
export class SourceDocument implements SourceLocator {
  constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /**
   * 1-based position of the node at `pointer`; with `at: 'key'`, of the key that names it.
   * A pointer that leads nowhere (a missing field) gives the deepest node that exists.
   */
  locate(pointer: string, at: 'key' | 'value' = 'value'): { line: number; column: number } {
    let node: unknown = this.document.contents;
    let key: unknown;
    let complete = true;
    for (const token of parsePointer(pointer)) {
      const container = this.dereference(node);
      const step = stepInto(container, token);
      if (step === undefined) {
        complete = false;
        break;
      }
      key = step.key;
      node = isBlank(step.value) ? step.key : step.value;
    }
    const target = at === 'key' && complete && key !== undefined ? key : node;
    return this.positionOf(target);
  }

  private dereference(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node;
  }

  private positionOf(node: unknown): { line: number; column: number } {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const { line, col } = this.lineCounter.linePos(range?.[0] ?? 0);
    return { line, column: col };
  }
}

function stepInto(container: unknown, token: string): { key?: unknown; value: unknown } | undefined {
  if (isMap(container)) {
    const pair = container.items.find((item) => keyText(item.key) === token);
    return pair === undefined ? undefined : { key: pair.key, value: pair.value };
  }
  if (isSeq(container) && /^(0|[1-9]\d*)$/.test(token)) {
    const item = container.items[Number(token)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/** An absent value (`expect:` with nothing after it) is best shown at its key. */
function isBlank(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  const range = (node as { range?: [number, number, number] }).range;
  return isScalar(node) && node.value === null && range !== undefined && range[0] === range[1];
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

export type SourceRead =
  | { status: 'parsed'; source: SourceDocument }
  | { status: 'unreadable'; reason: string }
  | { status: 'malformed'; problems: SyntaxProblem[] };

/** Parses YAML text. Warnings count as problems: an unresolved tag must not pass silently. */
export function parseSource(file: string, text: string): SourceRead {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = [...document.errors, ...document.warnings].map((problem) => describeProblem(problem, lineCounter));
  if (problems.length > 0) return { status: 'malformed', problems };
  try {
    const data = document.toJS({ maxAliasCount: 100 }) as unknown;
    return { status: 'parsed', source: new SourceDocument(file, data, document, lineCounter) };
  } catch (error) {
    return { status: 'malformed', problems: [{ message: messageOf(error), line: 1, column: 1 }] };
  }
}

export async function readSource(file: string): Promise<SourceRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { status: 'unreadable', reason: describeReadFailure(error) };
  }
  return parseSource(file, text);
}

/** File errors of a source that could not be read or parsed: where to look, in words. */
export function describeUnparsed(file: string, read: Exclude<SourceRead, { status: 'parsed' }>, what: string): DefinitionError[] {
  if (read.status === 'unreadable') {
    return [{ code: 'MQC-SUITE-FILE', file, line: 1, column: 1, pointer: '', message: `cannot read ${what}: ${read.reason}` }];
  }
  return read.problems.map((problem) => ({
    code: 'MQC-SUITE-YAML' as const,
    file,
    line: problem.line,
    column: problem.column,
    pointer: '',
    message: `malformed YAML: ${problem.message}`,
  }));
}

function describeProblem(problem: YAMLError, lineCounter: LineCounter): SyntaxProblem {
  const { line, col } = lineCounter.linePos(problem.pos[0]);
  return { message: problem.message.replace(/\s+at line \d+, column \d+.*$/s, ''), line, column: col };
}

function describeReadFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

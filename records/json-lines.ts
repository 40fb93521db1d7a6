import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * JSON Lines, the form of every series a run appends to as it goes (samples, events,
 * health attempts, traffic logs): written here, parsed here.
 */
export async function appendJsonLines(file: string, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, toJsonLines(records));
}

export function toJsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/**
 * JSON Lines as appended by activities. A last line without its newline is a write cut short
 * by a crash and is dropped; any other unreadable line is an error naming file and line.
 */
export function parseJsonLines<T>(text: string, file: string): T[] {
  const lines = text.split('\n');
  const records: T[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const cutShort = index === lines.length - 1;
    if (!cutShort) {
      records.push(parseJson(line, `${file}:${index + 1}`) as T);
      return;
    }
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // the write was cut short: the record was never completed
    }
  });
  return records;
}

/** JSON text, or an error naming where it came from. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A file's text; undefined when it does not exist. */
export async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TruthEvent } from './truth-log.ts';

/**
 * Starts a fresh truth log (truncating any previous one) and returns the function that
 * appends an event. Writes are synchronous so the file order is the order of happening.
 */
export function createTruthLogFile(file: string): (event: TruthEvent) => void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  return (event) => appendFileSync(file, `${JSON.stringify(event)}\n`);
}

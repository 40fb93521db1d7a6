import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TruthEvent } from './truth-log.ts';

/**
 * Starts a fresh truth log (truncating any previous one) and returns the function that
 * appends an event. Lines are kept in order and appended once per event-loop turn (MQ
 * traffic makes thousands a second), and whatever is pending is written when the process
 * exits, so the file order is the order of happening and nothing is lost at lab stop.
 */
export function createTruthLogFile(file: string): (event: TruthEvent) => void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    appendFileSync(file, text);
  };
  process.on('exit', flush);
  return (event) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(`${JSON.stringify(event)}\n`);
  };
}

import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TimelineEvent } from '../../checkers/result-document.ts';

/**
 * Activities record into the scenario's artifact folder, never into workflow history:
 * `samples.jsonl` (probe samples) and `events.jsonl` (timeline events with precise times).
 */
export function samplesFile(scenarioDir: string): string {
  return join(scenarioDir, 'samples.jsonl');
}

export function eventsFile(scenarioDir: string): string {
  return join(scenarioDir, 'events.jsonl');
}

export async function appendJsonLines(file: string, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  await mkdir(join(file, '..'), { recursive: true });
  await appendFile(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

export async function recordEvent(scenarioDir: string, event: Omit<TimelineEvent, 'at'> & { at?: string }): Promise<void> {
  await appendJsonLines(eventsFile(scenarioDir), [{ at: new Date().toISOString(), ...event }]);
}

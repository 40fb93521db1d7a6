import { appendFile, mkdir, readFile } from 'node:fs/promises';
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

/**
 * When the scenario's fault was injected, from its `fault-injected` event (fault modules
 * record it with the injection's own time); null until it is there. A probe started before
 * the fault learns the fault time this way.
 */
export async function readRecordedFaultAt(scenarioDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(eventsFile(scenarioDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // The last line may still be being written: only whole lines count.
  for (const line of text.split('\n').slice(0, -1)) {
    if (!line.includes('"fault-injected"')) continue;
    const event = JSON.parse(line) as Partial<TimelineEvent>;
    if (event.kind === 'fault-injected' && typeof event.at === 'string') return Date.parse(event.at);
  }
  return null;
}

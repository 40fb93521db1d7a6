import type { TimelineEvent } from '../checkers/result-document.ts';
import { appendJsonLines, parseJsonLines, readIfPresent } from './json-lines.ts';
import { eventsFile } from './run-layout.ts';

/** Appends one timeline event to the scenario's `events.jsonl`, stamped now unless it has its own time. */
export async function recordEvent(scenarioDir: string, event: Omit<TimelineEvent, 'at'> & { at?: string }): Promise<void> {
  await appendJsonLines(eventsFile(scenarioDir), [{ at: new Date().toISOString(), ...event }]);
}

/** Appends timeline events as they are. */
export async function recordEvents(scenarioDir: string, events: readonly TimelineEvent[]): Promise<void> {
  await appendJsonLines(eventsFile(scenarioDir), events);
}

/**
 * When the scenario's fault was injected, from its `fault-injected` event (fault modules
 * record it with the injection's own time); null until it is there.
 */
export async function readRecordedFaultAt(scenarioDir: string): Promise<number | null> {
  const text = await readIfPresent(eventsFile(scenarioDir));
  if (text === undefined) return null;
  // The last line may still be being written: only whole lines count.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const injected = parseJsonLines<TimelineEvent>(whole, eventsFile(scenarioDir)).find((event) => event.kind === 'fault-injected');
  return injected ? Date.parse(injected.at) : null;
}

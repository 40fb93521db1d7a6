import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HealthAttempt } from '../checkers/health-attempts.ts';
import type { InstanceSample } from '../checkers/instance-samples.ts';
import type { TimelineEvent } from '../checkers/result-document.ts';
import type { ScenarioRecording } from '../checkers/scenario-recording.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { readTrafficRecording } from './traffic-log-files.ts';

/**
 * The on-disk form of a scenario recording (`<run-dir>/scenarios/<scenario>/`):
 * `recording.json` holds every field but the samples and events, which are JSON Lines
 * (`samples.jsonl`, `events.jsonl`) so activities can append to them as they go.
 */
export const RECORDING_FILE = 'recording.json';
export const SAMPLES_FILE = 'samples.jsonl';
export const EVENTS_FILE = 'events.jsonl';
/** Health probe attempts, appended by activities/probes/watch-health.ts. */
export const HEALTH_FILE = 'health.jsonl';

export type RecordingHeader = Omit<ScenarioRecording, 'samples' | 'events'>;

/** What a folder holds before `recording.json` has been written: the appended series only. */
export type PartialRecording = Partial<RecordingHeader> & Pick<ScenarioRecording, 'samples' | 'events'>;

export function scenarioRecordingDir(runDir: string, scenario: string): string {
  return join(runDir, 'scenarios', scenario);
}

export async function writeScenarioRecording(dir: string, recording: ScenarioRecording): Promise<void> {
  // The traffic logs are written by the traffic clients themselves and stay as they are.
  const { samples, events, traffic: _traffic, health: _health, ...header } = recording;
  await mkdir(dir, { recursive: true });
  await writeFileAtomically(join(dir, SAMPLES_FILE), toJsonLines(samples));
  await writeFileAtomically(join(dir, EVENTS_FILE), toJsonLines(events));
  await writeFileAtomically(join(dir, RECORDING_FILE), `${JSON.stringify(header, null, 2)}\n`);
}

/**
 * Reads a recording folder. Missing series files read as empty (nothing was sampled). Without
 * `allowMissing`, a missing `recording.json` is an error; with it, a missing folder gives
 * undefined and a folder without `recording.json` gives the series alone.
 */
export async function readScenarioRecording(dir: string): Promise<ScenarioRecording>;
export async function readScenarioRecording(dir: string, options: { allowMissing: true }): Promise<PartialRecording | undefined>;
export async function readScenarioRecording(
  dir: string,
  options: { allowMissing?: boolean } = {},
): Promise<ScenarioRecording | PartialRecording | undefined> {
  const headerText = await readIfPresent(join(dir, RECORDING_FILE));
  const samplesText = await readIfPresent(join(dir, SAMPLES_FILE));
  const eventsText = await readIfPresent(join(dir, EVENTS_FILE));
  if (headerText === undefined && !options.allowMissing) {
    throw new Error(`no scenario recording in ${dir}: ${RECORDING_FILE} is missing`);
  }
  if (headerText === undefined && samplesText === undefined && eventsText === undefined) return undefined;
  const header = headerText === undefined ? {} : (parseJson(headerText, join(dir, RECORDING_FILE)) as RecordingHeader);
  const traffic = await readTrafficRecording(dir);
  const healthText = await readIfPresent(join(dir, HEALTH_FILE));
  return {
    ...header,
    samples: parseJsonLines<InstanceSample>(samplesText ?? '', join(dir, SAMPLES_FILE)),
    events: parseJsonLines<TimelineEvent>(eventsText ?? '', join(dir, EVENTS_FILE)),
    ...(traffic ? { traffic } : {}),
    ...(healthText === undefined ? {} : { health: parseJsonLines<HealthAttempt>(healthText, join(dir, HEALTH_FILE)) }),
  };
}

function toJsonLines(records: readonly unknown[]): string {
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

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

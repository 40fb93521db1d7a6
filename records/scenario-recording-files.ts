import { mkdir } from 'node:fs/promises';
import type { HealthAttempt } from '../checkers/health-attempts.ts';
import type { InstanceSample } from '../checkers/instance-samples.ts';
import type { TimelineEvent } from '../checkers/result-document.ts';
import type { PartialRecording, ScenarioRecording } from '../checkers/scenario-recording.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { parseJson, parseJsonLines, readIfPresent, toJsonLines } from './json-lines.ts';
import { readClusterSamples } from './cluster-sample-files.ts';
import { eventsFile, healthFile, recordingFile, samplesFile } from './run-layout.ts';
import { readTrafficRecording } from './traffic-log-files.ts';

/**
 * The on-disk form of a scenario recording (`<run-dir>/scenarios/<scenario>/`):
 * `recording.json` holds every field but the series, which are JSON Lines (`samples.jsonl`,
 * `events.jsonl`, `health.jsonl`, `traffic/*.jsonl`) so activities can append to them as they go.
 */
export type RecordingHeader = Omit<ScenarioRecording, 'samples' | 'events'>;


export async function writeScenarioRecording(dir: string, recording: ScenarioRecording): Promise<void> {
  // The traffic logs and health attempts are written by their own activities and stay as they are.
  const { samples, events, traffic: _traffic, health: _health, cluster: _cluster, ...header } = recording;
  await mkdir(dir, { recursive: true });
  await writeFileAtomically(samplesFile(dir), toJsonLines(samples));
  await writeFileAtomically(eventsFile(dir), toJsonLines(events));
  await writeFileAtomically(recordingFile(dir), `${JSON.stringify(header, null, 2)}\n`);
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
  const headerText = await readIfPresent(recordingFile(dir));
  const samplesText = await readIfPresent(samplesFile(dir));
  const eventsText = await readIfPresent(eventsFile(dir));
  if (headerText === undefined && !options.allowMissing) {
    throw new Error(`no scenario recording in ${dir}: recording.json is missing`);
  }
  if (headerText === undefined && samplesText === undefined && eventsText === undefined) return undefined;
  const header = headerText === undefined ? {} : (parseJson(headerText, recordingFile(dir)) as RecordingHeader);
  const traffic = await readTrafficRecording(dir);
  const healthText = await readIfPresent(healthFile(dir));
  const cluster = await readClusterSamples(dir);
  return {
    ...header,
    samples: parseJsonLines<InstanceSample>(samplesText ?? '', samplesFile(dir)),
    events: parseJsonLines<TimelineEvent>(eventsText ?? '', eventsFile(dir)),
    ...(traffic ? { traffic } : {}),
    ...(healthText === undefined ? {} : { health: parseJsonLines<HealthAttempt>(healthText, healthFile(dir)) }),
    ...(cluster.length > 0 ? { cluster } : {}),
  };
}

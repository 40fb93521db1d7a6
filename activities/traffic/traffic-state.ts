import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trafficFolder } from '../../records/run-layout.ts';

/**
 * How the running traffic activity and the workflow's short control activities talk: two
 * small files in the scenario's traffic folder (the artifact folder every worker shares).
 * `state.json` is written by the traffic activity as it goes; `stop-request.json` by
 * `requestTrafficStop`, and the traffic activity looks for it between heartbeats.
 */
export type TrafficPhase = 'starting' | 'running' | 'stopping' | 'ended' | 'failed';

export interface TrafficState {
  phase: TrafficPhase;
  at: number;
  error?: string;
}

function stateFile(scenarioDir: string): string {
  return join(trafficFolder(scenarioDir), 'state.json');
}

function stopRequestFile(scenarioDir: string): string {
  return join(trafficFolder(scenarioDir), 'stop-request.json');
}

export async function writeTrafficState(scenarioDir: string, state: TrafficState): Promise<void> {
  const file = stateFile(scenarioDir);
  await mkdir(trafficFolder(scenarioDir), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}

export async function readTrafficState(scenarioDir: string): Promise<TrafficState | undefined> {
  return readJsonIfPresent<TrafficState>(stateFile(scenarioDir));
}

export async function writeStopRequest(scenarioDir: string): Promise<void> {
  await mkdir(trafficFolder(scenarioDir), { recursive: true });
  await writeFile(stopRequestFile(scenarioDir), JSON.stringify({ at: Date.now() }));
}

export async function isStopRequested(scenarioDir: string): Promise<boolean> {
  return (await readJsonIfPresent(stopRequestFile(scenarioDir))) !== undefined;
}

async function readJsonIfPresent<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientLog, TrafficLine, TrafficRecording } from '../checkers/traffic-log.ts';
import { parseJsonLines } from './scenario-recording-files.ts';

/** Where the traffic clients of a scenario write their logs: `<scenario-dir>/traffic/<client>.jsonl`. */
export const TRAFFIC_DIR = 'traffic';

export function trafficLogFile(scenarioDir: string, clientId: string): string {
  return join(scenarioDir, TRAFFIC_DIR, `${clientId}.jsonl`);
}

/** Reads every client log of a scenario, in file-name order; undefined when the scenario ran no traffic. */
export async function readTrafficRecording(scenarioDir: string): Promise<TrafficRecording | undefined> {
  let names: string[];
  try {
    names = (await readdir(join(scenarioDir, TRAFFIC_DIR))).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const clients: ClientLog[] = [];
  for (const name of names) {
    const file = join(scenarioDir, TRAFFIC_DIR, name);
    const [header, ...lines] = parseJsonLines<TrafficLine>(await readFile(file, 'utf8'), file);
    if (header === undefined) continue;
    if (header.k !== 'producer' && header.k !== 'consumer') throw new Error(`${file}:1 is not a producer or consumer header`);
    clients.push({ header, lines });
  }
  return { clients };
}

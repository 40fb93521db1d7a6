import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientLog, TrafficLine, TrafficRecording } from '../checkers/traffic-log.ts';
import { parseJsonLines } from './json-lines.ts';
import { trafficFolder } from './run-layout.ts';

/** Reads every client log of a scenario (`<scenario-dir>/traffic/<client>.jsonl`), in file-name order; undefined when the scenario ran no traffic. */
export async function readTrafficRecording(scenarioDir: string): Promise<TrafficRecording | undefined> {
  let names: string[];
  try {
    names = (await readdir(trafficFolder(scenarioDir))).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const clients: ClientLog[] = [];
  for (const name of names) {
    const file = join(trafficFolder(scenarioDir), name);
    const [header, ...lines] = parseJsonLines<TrafficLine>(await readFile(file, 'utf8'), file);
    if (header === undefined) continue;
    if (header.k !== 'producer' && header.k !== 'consumer') throw new Error(`${file}:1 is not a producer or consumer header`);
    clients.push({ header, lines });
  }
  return { clients };
}

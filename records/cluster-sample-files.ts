import { readFile } from 'node:fs/promises';
import type { ClusterMemberSample } from '../checkers/cluster-samples.ts';
import { appendJsonLines, parseJsonLines } from './json-lines.ts';
import { clusterSamplesFile } from './run-layout.ts';

/** The cluster probe's samples of a scenario: appended as they are taken, read back for the checkers and the report. */
export function appendClusterSamples(scenarioDir: string, samples: readonly ClusterMemberSample[]): Promise<void> {
  return appendJsonLines(clusterSamplesFile(scenarioDir), samples);
}

/** Every sample so far, in file order; none when the scenario had no cluster probe. */
export async function readClusterSamples(scenarioDir: string): Promise<ClusterMemberSample[]> {
  const file = clusterSamplesFile(scenarioDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseJsonLines<ClusterMemberSample>(text, file);
}

import { mkdir } from 'node:fs/promises';
import type { ConformanceReport } from '../checkers/conformance-facts.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { parseJson, readIfPresent } from './json-lines.ts';
import { conformanceFile } from './run-layout.ts';

/** Records the suite's conformance checks in the run folder: `conformance.json`. */
export async function writeConformance(runDir: string, report: ConformanceReport): Promise<void> {
  await mkdir(runDir, { recursive: true });
  await writeFileAtomically(conformanceFile(runDir), `${JSON.stringify(report, null, 2)}\n`);
}

/** The suite's conformance checks as recorded; undefined when the suite had none. */
export async function readConformance(runDir: string): Promise<ConformanceReport | undefined> {
  const text = await readIfPresent(conformanceFile(runDir));
  return text === undefined ? undefined : (parseJson(text, conformanceFile(runDir)) as ConformanceReport);
}

import { mkdir } from 'node:fs/promises';
import type { ResolvedSuite } from '../suites/suite-model.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { parseJson, readIfPresent } from './json-lines.ts';
import { suiteFile } from './run-layout.ts';

/** Starts a run folder with `suite.json`: the suite exactly as run (credential references, no secrets). */
export async function writeSuiteFile(runDir: string, suite: ResolvedSuite): Promise<void> {
  await mkdir(runDir, { recursive: true });
  await writeFileAtomically(suiteFile(runDir), `${JSON.stringify(suite, null, 2)}\n`);
}

/** The suite as run; undefined when the folder has no `suite.json`. */
export async function readSuiteIfPresent(runDir: string): Promise<ResolvedSuite | undefined> {
  let text: string | undefined;
  try {
    text = await readIfPresent(suiteFile(runDir));
  } catch (error) {
    throw new Error(`${suiteFile(runDir)} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text === undefined ? undefined : (parseJson(text, suiteFile(runDir)) as ResolvedSuite);
}

/** The suite as run, or an error saying the folder is not a run folder. */
export async function readSuite(runDir: string): Promise<ResolvedSuite> {
  const suite = await readSuiteIfPresent(runDir);
  if (!suite) throw new Error(`${suiteFile(runDir)} is missing: ${runDir} is not an mqchaos run folder`);
  return suite;
}

import { mkdir } from 'node:fs/promises';
import type { ScenarioResult, SuiteResult } from '../checkers/result-document.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { parseJson, readIfPresent } from './json-lines.ts';
import { runResultFile, scenarioResultFile } from './run-layout.ts';

/** Writes a scenario's judgement beside its recording: `scenarios/<name>/result.json`. */
export async function writeScenarioResult(scenarioDir: string, result: ScenarioResult): Promise<void> {
  await mkdir(scenarioDir, { recursive: true });
  await writeFileAtomically(scenarioResultFile(scenarioDir), `${JSON.stringify(result, null, 2)}\n`);
}

/** A scenario's judgement as it was made; undefined when it was never judged. */
export async function readScenarioResult(scenarioDir: string): Promise<ScenarioResult | undefined> {
  const text = await readIfPresent(scenarioResultFile(scenarioDir));
  return text === undefined ? undefined : (parseJson(text, scenarioResultFile(scenarioDir)) as ScenarioResult);
}

/** The run's assembled result document (`result.json`); undefined when the report was not written. */
export async function readSuiteResult(runDir: string): Promise<SuiteResult | undefined> {
  const text = await readIfPresent(runResultFile(runDir));
  return text === undefined ? undefined : (parseJson(text, runResultFile(runDir)) as SuiteResult);
}

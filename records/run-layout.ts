/**
 * The layout of a run folder, as pure path functions: no Node APIs, so workflow code may
 * import it too. Every reader and writer of a run's artifacts takes its paths from here.
 *
 *   <runs-dir>/<run-id>/                   suite.json · result.json · junit.xml · index.html
 *   <runs-dir>/<run-id>/scenarios/<name>/  recording.json · samples.jsonl · events.jsonl ·
 *                                          health.jsonl · cluster-samples.jsonl · result.json ·
 *                                          traffic/<client>.jsonl
 */

function under(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

export function runFolder(runsDir: string, runId: string): string {
  return under(runsDir, runId);
}

export function scenarioFolder(runDir: string, scenario: string): string {
  return under(under(runDir, 'scenarios'), scenario);
}

/** The folder that holds every run: where the runs index is written. */
export function runsFolderOf(runDir: string): string {
  const trimmed = runDir.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? '/' : trimmed.slice(0, slash);
}

/** The suite exactly as run (credential references, no secrets). */
export const suiteFile = (runDir: string) => under(runDir, 'suite.json');
/** The suite's conformance checks, run before its scenarios (checkers/conformance-facts.ts ConformanceReport). */
export const conformanceFile = (runDir: string) => under(runDir, 'conformance.json');
/** The suite's result document, assembled from the scenarios' own results. */
export const runResultFile = (runDir: string) => under(runDir, 'result.json');
export const junitFile = (runDir: string) => under(runDir, 'junit.xml');
export const htmlFile = (runDir: string) => under(runDir, 'index.html');
export const runsIndexFile = (runsDir: string) => under(runsDir, 'index.html');

/** Every field of the recording but the series below. */
export const recordingFile = (scenarioDir: string) => under(scenarioDir, 'recording.json');
/** Instance-state probe samples, appended as they are taken. */
export const samplesFile = (scenarioDir: string) => under(scenarioDir, 'samples.jsonl');
/** Timeline events with the activities' own times. */
export const eventsFile = (scenarioDir: string) => under(scenarioDir, 'events.jsonl');
/** Cluster probe samples: each sending member's transmit-queue depth and channel statuses. */
export const clusterSamplesFile = (scenarioDir: string) => under(scenarioDir, 'cluster-samples.jsonl');
/** Health probe attempts. */
export const healthFile = (scenarioDir: string) => under(scenarioDir, 'health.jsonl');
/** The scenario's result document: its judgement, made once where it was recorded. */
export const scenarioResultFile = (scenarioDir: string) => under(scenarioDir, 'result.json');
/** Each traffic client's own log. */
export const trafficFolder = (scenarioDir: string) => under(scenarioDir, 'traffic');
export const trafficLogFile = (scenarioDir: string, clientId: string) => under(trafficFolder(scenarioDir), `${clientId}.jsonl`);

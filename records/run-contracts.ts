import type { HarnessStatus, Verdict } from '../checkers/result-document.ts';
import type { EstateSpec, ResolvedSuite, ScenarioSpec } from '../suites/suite-model.ts';

/** What `runScenario` receives: everything it needs, no secrets (credentials are references). */
export interface RunScenarioInput {
  runId: string;
  suite: string;
  /** The run's artifact folder on the workers' filesystem. */
  runDir: string;
  scenario: ScenarioSpec;
  estate: EstateSpec;
}

/** What a scenario returns into history: a summary; the data stays in its artifact folder. */
export interface ScenarioOutcome {
  scenario: string;
  verdict: Verdict;
  harnessStatus: HarnessStatus;
  recoveryOk: boolean;
  failures: string[];
  missing: string[];
  instanceFailoverSeconds: number | null;
}

export interface RunSuiteInput {
  /** Defaults to the workflow id, so every run a schedule starts gets its own. */
  runId?: string;
  /** Where run folders go on the workers' filesystem: `<runsDir>/<runId>/` holds `suite.json` and the report. */
  runsDir: string;
  suite: ResolvedSuite;
  /** When another run holds the estate: wait for it (true) or be refused at once (false, the default). */
  waitForEstate?: boolean;
}

export interface SuiteOutcome {
  runId: string;
  verdict: Verdict;
  exitCode: number;
  estateDirty: boolean;
  reportDir: string;
  scenarios: ScenarioOutcome[];
}

export type ScenarioPhase = 'preflight' | 'traffic' | 'baseline' | 'inject' | 'observe' | 'drain' | 'recover' | 'evaluate' | 'done';

export interface ScenarioProgress {
  phase: ScenarioPhase;
  faultInjected: boolean;
  aborted: string | null;
}

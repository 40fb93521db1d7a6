// The workflow bundle's entry point: deterministic code only, no Node APIs.
export { runSuite } from './run-suite.ts';
export { runScenario, abortSignal, progressQuery } from './run-scenario.ts';
export { runConformance } from './run-conformance.ts';
export { holdEstate } from './estate-lock.ts';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../cli/dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
  }
}

/**
 * One real Temporal dev server for the whole test run (parallel files each starting their
 * own race on start-up), in a throw-away state directory, on free ports.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDirectory = mkdtempSync(join(tmpdir(), 'mqchaos-test-temporal-'));
  const server = await startDevServer({ stateDirectory, preferDefaultPorts: false });
  project.provide('temporalAddress', server.address);
  return async () => {
    await server.stop();
    rmSync(stateDirectory, { recursive: true, force: true });
  };
}

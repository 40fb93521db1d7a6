import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { inject } from 'vitest';
import { startInProcessWorker } from '../../cli/in-process-worker.ts';
import { startLab, type LabHandle } from '../../cli/lab-control.ts';
import { packageRoot } from '../../cli/state-paths.ts';
import { loadEstateFile, loadSuite } from '../../suites/load-suite.ts';
import type { EstateSpec, SuiteDefinition } from '../../suites/suite-model.ts';

/**
 * An integration rig: the embedded lab in a throw-away state directory, a client of the
 * test run's Temporal dev server, and an mqchaos worker on a task queue of its own.
 */
export interface LabHarness {
  lab: LabHandle;
  estate: EstateSpec;
  client: Client;
  taskQueue: string;
  /** A fresh run id and its folder for each call. */
  newRun(): { runsDir: string; runId: string; runDir: string };
  stop(): Promise<void>;
}

export async function startLabHarness(topology = 'demo'): Promise<LabHarness> {
  const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-it-'));
  const lab = await startLab({ topologyFile: join(packageRoot, 'lab', 'topologies', `${topology}.yaml`), stateDir: join(scratch, 'lab') });
  const loaded = await loadEstateFile(lab.estateFile);
  if (!loaded.ok) throw new Error(`lab estate file invalid: ${JSON.stringify(loaded.errors)}`);
  const { client, taskQueue, stop } = await startInProcessWorker({ address: inject('temporalAddress'), taskQueue: `it-${randomUUID()}` });
  let runs = 0;
  return {
    lab,
    estate: loaded.estate,
    client,
    taskQueue,
    newRun: () => {
      const runId = `run-${++runs}-${Date.now()}`;
      return { runsDir: join(scratch, 'runs'), runId, runDir: join(scratch, 'runs', runId) };
    },
    stop: async () => {
      await stop();
      await lab.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A suite file from the repository, loaded and validated as the CLI would. */
export async function loadTestSuite(relativePath: string): Promise<SuiteDefinition> {
  const loaded = await loadSuite(join(packageRoot, relativePath));
  if (!loaded.ok) throw new Error(`${relativePath} is invalid: ${JSON.stringify(loaded.errors, null, 2)}`);
  return loaded.suite;
}

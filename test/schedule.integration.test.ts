import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startInProcessWorker, type InProcessWorker } from '../cli/in-process-worker.ts';
import { stopLab } from '../cli/lab-control.ts';
import { labStateDir, packageRoot } from '../cli/state-paths.ts';
import { scheduleCommand } from '../cli/schedule-command.ts';
import type { SuiteResult } from '../checkers/result-document.ts';

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-schedule-'));
const runsDir = join(scratch, 'runs');
const taskQueue = `schedule-${Date.now()}`;
const scheduleId = `it-nightly-${Date.now()}`;
let worker: InProcessWorker;

beforeAll(async () => {
  process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
  process.env.MQCHAOS_STATE_DIR = join(scratch, 'state');
  worker = await startInProcessWorker({ address: inject('temporalAddress'), taskQueue });
});
afterAll(async () => {
  await worker?.stop();
  await stopLab(labStateDir('demo'));
  rmSync(scratch, { recursive: true, force: true });
});

async function waitForResult(deadlineMs: number): Promise<SuiteResult> {
  while (Date.now() < deadlineMs) {
    const runs = existsSync(runsDir) ? readdirSync(runsDir) : [];
    const done = runs.map((run) => join(runsDir, run, 'result.json')).find(existsSync);
    if (done) return JSON.parse(readFileSync(done, 'utf8')) as SuiteResult;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no scheduled run finished in ${runsDir}`);
}

describe('mqchaos schedule', () => {
  it('schedule - a triggered scheduled run of the demo suite writes its report under its own run id', async () => {
    const suite = join(packageRoot, 'suites/lab/mi-kill-active.yaml');
    const created = await scheduleCommand(['create', suite, '--id', scheduleId, '--every', '24h', '--task-queue', taskQueue, '--runs-dir', runsDir]);
    expect(created).toBe(0);
    expect(await scheduleCommand(['trigger', scheduleId])).toBe(0);
    const result = await waitForResult(Date.now() + 90_000);
    expect(result.verdict).toBe('pass');
    expect(result.runId).toMatch(new RegExp(`^mqchaos-${scheduleId}-`));
    expect(await scheduleCommand(['delete', scheduleId])).toBe(0);
  });

  it('schedule - deleting a schedule that does not exist is bad input', async () => {
    await expect(scheduleCommand(['delete', 'no-such-schedule'])).rejects.toThrow('no schedule "no-such-schedule"');
  });
});

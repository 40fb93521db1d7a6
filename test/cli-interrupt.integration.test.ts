import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { filterEvents, instanceRolesAt, readTruthLog, type TruthEvent } from '../lab/truth-log.ts';
import { isAlive, processesInGroup, startMqchaos, waitForTruth } from './support/mqchaos-process.ts';

const scratches: string[] = [];
afterAll(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Ctrl-C to a real `mqchaos run` mid-fault, sent as a terminal sends it (SIGINT to the CLI's
 * whole process group): the run is cancelled, recovery restores the estate, the report is
 * written, the dev server and the lab it started are stopped and nothing it started is left.
 */
async function interruptMidFault(suite: string, isFault: (event: TruthEvent) => boolean) {
  const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-sigint-'));
  scratches.push(scratch);
  const stateDir = join(scratch, 'state');
  const labJson = join(stateDir, 'lab', 'demo', 'lab.json');
  const fromMs = Date.now();
  const cli = startMqchaos(['run', join(packageRoot, suite)], {
    cwd: scratch,
    stateDir,
    env: { MQCHAOS_DEV_SERVER_DEFAULT_PORTS: 'no', MQCHAOS_WORKER_LOG: join(scratch, 'worker.log') },
  });
  const truthLog = () => (existsSync(labJson) ? (JSON.parse(readFileSync(labJson, 'utf8')) as { truthLog: string }).truthLog : undefined);
  const fault = await waitForTruth(truthLog, isFault, { fromMs, exited: cli.exited });
  const labPid = (JSON.parse(readFileSync(labJson, 'utf8')) as { pid: number }).pid;
  const serverPid = (JSON.parse(readFileSync(join(stateDir, 'temporal', 'server.json'), 'utf8')) as { pid: number }).pid;
  const truthFile = truthLog()!;
  cli.ctrlC();
  const code = await cli.exited;

  const runs = readdirSync(join(scratch, 'reports', 'out'), { withFileTypes: true }).filter((e) => e.isDirectory());
  expect(runs).toHaveLength(1);
  const result = JSON.parse(readFileSync(join(scratch, 'reports', 'out', runs[0]!.name, 'result.json'), 'utf8')) as SuiteResult;
  const truth = readTruthLog(truthFile);
  return { code, cli, result, truth, fault, labPid, serverPid, stateDir };
}

function expectNothingLeft(run: Awaited<ReturnType<typeof interruptMidFault>>): void {
  expect(isAlive(run.labPid)).toBe(false);
  expect(isAlive(run.serverPid)).toBe(false);
  expect(processesInGroup(run.cli.pid)).toEqual([]);
  expect(existsSync(join(run.stateDir, 'temporal', 'server.json'))).toBe(false);
  expect(existsSync(join(run.stateDir, 'lab', 'demo', 'lab.json'))).toBe(false);
  // The signal reached the CLI alone: the lab ended because it was told to, after the recovery.
  expect(run.truth.at(-1)?.event).toBe('lab-stopped');
}

describe('Ctrl-C mid-fault on a real mqchaos run', () => {
  it('kill-active - the killed instance is started again, the report says aborted, exit 4, no process left', async () => {
    const run = await interruptMidFault('suites/lab/mi-kill-active.yaml', (e) => e.event === 'process-killed' && e.signal === 'KILL');
    expect(run.code, run.cli.stderr()).toBe(4);
    expect(run.cli.stderr()).toMatch(/SIGINT: cancelling run mqchaos-/);
    expect(run.cli.stderr()).toMatch(/Recovery and report finished \d+ s after the interrupt/);
    expect(run.cli.stderr()).not.toMatch(/IllegalStateError|at .+\.ts:\d+/);
    const scenario = run.result.scenarios[0]!;
    expect(scenario.harnessStatus).toBe('aborted');
    expect(scenario.recovery.ok).toBe(true);
    expect(run.cli.stdout()).toContain('exit 4: no verdict could be reached');

    const killedHost = (run.fault as Extract<TruthEvent, { event: 'process-killed' }>).host;
    const stopped = filterEvents(run.truth, 'lab-stopped')[0]!;
    const restarted = filterEvents(run.truth, 'command').filter((e) => e.t > run.fault.t && e.host === killedHost && e.command.startsWith('strmqm'));
    expect(restarted.length).toBeGreaterThanOrEqual(1);
    expect(restarted[0]!.t).toBeLessThan(stopped.t);
    expect(filterEvents(run.truth, 'process-killed').filter((e) => e.signal === 'KILL')).toHaveLength(1);
    const roles = instanceRolesAt(run.truth, 'QM1', stopped.t - 1);
    expect(roles.active).toHaveLength(1);
    expect(roles.standby).toEqual([killedHost]);
    expectNothingLeft(run);
  });

  it('drop-nfs - the rule is removed before the CLI ends, the report says aborted, exit 4, no process left', async () => {
    const run = await interruptMidFault('suites/lab/mi-drop-nfs.yaml', (e) => e.event === 'rule-added');
    expect(run.code, run.cli.stderr()).toBe(4);
    const scenario = run.result.scenarios[0]!;
    expect(scenario.harnessStatus).toBe('aborted');
    expect(scenario.recovery.ok).toBe(true);
    const stopped = filterEvents(run.truth, 'lab-stopped')[0]!;
    const added = filterEvents(run.truth, 'rule-added').map((e) => `${e.host} ${e.rule}`);
    const removed = filterEvents(run.truth, 'rule-removed').filter((e) => e.t < stopped.t).map((e) => `${e.host} ${e.rule}`);
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added);
    expectNothingLeft(run);
  });
});

describe('mqchaos server on SIGTERM', () => {
  it('server - SIGTERM drains its worker and stops its dev server: exit 0, no server process, no marker left', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-server-'));
    scratches.push(scratch);
    const stateDir = join(scratch, 'state');
    const server = startMqchaos(['server'], { cwd: scratch, stateDir, env: { MQCHAOS_DEV_SERVER_DEFAULT_PORTS: 'no' } });
    for (let polls = 0; polls < 1200 && !server.stdout().includes('Ctrl-C to stop'); polls++) {
      if (server.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.stdout()).toContain('Ctrl-C to stop');
    const serverPid = (JSON.parse(readFileSync(join(stateDir, 'temporal', 'server.json'), 'utf8')) as { pid: number }).pid;
    expect(isAlive(serverPid)).toBe(true);
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited, server.stderr()).toBe(0);
    expect(server.stdout()).toContain('SIGTERM: draining the worker');
    expect(isAlive(serverPid)).toBe(false);
    expect(existsSync(join(stateDir, 'temporal', 'server.json'))).toBe(false);
    expect(processesInGroup(server.pid)).toEqual([]);
  });
});


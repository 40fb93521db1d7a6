import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SuiteResult } from '../checkers/result-document.ts';
import { startLab, type LabHandle } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { filterEvents, readTruthLog } from '../lab/truth-log.ts';

/** Exit codes that tell the truth (DESIGN.md): each case of issue 13's item 6, through the real command. */
const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-exit-'));
let lab: LabHandle;
beforeAll(async () => {
  lab = await startLab({ topologyFile: join(packageRoot, 'lab', 'topologies', 'demo.yaml'), stateDir: join(scratch, 'lab') });
});
afterAll(async () => {
  await lab?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function mqchaos(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin', 'mqchaos.js'), ...args], {
    cwd: scratch,
    env: { ...process.env, MQCHAOS_STATE_DIR: join(scratch, 'state'), MQCHAOS_WORKER_LOG: join(scratch, 'worker.log'), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A kill-active suite on the lab's estate file with one line of it changed. */
function suiteWithEstate(name: string, edit: (estateYaml: string) => string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'estate.yaml'), edit(readFileSync(lab.estateFile, 'utf8')));
  const suite = readFileSync(join(packageRoot, 'suites/lab/mi-kill-active.yaml'), 'utf8')
    .replace(/^suite: .*$/m, `suite: ${name}`)
    .replace(/estate:\n  lab: demo/, 'estate:\n  file: estate.yaml');
  writeFileSync(join(dir, 'suite.yaml'), suite);
  return join(dir, 'suite.yaml');
}

function runOnTestServer(suiteFile: string) {
  const fromMs = Date.now();
  const run = mqchaos(['run', suiteFile, '--in-process-worker'], { TEMPORAL_ADDRESS: inject('temporalAddress') });
  const truth = readTruthLog(lab.truthLogFile).filter((e) => e.t >= fromMs);
  const runsDir = join(scratch, 'reports', 'out');
  const runDir = readdirSync(runsDir).filter((name) => name.includes(suiteFile.split('/').at(-2)!))[0]!;
  const result = JSON.parse(readFileSync(join(runsDir, runDir, 'result.json'), 'utf8')) as SuiteResult;
  return { ...run, truth, result };
}

function expectNothingInjected(run: ReturnType<typeof runOnTestServer>): void {
  expect(run.code, run.stdout + run.stderr).toBe(4);
  expect(run.stdout).toContain('nothing was injected');
  expect(run.stdout).not.toContain('may be left faulted');
  expect(run.result.scenarios[0]!.recovery.ok).toBe(true);
  expect(run.result.estateDirty).toBe(false);
  expect(filterEvents(run.truth, 'process-killed')).toEqual([]);
  expect(filterEvents(run.truth, 'command').filter((e) => /^(kill|strmqm|endmqm)/.test(e.command))).toEqual([]);
}

describe('exit codes that tell the truth', () => {
  it('exit 4 - a host key refused at preflight: nothing was injected, not "may be left faulted"', () => {
    const suite = suiteWithEstate('changed-host-key', (yaml) => yaml.replace(/hostKey: SHA256:\S+/, `hostKey: SHA256:${'A'.repeat(43)}`));
    expectNothingInjected(runOnTestServer(suite));
  });

  it('exit 4 - a host unreachable at preflight: nothing was injected', async () => {
    const port = await closedPort();
    const suite = suiteWithEstate('unreachable-host', (yaml) => yaml.replace(/port: \d+/, `port: ${port}`));
    expectNothingInjected(runOnTestServer(suite));
  });

  it('exit 0 - the same suite on the unchanged estate file passes (the cases above fail for the reason they name)', () => {
    const suite = suiteWithEstate('unchanged-estate', (yaml) => yaml);
    const run = runOnTestServer(suite);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(filterEvents(run.truth, 'process-killed')).toHaveLength(1);
  });

  it('exit 4 - an unexpected harness error (no Temporal at TEMPORAL_ADDRESS) is said in words, without a stack trace', async () => {
    const suite = suiteWithEstate('no-temporal', (yaml) => yaml);
    const run = mqchaos(['run', suite], { TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}` });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^mqchaos run: .+/m);
    expect(run.stderr).toContain('No verdict could be reached (exit 4)');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exit 2 - analyze on a missing folder, a folder without suite.json and a corrupt recording names what is wrong', () => {
    const missing = mqchaos(['analyze', join(scratch, 'no-such-run')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-run: no such folder');

    const empty = join(scratch, 'empty-run');
    mkdirSync(empty);
    const noSuite = mqchaos(['analyze', empty]);
    expect(noSuite.code).toBe(2);
    expect(noSuite.stderr).toContain('suite.json is missing');

    const runsDir = join(scratch, 'reports', 'out');
    const stored = readdirSync(runsDir).find((name) => name.includes('unchanged-estate'))!;
    const corrupt = join(scratch, 'corrupt-run');
    spawnSync('cp', ['-r', join(runsDir, stored), corrupt]);
    const recording = readdirSync(join(corrupt, 'scenarios'))[0]!;
    writeFileSync(join(corrupt, 'scenarios', recording, 'recording.json'), '{"runId": ');
    const bad = mqchaos(['analyze', corrupt]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/recording\.json.*not valid JSON/);
    expect(bad.stderr).not.toMatch(/^\s+at /m);

    const good = mqchaos(['analyze', join(runsDir, stored)]);
    expect(good.code, good.stderr).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../cli/state-paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real command, as a user runs it: its own process, its own state directory, no TEMPORAL_ADDRESS. */
function mqchaos(args: string[], timeoutMs = 120_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, MQCHAOS_STATE_DIR: join(scratch, 'state') };
  delete env.TEMPORAL_ADDRESS;
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin', 'mqchaos.js'), ...args], {
    cwd: scratch,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mqchaos command', () => {
  it('validate - the demo suite is valid and exits 0', () => {
    const { code, stdout } = mqchaos(['validate', join(packageRoot, 'suites/lab/mi-kill-active.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('valid (1 scenario)');
  });

  it('validate - an invalid suite exits 2 naming file, line and column', () => {
    const { code, stderr } = mqchaos(['validate', join(packageRoot, 'suites/fixtures/invalid/unknown-fault.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown-fault\.yaml:\d+:\d+ /);
    expect(stderr).toContain('nothing was run');
  });

  it('unknown command - exits 2 with the list of commands', () => {
    const { code, stderr } = mqchaos(['explode']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "explode"');
  });

  it('run - the demo suite passes on an embedded dev server and writes result.json, junit.xml and index.html', () => {
    const { code, stdout, stderr } = mqchaos(['run', join(packageRoot, 'suites/lab/mi-kill-active.yaml')]);
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Report: reports\/out\/.+\/index\.html/);
    const runs = readdirSync(join(scratch, 'reports', 'out'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(runs).toHaveLength(1);
    expect(existsSync(join(scratch, 'reports', 'out', 'index.html'))).toBe(true);
    const runDir = join(scratch, 'reports', 'out', runs[0]!);
    for (const file of ['result.json', 'junit.xml', 'index.html']) expect(existsSync(join(runDir, file))).toBe(true);
    expect(JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')).verdict).toBe('pass');
  });

  it('run - mi-drop-nfs passes from any working directory (MQI probes in child processes) and its report shows the phases', () => {
    const { code, stdout } = mqchaos(['run', join(packageRoot, 'suites/lab/mi-drop-nfs.yaml')]);
    expect(code, stdout).toBe(0);
    const report = /Report: (reports\/out\/[^\n]+\/index\.html)/.exec(stdout)![1]!;
    const html = readFileSync(join(scratch, report), 'utf8');
    for (const phase of ['fault-injected', 'AMQ7279E', 'fault-restored', 'Health after the fault']) expect(html).toContain(phase);
  });
});

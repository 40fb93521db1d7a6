import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../cli/state-paths.ts';
import { writeBrokenDemoTopology } from './support/broken-topology.ts';

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function mqchaos(args: string[], timeoutMs = 180_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, MQCHAOS_STATE_DIR: join(scratch, 'state') };
  delete env.TEMPORAL_ADDRESS;
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin', 'mqchaos.js'), ...args], { cwd: scratch, env, encoding: 'utf8', timeout: timeoutMs });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mqchaos check', () => {
  it('check - the demo lab conforms: a checklist of ✓ lines, one per check and node, exit 0', () => {
    const { code, stdout, stderr } = mqchaos(['check', join(packageRoot, 'suites/lab/conformance.yaml')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ mq-user +QM1 mq1 +mqm user and mqm group identical on every node$/m);
    expect(stdout).toMatch(/^✓ amqmfsck +QM1 mq2 /m);
    expect(stdout).toMatch(/^✓ client +orders-app \(application\)/m);
    expect(stdout).not.toMatch(/^[✗?] /m);
    expect(stdout).toContain('Conformance: pass (17 hold, 0 failed, 0 unknown)');
  });

  it('run - the conformance suite alone: the checklist in the terminal, exit 0, and a Conformance section in the HTML report', () => {
    const { code, stdout } = mqchaos(['run', join(packageRoot, 'suites/lab/conformance.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ qm-stanza +QM1 mq2 /m);
    const runsDir = join(scratch, 'reports', 'out');
    const runDir = join(runsDir, readdirSync(runsDir).find((name) => name.includes('-conformance-'))!);
    const html = readFileSync(join(runDir, 'index.html'), 'utf8');
    expect(html).toContain('<h2>Conformance</h2>');
    expect(html).toContain('Conformance: <strong>pass</strong> \u2014 17 of 17 checks hold.');
    const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as { verdict: string; conformance: { lines: unknown[] } };
    expect(result.verdict).toBe('pass');
    expect(result.conformance.lines).toHaveLength(17);
  });

  it('check - a topology with mq2 mqm uid 502 exits 1 with the failed line naming the node and the fact; a scenario that requires conformance is refused before its fault', () => {
    const topology = writeBrokenDemoTopology({ breaks: { mq2: ['mqm-uid'] } });
    const suite = join(scratch, 'broken.yaml');
    writeFileSync(
      suite,
      [
        'suite: broken-conformance',
        `estate: { lab: ${JSON.stringify(topology)} }`,
        'scenarios:',
        '  - name: kill-active-gated',
        '    queueManager: QM1',
        '    requires: [conformance]',
        '    fault: { kind: kill-active, signal: KILL }',
        '    observe: { probeIntervalMs: 200, windowSeconds: 10, baselineSeconds: 1, settleSeconds: 1 }',
        '    expect: { properties: { failover: { required: [instanceFailoverSeconds] } } }',
        '',
      ].join('\n'),
    );
    const check = mqchaos(['check', suite]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^✗ mq-user +QM1 mq2 /m);
    expect(check.stdout).toContain('    ✗ mq2: uid of mqm is 502; mq1 has 501');
    expect(check.stdout).toMatch(/^✓ mq-user +QM1 mq1 /m);

    const run = mqchaos(['run', suite]);
    expect(run.code).toBe(4);
    const runsDir = join(scratch, 'reports', 'out');
    const runDir = join(runsDir, readdirSync(runsDir).find((name) => name.includes('broken-conformance'))!);
    const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as { scenarios: Array<{ harnessStatus: string; events: Array<{ kind: string; summary: string }> }> };
    const [scenario] = result.scenarios;
    expect(scenario!.harnessStatus).toBe('failed');
    expect(scenario!.events.some((e) => e.kind === 'fault-injected')).toBe(false);
    expect(scenario!.events).toContainEqual(expect.objectContaining({ kind: 'observation', summary: expect.stringContaining('conformance fail: 15 of 16 checks hold; mq2: uid of mqm is 502; mq1 has 501') }));
    expect(readFileSync(join(runDir, 'index.html'), 'utf8')).toContain('<h3>Conformance before the fault</h3>');
    expect(scenario!.events).toContainEqual(expect.objectContaining({ kind: 'error', summary: expect.stringContaining('the estate does not conform (requires: conformance), the fault was not injected') }));
  });

  it('check - an estate file is checked with the default settings; a node that cannot be reached makes its lines ? and the exit 4', () => {
    expect(mqchaos(['lab', 'up']).code).toBe(0);
    try {
      const estateFile = join(scratch, 'state', 'lab', 'demo', 'estate.yaml');
      const conforming = mqchaos(['check', estateFile]);
      expect(conforming.code).toBe(0);
      expect(conforming.stdout).toContain('Conformance: pass (16 hold, 0 failed, 0 unknown)');
      const unreachable = join(scratch, 'estate-unreachable.yaml');
      const estate = parse(readFileSync(estateFile, 'utf8')) as { hosts: Record<string, { port: number }> };
      estate.hosts.mq2!.port = 1;
      writeFileSync(unreachable, stringify(estate));
      const { code, stdout } = mqchaos(['check', unreachable]);
      expect(stdout).not.toMatch(/^✗/m);
      expect(code).toBe(4);
      expect(stdout).toMatch(/^\? mq-user +QM1 mq2 /m);
      expect(stdout).toMatch(/^ {4}\? mq2: could not run: /m);
      expect(stdout).toMatch(/^✓ mq-user +QM1 mq1 /m);
    } finally {
      mqchaos(['lab', 'down']);
    }
  });
});

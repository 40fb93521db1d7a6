import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformanceCheck } from '../activities/conformance/run-conformance-check.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import type { ConformanceLine } from '../checkers/conformance-facts.ts';
import { planConformance } from '../checkers/conformance-plan.ts';
import { startLab } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { readTruthLog } from '../lab/truth-log.ts';
import { DEFAULT_CONFORMANCE, type ConformanceSpec } from '../suites/conformance-model.ts';
import type { EstateSpec } from '../suites/suite-model.ts';
import { loadSuite } from '../suites/load-suite.ts';
import { loadEstateFile } from '../suites/load-suite.ts';
import { writeBrokenDemoTopology } from './support/broken-topology.ts';
import { awaitListenersOpen } from './support/lab-settled.ts';

const ssh = new SshPool();
afterAll(() => ssh.closeAll());

/** Starts a lab from the topology, runs the named checks against it (with the given settings), and stops it. */
async function runChecks(
  topologyFile: string,
  checks: string[],
  config: ConformanceSpec = DEFAULT_CONFORMANCE,
  changeEstate: (estate: EstateSpec) => EstateSpec = (estate) => estate,
  listenerOpens = true,
): Promise<{ lines: ConformanceLine[]; truthDuring: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-conf-'));
  const lab = await startLab({ topologyFile, stateDir: join(scratch, 'lab') });
  try {
    const loaded = await loadEstateFile(lab.estateFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    if (listenerOpens) await awaitListenersOpen(lab.truthLogFile, ['mq1']);
    const from = Date.now();
    const estate = changeEstate(loaded.estate);
    const { checks: planned } = planConformance(estate, config);
    const lines: ConformanceLine[] = [];
    for (const check of planned.filter((p) => checks.includes(p.check))) {
      lines.push(...(await runConformanceCheck(ssh, { planned: check, estate, config })));
    }
    const truthDuring = readTruthLog(lab.truthLogFile).filter((e) => e.t >= from).map((e) => e.event);
    return { lines, truthDuring };
  } finally {
    await lab.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const verdicts = (lines: ConformanceLine[]) => Object.fromEntries(lines.map((l) => [l.node, l.verdict]));

describe('conformance checks on the lab', () => {
  it('conformance - every check holds on every node of the demo lab, and the truth log shows only read commands', async () => {
    const all = ['mq-user', 'qm-storage', 'amqmfsck', 'qm-stanza', 'standby', 'mq-version', 'auto-start', 'listener', 'health-queue'];
    const { lines, truthDuring } = await runChecks(join(packageRoot, 'lab', 'topologies', 'demo.yaml'), all);
    expect(lines.filter((l) => l.verdict !== 'pass')).toEqual([]);
    expect(new Set(lines.map((l) => l.check))).toEqual(new Set(all));
    expect(lines.filter((l) => !['listener', 'health-queue'].includes(l.check)).map((l) => l.node)).toEqual(expect.arrayContaining(['mq1', 'mq2']));
    expect(new Set(truthDuring)).toEqual(new Set(['command']));
  });

  // Each prerequisite broken on one host: the check fails on that host, naming it and the fact; the other host still passes.
  const cases: Array<{ check: string; breaks?: Record<string, string[]>; queues?: Record<string, unknown>; node: string; failure: string | RegExp; others?: 'pass' | 'any' }> = [
    { check: 'mq-user', breaks: { mq2: ['mqm-uid'] }, node: 'mq2', failure: 'mq2: uid of mqm is 502; mq1 has 501' },
    { check: 'mq-user', breaks: { mq2: ['mqm-gid'] }, node: 'mq2', failure: 'mq2: gid of group mqm is 502; mq1 has 501' },
    { check: 'mq-user', breaks: { mq2: ['user-not-in-mqm'] }, node: 'mq2', failure: 'mq2: mqm is not in group mqm (groups: staff(50))' },
    { check: 'qm-storage', breaks: { mq2: ['qmdir-owner'] }, node: 'mq2', failure: 'mq2: /var/mqm/qmgrs/QM1 is owned by root:root, not mqm:mqm' },
    { check: 'qm-storage', breaks: { mq2: ['qmdir-mode'] }, node: 'mq2', failure: 'mq2: /var/mqm/qmgrs/QM1 has mode 755, not group-writable' },
    { check: 'qm-storage', breaks: { mq2: ['qmdir-local'] }, node: 'mq2', failure: 'mq2: /var/mqm/qmgrs/QM1 is on / (/dev/sda1, ext4), not on the shared NFS file system' },
    { check: 'qm-storage', breaks: { mq2: ['nfs-soft'] }, node: 'mq2', failure: /^mq2: \/var\/mqm\/(log|qmgrs) is mounted soft \(10\.0\.0\.5:\/export\/mqm\/(log|qmgrs)\); hard is required$/ },
    { check: 'qm-storage', breaks: { mq2: ['nfs-v3'] }, node: 'mq2', failure: /^mq2: \/var\/mqm\/(log|qmgrs) is mounted with NFS version 3; multi-instance queue managers need NFSv4$/ },
    { check: 'amqmfsck', breaks: { mq2: ['file-locking'] }, node: 'mq2', failure: /^mq2: amqmfsck \/var\/mqm\/qmgrs failed: AMQ6245E: /, others: 'any' },
    { check: 'qm-stanza', breaks: { mq2: ['stanza-missing'] }, node: 'mq2', failure: 'mq2: mqs.ini has no QueueManager stanza for QM1 (dspmqinf: AMQ7048E: The queue manager name is either not valid or not known.)' },
    { check: 'qm-stanza', breaks: { mq2: ['stanza-datapath'] }, node: 'mq2', failure: 'mq2: DataPath of QM1 is /var/mqm/qmgrs-local/QM1; mq1 has /var/mqm/qmgrs/QM1' },
    { check: 'standby', breaks: { mq2: ['standby-not-running'] }, node: 'mq2', failure: 'mq2: no instance of QM1 runs here (status Running elsewhere; dspmq -x lists mq1 Active)' },
    { check: 'mq-version', breaks: { mq2: ['mq-version'] }, node: 'mq2', failure: 'mq2: MQ version is 9.3.0.0; mq1 has 9.3.1.0' },
    { check: 'auto-start', breaks: { mq2: ['autostart'] }, node: 'mq2', failure: 'mq2: systemd unit mq@QM1.service is enabled: QM1 starts at boot outside the HA manager' },
    { check: 'listener', breaks: { mq1: ['listener-port'] }, node: 'mq1', failure: /^mq1: QM1 runs 2 listener ports \(LISTENER\.TCP \d+, LISTENER\.TCP2 1415\); one port per queue manager per host is expected$/ },
    { check: 'listener', breaks: { mq1: ['listener-stopped'] }, node: 'mq1', failure: "mq1: no listener of QM1 is running on the active instance's host" },
    { check: 'health-queue', queues: { 'MQCHAOS.HEALTH': { defpsist: 'NO' } }, node: 'mq1', failure: 'mq1: test queue MQCHAOS.HEALTH has DEFPSIST(NO); DEFPSIST(YES) is required' },
  ];
  for (const c of cases) {
    const broken = c.breaks ? Object.values(c.breaks)[0]!.join(', ') : 'MQCHAOS.HEALTH DEFPSIST(NO)';
    it(`conformance - ${c.check} fails on ${c.node} when ${broken}, naming the node and the fact`, async () => {
      const listenerOpens = !c.breaks?.mq1?.includes('listener-stopped');
      const { lines, truthDuring } = await runChecks(writeBrokenDemoTopology(c), [c.check], DEFAULT_CONFORMANCE, (estate) => estate, listenerOpens);
      const line = lines.find((l) => l.node === c.node)!;
      expect(line.verdict).toBe('fail');
      expect(line.failures).toContainEqual(typeof c.failure === 'string' ? c.failure : expect.stringMatching(c.failure));
      if (c.others !== 'any') expect(lines.filter((l) => l.node !== c.node).every((l) => l.verdict === 'pass')).toBe(true);
      expect(new Set(truthDuring)).toEqual(new Set(['command']));
    });
  }

  it('conformance - a suite expectation replaces the default: two listener ports accepted, so the listener-port break holds', async () => {
    const loaded = await loadSuite(join(packageRoot, 'test/suites/conformance-two-listeners.yaml'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const { lines } = await runChecks(writeBrokenDemoTopology({ breaks: { mq1: ['listener-port'] } }), ['listener'], loaded.suite.conformance!);
    expect(lines.map((l) => [l.node, l.verdict])).toEqual([['mq1', 'pass']]);
    expect(lines[0]!.facts).toMatchObject({ runningListenerPorts: [expect.any(Number), 1415] });
  });

  it('conformance - a node that cannot be reached is unknown, with the reason, never a pass', async () => {
    const unreachable = (estate: EstateSpec): EstateSpec => ({ ...estate, hosts: { ...estate.hosts, mq2: { ...estate.hosts.mq2!, port: 1 } } });
    const { lines } = await runChecks(join(packageRoot, 'lab', 'topologies', 'demo.yaml'), ['mq-user'], DEFAULT_CONFORMANCE, unreachable);
    expect(lines.find((l) => l.node === 'mq1')!.verdict).toBe('pass');
    const mq2 = lines.find((l) => l.node === 'mq2')!;
    expect(mq2.verdict).toBe('unknown');
    expect(mq2.missing[0]).toMatch(/^mq2: could not run: /);
  });
});

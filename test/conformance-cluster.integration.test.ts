import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runConformanceCheck } from '../activities/conformance/run-conformance-check.ts';
import { runMqsc } from '../activities/mq/run-mqsc.ts';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import type { ConformanceLine } from '../checkers/conformance-facts.ts';
import { startLab } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { readTruthLog } from '../lab/truth-log.ts';
import { DEFAULT_CONFORMANCE } from '../suites/conformance-model.ts';
import { loadEstateFile } from '../suites/load-suite.ts';
import type { EstateSpec } from '../suites/suite-model.ts';
import { awaitListenersOpen } from './support/lab-settled.ts';

const ssh = new SshPool();
const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-conf-cluster-'));
afterAll(async () => {
  await ssh.closeAll();
  rmSync(scratch, { recursive: true, force: true });
});

const config = { ...DEFAULT_CONFORMANCE, clusters: [{ name: 'DEMO', queueManagers: ['QM1', 'QM2', 'QM3', 'QM4'], transmitQueueBaseline: 0, forbidBindOnOpen: true }] };

/** The cluster lab topology, with APP.CLUSTER.Q's DEFBIND as given; `prepare` may change the estate before the check runs. */
async function checkCluster(defbind: string, prepare: (estate: EstateSpec) => Promise<void> = async () => {}): Promise<{ lines: ConformanceLine[]; truthDuring: string[] }> {
  const topology = parse(readFileSync(join(packageRoot, 'lab', 'topologies', 'cluster.yaml'), 'utf8')) as Record<string, any>;
  topology.clusters.DEMO.queues['APP.CLUSTER.Q'].defbind = defbind;
  const file = join(scratch, `cluster-${defbind}.yaml`);
  writeFileSync(file, stringify(topology));
  const lab = await startLab({ topologyFile: file, stateDir: join(scratch, `lab-${defbind}-${Date.now()}`) });
  try {
    const loaded = await loadEstateFile(lab.estateFile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await awaitListenersOpen(lab.truthLogFile, ['cq1', 'cq2', 'cq3', 'cq4']);
    await prepare(loaded.estate);
    const from = Date.now();
    const lines = await runConformanceCheck(ssh, { planned: { check: 'cluster', queueManager: null, cluster: 'DEMO' }, estate: loaded.estate, config });
    return { lines, truthDuring: readTruthLog(lab.truthLogFile).filter((e) => e.t >= from).map((e) => e.event) };
  } finally {
    await lab.stop();
  }
}

describe('cluster hygiene on the cluster lab', () => {
  it('cluster - every member holds when the cluster queue is DEFBIND(NOTFIXED): channels not stopped, SCTQ empty, both full repositories reachable; the check only reads', async () => {
    const { lines, truthDuring } = await checkCluster('NOTFIXED');
    expect(lines.map((l) => [l.node, l.verdict, l.failures])).toEqual([
      ['QM1@cq1', 'pass', []],
      ['QM2@cq2', 'pass', []],
      ['QM3@cq3', 'pass', []],
      ['QM4@cq4', 'pass', []],
    ]);
    expect(new Set(truthDuring)).toEqual(new Set(['command']));
  });

  it('cluster - DEFBIND(OPEN) fails on the members hosting the queue, naming it', async () => {
    const { lines } = await checkCluster('OPEN');
    expect(lines.find((l) => l.node === 'QM3@cq3')!.failures).toEqual(['QM3@cq3: cluster queues with DEFBIND(OPEN) on QM3: APP.CLUSTER.Q']);
    expect(lines.find((l) => l.node === 'QM4@cq4')!.verdict).toBe('fail');
    expect(lines.find((l) => l.node === 'QM1@cq1')!.verdict).toBe('pass');
  });

  it('cluster - a STOPPED cluster-sender to a full repository fails on its member: the channel and the repository it no longer reaches', async () => {
    const { lines } = await checkCluster('NOTFIXED', async (estate) => {
      for (const command of ['START CHANNEL(DEMO.QM2)', 'STOP CHANNEL(DEMO.QM2)']) {
        const run = await runMqsc(ssh, estate.hosts.cq1!, 'QM1', [command], { timeoutMs: 10_000 });
        expect(run.exitCode).toBe(0);
      }
      // STOP CHANNEL is asynchronous: wait until the status display says STOPPED.
      for (let attempt = 0; attempt < 100; attempt++) {
        const shown = await runMqsc(ssh, estate.hosts.cq1!, 'QM1', ['DISPLAY CHSTATUS(DEMO.QM2) STATUS'], { timeoutMs: 10_000 });
        if (shown.output.responses[0]!.objects.some((o) => o.attributes.STATUS === 'STOPPED')) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('DEMO.QM2 never showed STOPPED');
    });
    expect(lines.find((l) => l.node === 'QM1@cq1')!.failures).toEqual([
      'QM1@cq1: cluster-sender channels STOPPED on QM1: DEMO.QM2',
      'QM1@cq1: QM1 reaches 1 full repositories of DEMO (QM1 RUNNING, QM2 STOPPED); two are required',
    ]);
    expect(lines.find((l) => l.node === 'QM3@cq3')!.verdict).toBe('pass');
  });
});

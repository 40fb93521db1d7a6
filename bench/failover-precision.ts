/**
 * How close the harness's instance watch comes to the truth, next to what an administrator
 * writes by hand: a shell loop running `ssh host dspmq -x -m QM1` (OpenSSH, a new connection
 * for every poll) at the same interval. Prints figures; not a timed test.
 *
 *   node --import tsx bench/failover-precision.ts [runs per fault=5] [interval ms=200]
 *
 * Per fault kind (kill-active, drop-nfs) and run, one scenario runs on the lab while the
 * hand-written loop polls both instance hosts. Each way's error is the time it first saw the
 * other instance Running (a sample's start, as each way stamps it) minus the truth log's
 * instance-state active event. Then the cost: each way alone polls both hosts for ten seconds;
 * its own CPU (the harness's pool in this process; the loop's sh, date and ssh processes) and
 * the lab daemon's (the hosts' side) per second.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SshPool } from '../activities/ssh/ssh-pool.ts';
import { sampleInstanceState } from '../activities/probes/sample-instance-state.ts';
import { startDevServer } from '../cli/dev-server.ts';
import { startInProcessWorker } from '../cli/in-process-worker.ts';
import { startLab } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { readSuiteResult } from '../records/result-files.ts';
import { runFolder } from '../records/run-layout.ts';
import { filterEvents, readTruthLog } from '../lab/truth-log.ts';
import { loadEstateFile, loadSuite } from '../suites/load-suite.ts';
import type { HostSpec } from '../suites/suite-model.ts';
import { runSuite } from '../workflows/index.ts';

const runs = Number(process.argv[2] ?? 5);
const intervalMs = Number(process.argv[3] ?? 200);
const COST_SECONDS = 10;
const FAULTS = [
  { kind: 'kill-active', suite: 'suites/lab/mi-kill-active.yaml' },
  { kind: 'drop-nfs', suite: 'suites/lab/mi-drop-nfs.yaml' },
] as const;

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-bench-precision-'));
const server = await startDevServer({ stateDirectory: join(scratch, 'state'), preferDefaultPorts: false });
const lab = await startLab({ topologyFile: join(packageRoot, 'lab/topologies/demo.yaml'), stateDir: join(scratch, 'lab') });
const { client, stop } = await startInProcessWorker({ address: server.address, taskQueue: 'bench-precision' });
const loadedEstate = await loadEstateFile(lab.estateFile);
if (!loadedEstate.ok) throw new Error('lab estate invalid');
const estate = loadedEstate.estate;
const instanceHosts: HostSpec[] = estate.queueManagers.QM1!.instances.map((name) => estate.hosts[name]!);

/** The hand-written loop: stamps, ssh with a new connection, the output's status line; until the stop file appears. */
function naiveLoop(host: HostSpec, outFile: string, stopFile: string): string {
  const keyFile = (host.credential as { keyFile: string }).keyFile;
  const ssh = `ssh -i ${keyFile} -p ${host.port} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR ${host.user}@${host.address}`;
  const sleepSeconds = (intervalMs / 1000).toFixed(3);
  return `while [ ! -e ${stopFile} ]; do
  t=$(date +%s%3N)
  status=$(${ssh} dspmq -x -m QM1 | sed -n 's/.*STATUS(\\([^)]*\\)).*/\\1/p' | head -n 1)
  echo "$t $status" >> ${outFile}
  sleep ${sleepSeconds}
done`;
}

interface LoopRun {
  finished: Promise<{ userSeconds: number; systemSeconds: number }>;
  stop(): void;
}

function startNaive(host: HostSpec, dir: string): LoopRun & { outFile: string } {
  const outFile = join(dir, `${host.name}.samples`);
  const stopFile = join(dir, `${host.name}.stop`);
  writeFileSync(outFile, '');
  const timesFile = join(dir, `${host.name}.times`);
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timesFile, 'sh', '-c', naiveLoop(host, outFile, stopFile)], { stdio: 'ignore' });
  const finished = new Promise<{ userSeconds: number; systemSeconds: number }>((resolve) =>
    child.once('exit', () => {
      const [user, system] = readFileSync(timesFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      resolve({ userSeconds: user!, systemSeconds: system! });
    }),
  );
  return { outFile, finished, stop: () => writeFileSync(stopFile, '') };
}

function firstRunningAfter(samples: Array<{ t: number; host: string; status: string }>, host: string, afterMs: number): number | undefined {
  return samples.find((s) => s.host === host && s.t >= afterMs && s.status.toLowerCase() === 'running')?.t;
}

function labCpuSeconds(): number {
  const fields = readFileSync(`/proc/${lab.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Of the errors' sizes (a sample stamped before the state it read gives a negative error). */
function stats(values: number[]): string {
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `|error| median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)} ms`;
}

if (spawnSync('ssh', ['-V']).status !== 0) throw new Error('the OpenSSH client (ssh) is needed for the hand-written loop');
console.log(`${runs} runs per fault, probe interval ${intervalMs} ms, lab ${lab.pid}; ${new Date().toISOString()}`);
console.log('fault        run  harness error ms  ssh-loop error ms');
const errors: Record<string, { harness: number[]; naive: number[] }> = {};
for (const fault of FAULTS) {
  const loaded = await loadSuite(join(packageRoot, fault.suite));
  if (!loaded.ok) throw new Error(`${fault.suite} invalid`);
  errors[fault.kind] = { harness: [], naive: [] };
  for (let run = 1; run <= runs; run++) {
    const runId = `${fault.kind}-${run}`;
    const dir = mkdtempSync(join(scratch, `${runId}-`));
    const scenarios = loaded.suite.scenarios.map((s) => ({ ...s, health: undefined, observe: { ...s.observe, probeIntervalMs: intervalMs } }));
    const loops = instanceHosts.map((host) => startNaive(host, dir));
    const startedAt = Date.now();
    await client.workflow.execute(runSuite, {
      taskQueue: 'bench-precision',
      workflowId: `precision-${runId}-${startedAt}`,
      args: [{ runId, runsDir: join(scratch, 'runs'), suite: { ...loaded.suite, scenarios, estate } }],
    });
    for (const loop of loops) loop.stop();
    await Promise.all(loops.map((loop) => loop.finished));
    const result = (await readSuiteResult(runFolder(join(scratch, 'runs'), runId)))!;
    const failover = result.scenarios[0]!.failover;
    const truth = readTruthLog(lab.truthLogFile).filter((e) => e.t >= startedAt);
    const faultAt = Date.parse(failover.faultAt!);
    const active = filterEvents(truth, 'instance-state').find((e) => e.qm === 'QM1' && e.to === 'active' && e.t >= faultAt - 50)!;
    const naiveSamples = loops.flatMap((loop, index) =>
      readFileSync(loop.outFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => {
        const [t, ...status] = line.split(' ');
        return { t: Number(t), host: instanceHosts[index]!.name, status: status.join(' ') };
      }),
    );
    const naiveSeen = firstRunningAfter(naiveSamples, active.host, active.t - 5_000);
    const harnessError = Date.parse(failover.newInstanceActiveAt!) - active.t;
    const naiveError = naiveSeen === undefined ? NaN : naiveSeen - active.t;
    errors[fault.kind]!.harness.push(harnessError);
    errors[fault.kind]!.naive.push(naiveError);
    console.log(`${fault.kind.padEnd(11)}  ${String(run).padStart(3)}  ${String(harnessError).padStart(16)}  ${String(naiveError).padStart(17)}`);
  }
}
console.log('\nerror of the time the new active was first seen (first sample seeing it - truth):');
for (const [kind, found] of Object.entries(errors)) {
  console.log(`${kind}: harness ${stats(found.harness)}; ssh loop ${stats(found.naive)}`);
}

// Cost: each way alone, polling both instance hosts for COST_SECONDS.
const pool = new SshPool();
const cpuBefore = process.cpuUsage();
let labBefore = labCpuSeconds();
const costEnd = Date.now() + COST_SECONDS * 1000;
let harnessSamples = 0;
await Promise.all(
  instanceHosts.map(async (host) => {
    while (Date.now() < costEnd) {
      const started = Date.now();
      await sampleInstanceState(pool, host, 'QM1', { timeoutMs: 2_000 });
      harnessSamples += 1;
      await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - started))));
    }
  }),
);
const harnessCpu = process.cpuUsage(cpuBefore);
const harnessLab = labCpuSeconds() - labBefore;
await pool.closeAll();
const costDir = mkdtempSync(join(scratch, 'cost-'));
labBefore = labCpuSeconds();
const loops = instanceHosts.map((host) => startNaive(host, costDir));
await new Promise((r) => setTimeout(r, COST_SECONDS * 1000));
for (const loop of loops) loop.stop();
const naiveTimes = await Promise.all(loops.map((loop) => loop.finished));
const naiveLab = labCpuSeconds() - labBefore;
const naiveSamples = loops.reduce((sum, loop) => sum + (existsSync(loop.outFile) ? readFileSync(loop.outFile, 'utf8').trim().split('\n').filter(Boolean).length : 0), 0);
const naiveClient = naiveTimes.reduce((sum, t) => sum + t.userSeconds + t.systemSeconds, 0);
const perSecond = (seconds: number) => `${((seconds / COST_SECONDS) * 100).toFixed(1)} % of a core`;
console.log(`\ncost of polling ${instanceHosts.length} hosts every ${intervalMs} ms for ${COST_SECONDS} s, each way alone:`);
console.log(`harness (one SSH connection per host, one exec per poll): ${harnessSamples} samples; client ${perSecond((harnessCpu.user + harnessCpu.system) / 1e6)}, hosts (lab) ${perSecond(harnessLab)}`);
console.log(`ssh loop (new OpenSSH connection per poll): ${naiveSamples} samples; client ${perSecond(naiveClient)}, hosts (lab) ${perSecond(naiveLab)}`);

await stop();
await lab.stop();
await server.stop();
rmSync(scratch, { recursive: true, force: true });

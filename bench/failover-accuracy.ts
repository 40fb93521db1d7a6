/**
 * Measured minus true failover time over repeated kill-active runs: the harness's
 * instanceFailoverSeconds against the lab's truth log (kill → the other instance active).
 *
 *   node --import tsx bench/failover-accuracy.ts [runs=10]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteResult } from '../checkers/result-document.ts';
import { startInProcessWorker } from '../cli/in-process-worker.ts';
import { startDevServer } from '../cli/dev-server.ts';
import { startLab } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { findInstanceState, readTruthLog } from '../lab/truth-log.ts';
import { loadEstateFile, loadSuite } from '../suites/load-suite.ts';
import { runSuite } from '../workflows/index.ts';

const runs = Number(process.argv[2] ?? 10);
const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-bench-'));
const server = await startDevServer({ stateDirectory: join(scratch, 'state'), preferDefaultPorts: false });
const lab = await startLab({ topologyFile: join(packageRoot, 'lab/topologies/demo.yaml'), stateDir: join(scratch, 'lab') });
const loaded = await loadSuite(join(packageRoot, 'suites/lab/mi-kill-active.yaml'));
const estate = await loadEstateFile(lab.estateFile);
if (!loaded.ok || !estate.ok) throw new Error('demo suite or lab estate invalid');
const { client, stop } = await startInProcessWorker({ address: server.address, taskQueue: 'bench' });

const differencesMs: number[] = [];
console.log('run  measured s  true s  measured-true ms  fault-time error ms  active-seen error ms  wall s');
for (let run = 1; run <= runs; run++) {
  const runDir = join(scratch, 'runs', `bench-${run}`);
  const startedAt = Date.now();
  await client.workflow.execute(runSuite, {
    taskQueue: 'bench',
    workflowId: `bench-${run}-${startedAt}`,
    args: [{ runId: `bench-${run}`, runsDir: join(scratch, 'runs'), suite: { ...loaded.suite, estate: estate.estate } }],
  });
  const result = JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')) as SuiteResult;
  const measured = result.scenarios[0]!.failover.instanceFailoverSeconds!;
  const truth = readTruthLog(lab.truthLogFile);
  const kill = truth.find((e) => e.event === 'process-killed' && e.t >= startedAt)!;
  const active = findInstanceState(truth, { qm: 'QM1', to: 'active', afterMs: kill.t })!;
  const trueSeconds = (active.t - kill.t) / 1000;
  const differenceMs = Math.round((measured - trueSeconds) * 1000);
  const failover = result.scenarios[0]!.failover;
  const faultErrorMs = Date.parse(failover.faultAt!) - kill.t;
  const activeErrorMs = Date.parse(failover.newInstanceActiveAt!) - active.t;
  differencesMs.push(differenceMs);
  console.log(
    `${String(run).padStart(3)}  ${measured.toFixed(3).padStart(10)}  ${trueSeconds.toFixed(3).padStart(6)}  ${String(differenceMs).padStart(16)}  ${String(faultErrorMs).padStart(19)}  ${String(activeErrorMs).padStart(20)}  ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)}`,
  );
}
const sorted = [...differencesMs].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`\nmeasured - true over ${runs} runs (probe every 200 ms): min ${sorted[0]} ms, median ${median} ms, max ${sorted.at(-1)} ms`);

await stop();
await lab.stop();
await server.stop();
rmSync(scratch, { recursive: true, force: true });

/**
 * Workflow history length (events) of a traffic + health scenario against its observation
 * time: the suite's workflow and the scenario's child workflow, as the Temporal server keeps
 * them. Large data stays in the run records; the history carries references and summaries.
 *
 *   node --import tsx bench/history-size.ts [observation seconds, comma-separated; default 30,600]
 *
 * The scenario (written here as a suite file, validated like any other): the demo lab's QM1,
 * a persistent and a non-persistent producer and a consumer, the PUT/GET and client-connect
 * health checks, and a stop-standby fault, which expects no failover, so the instance watch
 * and the health probes observe the whole window.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../cli/dev-server.ts';
import { startInProcessWorker } from '../cli/in-process-worker.ts';
import { startLab } from '../cli/lab-control.ts';
import { packageRoot } from '../cli/state-paths.ts';
import { loadEstateFile, loadSuite } from '../suites/load-suite.ts';
import { runSuite } from '../workflows/index.ts';

const windows = (process.argv[2] ?? '30,600').split(',').map(Number);

function suiteYaml(windowSeconds: number): string {
  return `suite: history-size-${windowSeconds}
estate:
  lab: demo
defaults:
  observe: { probeIntervalMs: 200, windowSeconds: ${windowSeconds}, baselineSeconds: 2, settleSeconds: 1 }
scenarios:
  - name: stop-standby-under-traffic
    queueManager: QM1
    fault: { kind: stop-standby }
    traffic:
      queue: DEV.QUEUE.1
      reconnect: reconnect
      producers:
        - { persistence: persistent, ratePerSecond: 100 }
        - { persistence: non-persistent, ratePerSecond: 100 }
      consumers:
        - { syncpoint: 10, ratePerSecond: 300 }
      drainSeconds: 10
    health:
      - name: put-get
        putGet: { queue: MQCHAOS.HEALTH, createQueue: true }
        intervalMs: 200
        timeoutSeconds: 60
      - name: client-connect
        clientConnect: {}
        intervalMs: 200
        timeoutSeconds: 60
    expect:
      properties:
        failover: { properties: { occurred: { const: false } } }
`;
}

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-bench-history-'));
const server = await startDevServer({ stateDirectory: join(scratch, 'state'), preferDefaultPorts: false });
const lab = await startLab({ topologyFile: join(packageRoot, 'lab/topologies/demo.yaml'), stateDir: join(scratch, 'lab') });
const { client, stop } = await startInProcessWorker({ address: server.address, taskQueue: 'bench-history' });
try {
  const estate = await loadEstateFile(lab.estateFile);
  if (!estate.ok) throw new Error('lab estate invalid');
  console.log('observation s  suite workflow events  scenario workflow events  total  wall s');
  for (const windowSeconds of windows) {
    const suiteFile = join(scratch, `history-${windowSeconds}.yaml`);
    mkdirSync(scratch, { recursive: true });
    writeFileSync(suiteFile, suiteYaml(windowSeconds));
    const loaded = await loadSuite(suiteFile);
    if (!loaded.ok) throw new Error(`bench suite invalid: ${JSON.stringify(loaded.errors)}`);
    const startedAt = Date.now();
    const workflowId = `history-${windowSeconds}-${startedAt}`;
    const runId = `history-${windowSeconds}`;
    await client.workflow.execute(runSuite, {
      taskQueue: 'bench-history',
      workflowId,
      args: [{ runId, runsDir: join(scratch, 'runs'), suite: { ...loaded.suite, estate: estate.estate } }],
    });
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const suiteEvents = history.events?.length ?? 0;
    let scenarioEvents = 0;
    for (const event of history.events ?? []) {
      const child = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
      if (!child?.workflowId) continue;
      scenarioEvents += (await client.workflow.getHandle(child.workflowId, child.runId ?? undefined).fetchHistory()).events?.length ?? 0;
    }
    const wall = ((Date.now() - startedAt) / 1000).toFixed(0);
    console.log(`${String(windowSeconds).padStart(13)}  ${String(suiteEvents).padStart(21)}  ${String(scenarioEvents).padStart(24)}  ${String(suiteEvents + scenarioEvents).padStart(5)}  ${wall.padStart(6)}`);
  }
} finally {
  await stop();
  await lab.stop();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}

import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MqchaosActivities } from '../activities/index.ts';
import { heartbeating } from '../activities/heartbeating.ts';
import { workflowBundle } from '../cli/create-worker.ts';
import type { HostSpec } from '../suites/suite-model.ts';
import { runScenario } from '../workflows/index.ts';

/**
 * The workflow's side of "cancellation completes before recovery": the fault activities are
 * replaced by recording doubles, so the test sees exactly when each ran. An injection that
 * is cancelled mid-way still finishes (as a real one would); the restore stack and the
 * sweep must start only after it has.
 */

let connection: NativeConnection;
let client: Client;
beforeAll(async () => {
  connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
});
afterAll(async () => {
  await client.connection.close();
  await connection.close();
});

const host: HostSpec = { name: 'mq1', address: '127.0.0.1', port: 22, user: 'mqm', credential: { env: 'NONE' }, hostKey: 'SHA256:none' };

interface Timeline {
  injectStarted?: () => void;
  injectEndedAt?: number;
  restores: { at: number; target: unknown }[];
}

function recordingActivities(timeline: Timeline): Partial<MqchaosActivities> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    planFault: async () => ({ expectsFailover: true, restoreAfterMs: null }),
    checkSteadyState: async () => ({ servingHost: 'mq1', summary: 'QM1: active on mq1, standby on mq2' }),
    watchFault: heartbeating(async () => {
      await Context.current().cancelled.catch(() => undefined);
      return 'watched';
    }),
    injectFault: heartbeating(async () => {
      timeline.injectStarted?.();
      // The cancellation arrives while the injection is under way; the injection still completes.
      await Context.current().cancelled.catch(() => undefined);
      await sleep(1_500);
      timeline.injectEndedAt = Date.now();
      return { injectedAt: Date.now(), target: { host: 'mq1' } };
    }),
    verifyFault: async () => 'verified',
    restoreFault: heartbeating(async (request) => {
      timeline.restores.push({ at: Date.now(), target: request.target });
      return [request.target ? 'undone' : 'swept'];
    }),
    recordScenario: async () => ({
      scenario: 'cancel-mid-inject',
      verdict: 'unknown',
      harnessStatus: 'aborted',
      recoveryOk: true,
      failures: [],
      missing: [],
      instanceFailoverSeconds: null,
    }),
  } as Partial<MqchaosActivities>;
}

describe('cancelling a scenario while its fault is being injected', () => {
  it('runScenario - the restore stack and the sweep start only after the injection has ended', async () => {
    const timeline: Timeline = { restores: [] };
    const started = new Promise<void>((resolve) => (timeline.injectStarted = resolve));
    const taskQueue = `it-cancel-inject-${Date.now()}`;
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: recordingActivities(timeline),
      maxHeartbeatThrottleInterval: '1 second',
    });
    const input = {
      runId: 'run-cancel',
      runDir: '/nonexistent/run-cancel',
      suite: 'cancel',
      estate: { hosts: { mq1: host }, queueManagers: { QM1: { name: 'QM1', instances: ['mq1'] } } },
      scenario: {
        name: 'cancel-mid-inject',
        queueManager: 'QM1',
        fault: { kind: 'kill-active', signal: 'KILL' },
        observe: { windowSeconds: 30, probeIntervalMs: 100, baselineSeconds: 0, settleSeconds: 0 },
        expect: { schema: {}, schemas: [], source: 'test' },
      },
    } as const;
    await worker.runUntil(async () => {
      const handle = await client.workflow.start(runScenario, { taskQueue, workflowId: taskQueue, args: [structuredClone(input) as never] });
      await started;
      await handle.cancel();
      await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    });

    expect(timeline.injectEndedAt).toBeDefined();
    // The injection finished after the cancellation: its exact restore (if its result reached the workflow) and then the sweep.
    expect(timeline.restores.at(-1)?.target).toBeNull();
    expect(timeline.restores.length).toBeGreaterThan(0);
    for (const restore of timeline.restores) expect(restore.at).toBeGreaterThanOrEqual(timeline.injectEndedAt!);
  });
});

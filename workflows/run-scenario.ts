import {
  ActivityCancellationType,
  ActivityFailure,
  CancellationScope,
  CancelledFailure,
  defineQuery,
  defineSignal,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { FaultScope, MqchaosActivities } from '../activities/index.ts';
import type { HarnessStatus, RecoveryOutcome, TimelineEvent } from '../checkers/result-document.ts';
import type { HealthCheckSpec, HostSpec } from '../suites/suite-model.ts';
import { requireConformance } from './conformance-gate.ts';
import type { RunScenarioInput, ScenarioOutcome, ScenarioPhase, ScenarioProgress } from '../records/run-contracts.ts';

/** How long after the observation a host's own timed heal waits for mqchaos's restore before undoing the fault itself. */
const HOST_HEAL_MARGIN_MS = 120_000;

export const abortSignal = defineSignal<[reason: string]>('abort');
export const progressQuery = defineQuery<ScenarioProgress>('progress');

const estateChecks = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3, initialInterval: '1s' },
});
/**
 * Injecting a fault is destructive and not idempotent (a second kill -9 could hit the new
 * active): one attempt. Inject, verify and the timed restore heartbeat, and a cancellation
 * waits until they have ended: the restore stack and the sweep never race an injection.
 */
const faultInjection = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumAttempts: 1 },
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
});
const faultVerification = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1s' },
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
});
const recovery = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '3 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2 },
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
});
const recording = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 3 },
});

/** The traffic runs through baseline, fault and observation: one attempt (a retry would start new producers), heartbeats, and a cancellation that waits for the clients to end. */
function trafficActivities(runMs: number) {
  return proxyActivities<MqchaosActivities>({
    startToCloseTimeout: runMs + 120_000,
    heartbeatTimeout: '10 seconds',
    retry: { maximumAttempts: 1 },
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
}
/** Short activities that wait on a long-running one through the scenario folder (traffic running or stopping, health probes probing). */
const control = proxyActivities<MqchaosActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1s' },
});

function watchActivities(windowMs: number) {
  return proxyActivities<MqchaosActivities>({
    startToCloseTimeout: windowMs + 60_000,
    heartbeatTimeout: '5 seconds',
    retry: { maximumAttempts: 3, initialInterval: '1s' },
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
}

/** A health probe runs from the baseline and heartbeats once per attempt: its heartbeat timeout must outlast the longest attempt. */
function healthActivities(check: HealthCheckSpec, baselineMs: number) {
  return proxyActivities<MqchaosActivities>({
    startToCloseTimeout: baselineMs + check.timeoutMs + 120_000,
    heartbeatTimeout: check.attemptTimeoutMs + check.intervalMs + 5_000,
    retry: { maximumAttempts: 3, initialInterval: '1s' },
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
}

/**
 * One fault scenario: preflight (steady state) → baseline → inject → observe → recover
 * (always, in a non-cancellable scope) → record and judge. An abort signal or a
 * cancellation stops the scenario where it is; recovery still runs.
 *
 * Nothing here knows a fault family: the steady-state gate, the watch during the window and
 * the "recovered" check at the end of each restore are the fault family's, reached through
 * the generic fault activities (checkSteadyState, watchFault, restoreFault).
 */
export async function runScenario(input: RunScenarioInput): Promise<ScenarioOutcome> {
  const { scenario, estate } = input;
  const queueManager = scenario.queueManager;
  const hosts: HostSpec[] = estate.queueManagers[queueManager]!.instances.map((name) => estate.hosts[name]!);
  const scenarioDir = `${input.runDir}/scenarios/${scenario.name}`;
  const { windowSeconds, probeIntervalMs, baselineSeconds, settleSeconds } = scenario.observe;

  const progress: ScenarioProgress = { phase: 'preflight', faultInjected: false, aborted: null };
  const steps: TimelineEvent[] = [];
  const enter = (phase: ScenarioPhase) => {
    progress.phase = phase;
    steps.push({ at: new Date().toISOString(), kind: 'step-started', summary: `${phase} started` });
  };
  const work = new CancellationScope();
  setHandler(progressQuery, () => progress);
  setHandler(abortSignal, (reason) => {
    progress.aborted = reason;
    work.cancel();
  });

  let harnessStatus: HarnessStatus = 'completed';
  let activeHostBefore: string | null = null;
  // A fault that a lost harness would leave in place is undone by its host itself at this deadline after the injection.
  const hostHealAfterMs = (windowSeconds + settleSeconds) * 1000 + HOST_HEAL_MARGIN_MS;
  const scope = { runId: input.runId, fault: scenario.fault, queueManager, hosts, scenarioDir, hostHealAfterMs, estate };
  let fault: { injectedAt: number | null; target: Record<string, unknown> | null } = { injectedAt: null, target: null };
  const restoreStack: Array<() => Promise<string[]>> = [];
  const watchScope = new CancellationScope();
  const trafficScope = new CancellationScope();
  let traffic: Promise<unknown> | null = null;
  let cancellation: unknown = null;
  // Until the inject activity is scheduled nothing was done to any host: no sweep, nothing to claim faulted.
  let injectionAttempted = false;
  let injectStartedAt = 0;

  try {
    await work.run(async () => {
      enter('preflight');
      // The fault's module says whether the family's watch awaits a change (a new active) and whether it heals itself after a while.
      const plan = await estateChecks.planFault(scenario.fault);
      const steady = await estateChecks.checkSteadyState(scope);
      if (scenario.requires?.includes('conformance')) await requireConformance(scenario, estate, steps);
      const activeHost = steady.servingHost;
      activeHostBefore = activeHost;
      // The health checks' own preflight (the PUT/GET test queue); a check that cannot run is left out, its reason recorded.
      let healthChecks: HealthCheckSpec[] = [];
      if (scenario.health && scenario.health.length > 0) {
        const prepared = await estateChecks.prepareHealthChecks({ scenarioDir, queueManager, activeHost: estate.hosts[activeHost]!, checks: scenario.health });
        healthChecks = scenario.health.filter((check) => prepared.watch.includes(check.name));
      }

      if (scenario.traffic) {
        enter('traffic');
        const producingMs = (baselineSeconds + windowSeconds + settleSeconds) * 1000 + 60_000;
        const request = { runId: input.runId, scenario: scenario.name, scenarioDir, queueManager, estate, traffic: scenario.traffic, maxProducingMs: producingMs };
        traffic = trafficScope.run(() => trafficActivities(producingMs + scenario.traffic!.drainSeconds * 1000).runTraffic(request));
        traffic.catch(() => undefined);
        await control.awaitTrafficRunning({ scenarioDir, timeoutMs: 60_000 });
      }

      enter('baseline');
      // Health probes run from before the fault (they learn its time from the recorded fault-injected event);
      // the instance watch and the baseline start once each has made an attempt.
      const baselineMs = baselineSeconds * 1000;
      const checking = healthChecks.map((check) =>
        watchScope.run(() =>
          healthActivities(check, baselineMs).watchHealth({
            scenarioDir,
            check,
            estate,
            queueManager,
            quietWindowMs: windowSeconds * 1000,
            faultDueWithinMs: baselineMs + 120_000,
          }),
        ),
      );
      checking.forEach((probe) => probe.catch(() => undefined));
      if (checking.length > 0) {
        const probing = control.awaitHealthProbing({ scenarioDir, probes: healthChecks.map((check) => check.name), timeoutMs: 60_000 });
        probing.catch(() => undefined);
        await Promise.race([probing, Promise.all(checking)]);
      }
      const watching = watchScope.run(() =>
        watchActivities(windowSeconds * 1000).watchFault(scope, {
          steady,
          expectsChange: plan.expectsFailover,
          probeIntervalMs,
          windowMs: (baselineSeconds + windowSeconds) * 1000,
          settleMs: settleSeconds * 1000,
        }),
      );
      watching.catch(() => undefined);
      await sleep(baselineMs);

      enter('inject');
      const request = { ...scope, steady };
      injectionAttempted = true;
      injectStartedAt = Date.now();
      const injected = await faultInjection.injectFault(request);
      fault = { injectedAt: injected.injectedAt, target: injected.target };
      progress.faultInjected = true;
      const restore = () => recovery.restoreFault({ ...scope, target: injected.target });
      restoreStack.push(restore);
      await faultVerification.verifyFault(request, injected.target);

      enter('observe');
      const healing = async (afterMs: number | null) => {
        if (afterMs === null) return;
        await sleep(Math.max(0, afterMs - (Date.now() - injected.injectedAt)));
        await restore();
        restoreStack.splice(restoreStack.indexOf(restore), 1);
      };
      await Promise.all([watching, healing(plan.restoreAfterMs), ...checking]);

      if (traffic) {
        enter('drain');
        await control.requestTrafficStop({ scenarioDir });
        await traffic;
      }
    });
  } catch (err) {
    if (isCancellation(err)) cancellation = err;
    else {
      harnessStatus = 'failed';
      steps.push({ at: new Date().toISOString(), kind: 'error', summary: describeFailure(err) });
    }
  }
  // A cancellation can also arrive while nothing cancellable is pending (an activity finishing as it is told).
  if (harnessStatus === 'completed' && (cancellation || work.consideredCancelled)) {
    harnessStatus = 'aborted';
    steps.push({ at: new Date().toISOString(), kind: 'error', summary: `scenario aborted${progress.aborted ? `: ${progress.aborted}` : ''}` });
    if (progress.aborted === null) cancellation ??= new CancelledFailure('scenario workflow cancelled');
  }

  let outcome: ScenarioOutcome | undefined;
  await CancellationScope.nonCancellable(async () => {
    watchScope.cancel();
    // Traffic still running (an aborted or failed scenario) is cancelled: its clients are ended before recovery.
    trafficScope.cancel();
    await traffic?.catch(() => undefined);
    enter('recover');
    // Due: the observation (window and settle, or the slowest health check), then the traffic's drain.
    const observeMs = Math.max((windowSeconds + settleSeconds) * 1000, ...(scenario.health ?? []).map((check) => check.timeoutMs));
    const dueAt = injectStartedAt + observeMs + (scenario.traffic?.drainSeconds ?? 0) * 1000;
    const late = injectionAttempted ? await recheckIfLate(dueAt, scope) : null;
    if (late) steps.push(late);
    const recoveryOutcome = injectionAttempted
      ? await unwind(restoreStack, () => recovery.restoreFault({ ...scope, target: null }))
      : { ok: true, actions: ['nothing was injected: no host was touched, nothing to restore'] };
    enter('evaluate');
    outcome = await recording.recordScenario({
      runDir: input.runDir,
      scenario,
      recording: {
        runId: input.runId,
        suite: input.suite,
        scenario: scenario.name,
        queueManager,
        harnessStatus,
        fault: { kind: scenario.fault.kind, ...fault },
        activeHostBefore,
        probeIntervalMs,
        recovery: recoveryOutcome,
      },
      steps,
    });
    progress.phase = 'done';
  });
  // A cancelled workflow ends as cancelled once the estate is restored; an abort signal ends it normally.
  if (cancellation && progress.aborted === null) throw cancellation;
  return outcome!;
}

/** A recovery that starts this long after the observation window should have ended did not run on time. */
const LATE_AFTER_MS = 60_000;

/**
 * A recovery that runs late — the worker that had the scenario was lost (its CLI killed, its
 * machine gone) and a worker started later resumed it — first looks at the estate as it is
 * now (recorded in the scenario's samples and events), and the timeline says it ran late and why.
 */
async function recheckIfLate(dueAt: number, scope: FaultScope): Promise<TimelineEvent | null> {
  const lateMs = Date.now() - dueAt;
  if (lateMs <= LATE_AFTER_MS) return null;
  let found: string;
  try {
    // The fault family's steady-state gate says what it finds, whether it holds or not.
    found = (await estateChecks.checkSteadyState(scope)).summary;
  } catch (err) {
    found = describeFailure(err);
  }
  return {
    at: new Date().toISOString(),
    kind: 'recovery',
    summary:
      `recovery ran ${Math.round(lateMs / 1000)} s late: no worker ran this scenario between its observation window and now ` +
      `(the worker that had it was lost; a worker started later resumed it). The estate was checked again first: ${found}`,
    detail: { lateSeconds: Math.round(lateMs / 1000) },
  };
}

/**
 * Unwinds the restore stack (last in, first out), then runs the restore-all sweep for the
 * fault kinds used. A failed restore is never swallowed: it makes the outcome not ok.
 */
async function unwind(stack: Array<() => Promise<string[]>>, sweep: () => Promise<string[]>): Promise<RecoveryOutcome> {
  const actions: string[] = [];
  const errors: string[] = [];
  for (const restore of [...stack].reverse()) {
    try {
      actions.push(...(await restore()));
    } catch (err) {
      errors.push(`restore failed: ${describeFailure(err)}`);
    }
  }
  try {
    actions.push(...(await sweep()));
  } catch (err) {
    errors.push(`restore-all sweep failed: ${describeFailure(err)}`);
  }
  return errors.length === 0 ? { ok: true, actions } : { ok: false, actions, error: errors.join('; ') };
}

/** What went wrong, in words: an activity's own error rather than "Activity task failed". */
function describeFailure(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause) return `${err.activityType}: ${err.cause.message}`;
  return String((err as Error).message ?? err);
}

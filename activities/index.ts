import { cancellationDetails } from '@temporalio/activity';
import type { FamilyWatchRequest, SteadyState } from './faults/families/fault-family.ts';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { EstateSpec, FaultSpec, HostSpec } from '../suites/suite-model.ts';
import type { ConformanceReport } from '../checkers/conformance-facts.ts';
import { writeConformance } from '../records/conformance-file.ts';
import { runConformanceCheck, type ConformanceCheckRequest } from './conformance/run-conformance-check.ts';
import { faultModule } from './faults/fault-catalog.ts';
import type { FaultContext, FaultPlan, FaultTarget, Injected } from './faults/fault-module.ts';
import { heartbeating } from './heartbeating.ts';
import { awaitHealthProbing } from './probes/await-health-probing.ts';
import { prepareHealthChecks, type PrepareHealthRequest } from './probes/prepare-health-checks.ts';
import { watchHealth, type WatchHealthRequest } from './probes/watch-health.ts';
import { recordEvent } from '../records/event-log.ts';
import { openRunDir, recordScenario, recordScenarioNotRun, writeSuiteReport, type RunReporter } from './record/record-scenario.ts';
import { toActivityFailure } from './ssh/activity-failure.ts';
import { runTraffic } from './traffic/run-traffic.ts';
import { awaitTrafficRunning, requestTrafficStop } from './traffic/traffic-control.ts';
import type { SshPool } from './ssh/ssh-pool.ts';

export interface ActivityDependencies {
  ssh: SshPool;
  /** Renders the run's report (reports/), given by whoever creates the worker. */
  reporter: RunReporter;
}

/** Where a fault acts and records: its spec, the queue manager's instance hosts, the scenario's folder. */
export interface FaultScope {
  runId: string;
  fault: FaultSpec;
  queueManager: string;
  hosts: HostSpec[];
  scenarioDir: string;
  /** The deadline the suite sets for heals a host runs by itself (the dead-man restore), from the injection. */
  hostHealAfterMs: number;
  /** The estate the scenario runs against. */
  estate: EstateSpec;
}

export interface FaultRequest extends FaultScope {
  /** What the family's steady-state gate found (the fault is aimed at its serving host). */
  steady: SteadyState;
}

export interface RestoreRequest extends FaultScope {
  /** What the injection remembered; null runs the restore-all sweep for this fault kind. */
  target: FaultTarget | null;
}

/**
 * Operational errors cross the activity boundary as ApplicationFailures; permanent ones are
 * not retried. A worker shutting down cancels its activities: reported as cancelled, the
 * workflow would take that for an abort and recover at once, so it fails retryably instead
 * and another worker on the task queue takes the activity over.
 */
function atBoundary<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      const shutdown = cancellationDetails()?.workerShutdown || (err instanceof CancelledFailure && err.message === 'WORKER_SHUTDOWN');
      if (shutdown) throw ApplicationFailure.retryable('the worker shut down during this activity; another worker takes it over', 'WorkerShutdown');
      throw toActivityFailure(err);
    }
  };
}

function faultContext(deps: ActivityDependencies, scope: FaultScope): FaultContext {
  const { queueManager, hosts, scenarioDir, runId, hostHealAfterMs, estate, fault } = scope;
  return { ssh: deps.ssh, queueManager, hosts, scenarioDir, runId, hostHealAfterMs, estate, fault, record: (event) => recordEvent(scenarioDir, event) };
}

/** Every side effect of mqchaos, with its dependencies given (the Temporal samples' factory pattern). */
export function createActivities(deps: ActivityDependencies) {
  return {
    runConformanceCheck: atBoundary((request: ConformanceCheckRequest) => runConformanceCheck(deps.ssh, request)),
    recordConformance: atBoundary((request: { runDir: string; report: ConformanceReport }) => writeConformance(request.runDir, request.report)),
    prepareHealthChecks: atBoundary((request: PrepareHealthRequest) => prepareHealthChecks(deps.ssh, request)),
    watchHealth: atBoundary((request: WatchHealthRequest) => watchHealth(deps.ssh, request)),
    awaitHealthProbing,
    /** What the workflow must know before injecting: decided by the fault's module, no side effects. */
    planFault: atBoundary(async (fault: FaultSpec): Promise<FaultPlan> => faultModule(fault.kind).plan(fault)),
    /** The preflight gate of the fault's family: what must hold before anything is done. */
    checkSteadyState: atBoundary((scope: FaultScope): Promise<SteadyState> => faultModule(scope.fault.kind).family.checkSteadyState(faultContext(deps, scope))),
    /** What the fault's family watches during the window. */
    watchFault: atBoundary((scope: FaultScope, watch: FamilyWatchRequest): Promise<string> =>
      faultModule(scope.fault.kind).family.watch(faultContext(deps, scope), watch),
    ),
    // Inject, verify and restore heartbeat so that a cancelled workflow waits until each has really ended.
    injectFault: atBoundary(
      heartbeating(async (request: FaultRequest): Promise<Injected<FaultTarget>> => {
        const servingHost = request.hosts.find((h) => h.name === request.steady.servingHost);
        if (!servingHost) throw new Error(`serving host ${request.steady.servingHost} is not an instance host of ${request.queueManager}`);
        return faultModule(request.fault.kind).inject(faultContext(deps, request), request.fault, servingHost);
      }, { startsNothingOnceCancelled: true }),
    ),
    verifyFault: atBoundary(
      heartbeating((request: FaultRequest, target: FaultTarget) => faultModule(request.fault.kind).verify(faultContext(deps, request), target)),
    ),
    restoreFault: atBoundary(
      heartbeating((request: RestoreRequest) => faultModule(request.fault.kind).restore(faultContext(deps, request), request.target, request.fault)),
    ),
    runTraffic: atBoundary(runTraffic),
    awaitTrafficRunning,
    requestTrafficStop,
    openRunDir,
    recordScenario,
    recordScenarioNotRun,
    writeSuiteReport: (request: { runDir: string }) => writeSuiteReport(deps.reporter, request),
  };
}

export type MqchaosActivities = ReturnType<typeof createActivities>;

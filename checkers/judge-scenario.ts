import type { ExpectationOutcome, FailoverMeasurement, ScenarioResult, TimelineEvent, Verdict } from './result-document.ts';
import type { ScenarioRecording } from './scenario-recording.ts';
import { constrainedPaths as collectConstrainedPaths } from '../suites/expectation-paths.ts';
import type { ScenarioSpec } from '../suites/suite-model.ts';
import { judgeExpectation } from './expectation-judge.ts';
import { measureFailover, selectQueueManagerSamples } from './failover-phases.ts';
import { judgeFindings } from './findings-judgement.ts';
import { measureHealth } from './health-measurement.ts';
import { findTwoActives } from './two-actives.ts';
import { observeSampleChanges } from './sample-observations.ts';
import { measureTraffic } from './traffic-measurement.ts';
import { measureChannelTimelines } from './channel-timelines.ts';
import { measureTransmitBuildup } from './transmit-buildup.ts';
import { measureRouting } from './message-routing.ts';

/** The result document without its judgement: what the expectation is judged against. */
export type MeasuredScenario = Omit<ScenarioResult, 'expectation' | 'verdict'>;

export interface ScenarioMeasurement {
  document: MeasuredScenario;
  /** Checkers that threw, in words; each makes a pass impossible. */
  checkerFailures: string[];
}

/**
 * Measures what a scenario recorded, judges it against the scenario's expectation and
 * reaches a verdict. A harness that did not complete, or a checker that threw, cannot pass:
 * the verdict is unknown unless an expectation already failed. A failed recovery stays in
 * the document (the CLI maps it to exit code 3). `constrainedPaths` defaults to the paths the
 * expectation's schemas constrain.
 */
export function judgeScenario(
  recording: ScenarioRecording,
  spec: ScenarioSpec,
  constrainedPaths: readonly string[] = collectConstrainedPaths(spec.expect),
): ScenarioResult {
  const { document, checkerFailures } = measureScenario(recording);
  const judged = judgeFindings(judgeExpectation(document, spec.expect, constrainedPaths), document.findings ?? [], constrainedPaths);
  const expectation: ExpectationOutcome =
    checkerFailures.length === 0
      ? judged
      : {
          ...judged,
          verdict: judged.verdict === 'fail' ? 'fail' : 'unknown',
          missing: [...judged.missing, ...checkerFailures],
        };
  return { ...document, expectation, verdict: scenarioVerdict(expectation, recording) };
}

export function measureScenario(recording: ScenarioRecording): ScenarioMeasurement {
  const checkerFailures: string[] = [];
  const attempt = <T>(checker: string, run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (error) {
      checkerFailures.push(`the ${checker} checker failed: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  const failover = attempt('failover', () => measureFailover(recording), unmeasuredFailover(recording));
  const observations = attempt('sample observation', () => observeSampleChanges(selectQueueManagerSamples(recording)), []);
  const traffic = attempt('message accounting', () => measureTraffic(recording), undefined);
  const findings = attempt('two-actives', () => findTwoActives(selectQueueManagerSamples(recording), recording.probeIntervalMs), []);
  const health = attempt('health', () => measureHealth(recording.health ?? [], recording.fault.injectedAt), {});
  const cluster = recording.cluster && recording.cluster.length > 0 ? recording.cluster : undefined;
  const transmit = cluster && recording.fault.injectedAt !== null ? attempt('transmit buildup', () => measureTransmitBuildup(cluster, { faultAtMs: recording.fault.injectedAt!, recoveredAtMs: restoredAt(recording) }), undefined) : undefined;
  const channels = cluster ? attempt('channel timelines', () => measureChannelTimelines(cluster), undefined) : undefined;
  const routing = cluster && recording.traffic ? attempt('routing', () => measureRouting(recording.traffic!), undefined) : undefined;
  const errorEvents = checkerFailures.map((summary) => checkerErrorEvent(summary, recording));
  const document: MeasuredScenario = {
    schemaVersion: 1,
    runId: recording.runId,
    suite: recording.suite,
    scenario: recording.scenario,
    queueManager: recording.queueManager,
    harnessStatus: recording.harnessStatus,
    fault: { kind: recording.fault.kind, target: recording.fault.target },
    failover: traffic ? { ...failover, ...traffic.failover } : failover,
    ...(traffic?.messages ? { messages: traffic.messages } : {}),
    ...(Object.keys(health).length > 0 ? { health } : {}),
    findings,
    ...(transmit ? { transmit } : {}),
    ...(channels ? { channels } : {}),
    ...(routing ? { routing } : {}),
    events: sortEvents([...recording.events, ...observations, ...(traffic?.events ?? []), ...errorEvents]),
    recovery: recording.recovery,
  };
  return { document, checkerFailures };
}

/** When the fault's restore was verified (its family's "recovered" check ran before the event was recorded); null when it never was. */
function restoredAt(recording: ScenarioRecording): number | null {
  const restored = recording.events.find((e) => e.kind === 'fault-restored' && !e.summary.startsWith('restore-all'));
  return restored ? Date.parse(restored.at) : null;
}

function scenarioVerdict(expectation: ExpectationOutcome, recording: ScenarioRecording): Verdict {
  if (expectation.verdict === 'fail') return 'fail';
  if (recording.harnessStatus !== 'completed') return 'unknown';
  return expectation.verdict;
}

/** Events in time order; events at the same instant keep their order (recorded before derived). */
function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function unmeasuredFailover(recording: ScenarioRecording): FailoverMeasurement {
  return {
    faultAt: null,
    oldActiveHost: null,
    oldInstanceEndedAt: null,
    newActiveHost: null,
    newInstanceActiveAt: null,
    instanceFailoverSeconds: null,
    probeIntervalMs: recording.probeIntervalMs,
  };
}

function checkerErrorEvent(summary: string, recording: ScenarioRecording): TimelineEvent {
  const atMs = recording.fault.injectedAt ?? Date.parse(recording.events[0]?.at ?? '');
  return { at: new Date(Number.isNaN(atMs) ? 0 : atMs).toISOString(), kind: 'error', summary };
}

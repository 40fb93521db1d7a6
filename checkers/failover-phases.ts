import type { InstanceSample } from './instance-samples.ts';
import type { FailoverMeasurement } from './result-document.ts';
import type { ScenarioRecording } from './scenario-recording.ts';
import {
  instanceStateOf,
  reportsActiveInstanceOf,
  reportsRunning,
  sameHost,
  sortByTime,
  type InstanceState,
} from './instance-view.ts';

export type { InstanceState } from './instance-view.ts';

/** A stretch of time during which a host's own instance showed one state (epoch ms). */
export interface InstanceStateRun {
  fromMs: number;
  toMs: number;
  state: InstanceState;
}

export interface HostStateSeries {
  host: string;
  runs: InstanceStateRun[];
}

/**
 * Phases of an instance failover, read from the probe's samples only. Anything the samples
 * do not show is null: no fault, no samples after it, or the phase never seen.
 */
export function measureFailover(recording: ScenarioRecording): FailoverMeasurement {
  const faultAtMs = recording.fault.injectedAt;
  const oldHost = recording.activeHostBefore;
  const measurement: FailoverMeasurement = {
    faultAt: faultAtMs === null ? null : isoInstant(faultAtMs),
    oldActiveHost: oldHost,
    oldInstanceEndedAt: null,
    newActiveHost: null,
    newInstanceActiveAt: null,
    instanceFailoverSeconds: null,
    probeIntervalMs: recording.probeIntervalMs,
  };
  if (faultAtMs === null || oldHost === null) return measurement;

  const afterFault = sortByTime(selectQueueManagerSamples(recording)).filter((sample) => sample.t >= faultAtMs);
  const ended = afterFault.find((sample) => showsOldInstanceEnded(sample, oldHost));
  if (ended) measurement.oldInstanceEndedAt = isoInstant(ended.t);

  const takeover = afterFault.find((sample) => sample.t > faultAtMs && showsTakeover(sample, oldHost));
  if (takeover) {
    measurement.newActiveHost = takeover.host;
    measurement.newInstanceActiveAt = isoInstant(takeover.t);
    measurement.instanceFailoverSeconds = seconds(takeover.t - faultAtMs);
  }
  measurement.occurred = takeover ? true : sawNoFailover(recording, afterFault) ? false : null;
  return measurement;
}

/**
 * "No failover" is a measurement too, when the observation ran to its end (the harness
 * completed) and every host that answered before the fault answered after it.
 */
function sawNoFailover(recording: ScenarioRecording, afterFault: readonly InstanceSample[]): boolean {
  if (recording.harnessStatus !== 'completed') return false;
  const hosts = new Set(selectQueueManagerSamples(recording).map((sample) => sample.host.trim().toLowerCase()));
  const answered = new Set(afterFault.filter((sample) => sample.ok).map((sample) => sample.host.trim().toLowerCase()));
  return hosts.size > 0 && [...hosts].every((host) => answered.has(host));
}

/** Per host, the runs of its own instance state in time order, for the report's lanes. */
export function instanceStateSeries(samples: readonly InstanceSample[]): HostStateSeries[] {
  const byHost = new Map<string, InstanceSample[]>();
  for (const sample of sortByTime(samples)) {
    const key = sample.host.trim().toLowerCase();
    const hostSamples = byHost.get(key) ?? [];
    hostSamples.push(sample);
    byHost.set(key, hostSamples);
  }
  return [...byHost.values()]
    .map((hostSamples) => ({ host: hostSamples[0]!.host, runs: runsOf(hostSamples) }))
    .sort((a, b) => a.host.localeCompare(b.host));
}

function runsOf(hostSamples: InstanceSample[]): InstanceStateRun[] {
  const runs: InstanceStateRun[] = [];
  for (const sample of hostSamples) {
    const state = instanceStateOf(sample);
    const current = runs.at(-1);
    if (current) current.toMs = sample.t;
    if (current?.state !== state) runs.push({ fromMs: sample.t, toMs: sample.t, state });
  }
  return runs;
}

/** The recording's samples of its own queue manager (a probe may watch others too). */
export function selectQueueManagerSamples(recording: ScenarioRecording): InstanceSample[] {
  return recording.samples.filter((sample) => sample.queueManager === recording.queueManager);
}

/**
 * Evidence the old instance is gone: its own host answers with a status other than Running,
 * or a host that answered with an instance list no longer lists it as active. A probe error
 * is no evidence either way.
 */
function showsOldInstanceEnded(sample: InstanceSample, oldHost: string): boolean {
  if (!sample.ok) return false;
  if (sameHost(sample.host, oldHost) && !reportsRunning(sample)) return true;
  return sample.instances !== undefined && !reportsActiveInstanceOf(sample, oldHost);
}

function showsTakeover(sample: InstanceSample, oldHost: string): boolean {
  return !sameHost(sample.host, oldHost) && reportsRunning(sample) && reportsActiveInstanceOf(sample, sample.host);
}

function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function seconds(durationMs: number): number {
  return Math.round(durationMs) / 1000;
}

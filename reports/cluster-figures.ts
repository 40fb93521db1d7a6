import type {
  ChannelStatus,
  ChannelStatusSample,
  ClusterObservation,
  ClusterResultFields,
  QueueInstanceSample,
  TransmitQueueSample,
} from '../checkers/cluster-observations.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { chartId } from './chart-embed.ts';
import { seriesColour, type BarFigure, type LaneFigure, type LaneRun, type LineFigure } from './chart-figure.ts';
import { scenarioMarkers, type ScenarioClock } from './scenario-time-axis.ts';

/**
 * The figures of a cluster scenario, from what its cluster probes recorded and its result:
 * transmit-queue depth per sending queue manager, the status of every cluster channel, the
 * depth of each cluster queue instance, and where each producer group's messages went.
 * Each builder gives null when there is nothing to draw.
 */
export type ClusterScenarioResult = ScenarioResult & ClusterResultFields;

const CHANNEL_STATES: Array<{ state: ChannelStatus | 'unreachable'; label: string; colour: string }> = [
  { state: 'RUNNING', label: 'RUNNING', colour: '#2e7d32' },
  { state: 'INACTIVE', label: 'INACTIVE (no status)', colour: '#cfd8dc' },
  { state: 'BINDING', label: 'BINDING', colour: '#fdd835' },
  { state: 'STARTING', label: 'STARTING', colour: '#f9a825' },
  { state: 'INITIALIZING', label: 'INITIALIZING', colour: '#ffb300' },
  { state: 'REQUESTING', label: 'REQUESTING', colour: '#ffca28' },
  { state: 'SWITCHING', label: 'SWITCHING', colour: '#8d6e63' },
  { state: 'RETRYING', label: 'RETRYING', colour: '#ef6c00' },
  { state: 'PAUSED', label: 'PAUSED', colour: '#8e24aa' },
  { state: 'STOPPING', label: 'STOPPING', colour: '#e57373' },
  { state: 'STOPPED', label: 'STOPPED', colour: '#c62828' },
  { state: 'unreachable', label: 'status not read', colour: '#616161' },
];

export function transmitDepthFigure(observations: readonly ClusterObservation[], result: ClusterScenarioResult, clock: ScenarioClock): LineFigure | null {
  const samples = observations.filter((o): o is TransmitQueueSample => o.k === 'xmitq');
  if (samples.length === 0) return null;
  const senders = [...new Set(samples.map((sample) => sample.sender))].sort();
  const peaks = senders
    .map((sender) => [sender, result.transmit?.[sender]?.peakDepth] as const)
    .filter(([, peak]) => typeof peak === 'number')
    .map(([sender, peak]) => `${sender} peaked at ${peak}`);
  return {
    kind: 'lines',
    id: chartId('transmit', result.scenario),
    title: 'SYSTEM.CLUSTER.TRANSMIT.QUEUE depth per sending queue manager',
    caption: `Messages waiting to be sent, as CURDEPTH was sampled on each sender; a gap is a sample that could not be read.${peaks.length > 0 ? ` ${peaks.join('; ')}.` : ''}`,
    axis: clock.axis,
    yTitle: 'messages on the transmit queue',
    series: senders.map((sender, index) => ({
      label: sender,
      colour: seriesColour(index),
      stepped: true,
      points: samples.filter((sample) => sample.sender === sender).sort(byTime).map((sample) => [clock.seconds(sample.t), sample.ok ? (sample.depth ?? null) : null]),
    })),
    markers: scenarioMarkers(result, clock),
    spans: [],
  };
}

export function channelLanesFigure(observations: readonly ClusterObservation[], result: ClusterScenarioResult, clock: ScenarioClock): LaneFigure | null {
  const samples = observations.filter((o): o is ChannelStatusSample => o.k === 'chstatus').sort(byTime);
  if (samples.length === 0) return null;
  const lanes = new Map<string, LaneRun[]>();
  for (const sample of samples) {
    const label = `${sample.sender} \u2192 ${sample.channel}`;
    const runs = lanes.get(label) ?? [];
    const state = sample.ok ? (sample.status ?? 'INACTIVE') : 'unreachable';
    const seconds = clock.seconds(sample.t);
    const current = runs.at(-1);
    if (current) current.toSeconds = seconds;
    if (current?.state !== state) runs.push({ state, fromSeconds: seconds, toSeconds: seconds });
    lanes.set(label, runs);
  }
  return {
    kind: 'lanes',
    id: chartId('channels', result.scenario),
    title: 'Cluster channel status (sender \u2192 channel)',
    caption: 'DISPLAY CHSTATUS on each sending queue manager; "Channel Status not found" is INACTIVE. A state is drawn until the next sample.',
    axis: clock.axis,
    lanes: [...lanes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, runs]) => ({ label, runs })),
    states: CHANNEL_STATES,
    markers: scenarioMarkers(result, clock),
  };
}

export function queueInstanceDepthFigure(observations: readonly ClusterObservation[], result: ClusterScenarioResult, clock: ScenarioClock): LineFigure | null {
  const samples = observations.filter((o): o is QueueInstanceSample => o.k === 'qstatus');
  if (samples.length === 0) return null;
  const instances = [...new Set(samples.map((sample) => instanceLabel(sample)))].sort();
  return {
    kind: 'lines',
    id: chartId('queue-instances', result.scenario),
    title: 'Depth of each cluster queue instance',
    caption: 'CURDEPTH from DISPLAY QSTATUS on each member holding an instance; a gap is a member that could not be asked (stopped).',
    axis: clock.axis,
    yTitle: 'messages on the queue',
    series: instances.map((label, index) => ({
      label,
      colour: seriesColour(index),
      stepped: true,
      points: samples.filter((sample) => instanceLabel(sample) === label).sort(byTime).map((sample) => [clock.seconds(sample.t), sample.ok ? (sample.depth ?? null) : null]),
    })),
    markers: scenarioMarkers(result, clock),
    spans: [],
  };
}

const BIND_WORDS = { 'on-open': 'bind-on-open', 'not-fixed': 'bind-not-fixed', group: 'bind-group', qualified: 'fully qualified' } as const;

/** One bar per producer group, split by the queue manager whose instance its messages were got from. */
export function routingFigure(result: ClusterScenarioResult): BarFigure | null {
  const groups = Object.entries(result.routing ?? {});
  if (groups.length === 0) return null;
  const queueManagers = [...new Set(groups.flatMap(([, routing]) => Object.keys(routing.deliveredTo)))].sort();
  return {
    kind: 'bars',
    id: chartId('routing', result.scenario),
    title: 'Where each producer group\u2019s messages were delivered',
    caption: 'Messages got from each queue manager\u2019s instance of the cluster queue, per producer group: bind-on-open and fully qualified messages wait for their member; bind-not-fixed ones are workload-balanced to the others.',
    categories: groups.map(([group, routing]) => (routing.bind ? `${group} (${BIND_WORDS[routing.bind]})` : group)),
    valueTitle: 'messages delivered',
    stacks: queueManagers.map((qm, index) => ({ label: qm, colour: seriesColour(index), values: groups.map(([, routing]) => routing.deliveredTo[qm] ?? 0) })),
  };
}

/** The earliest cluster observation, for a scenario clock without a fault. */
export function earliestObservationMs(observations: readonly ClusterObservation[]): number | null {
  return observations.length === 0 ? null : Math.min(...observations.map((o) => o.t));
}

function instanceLabel(sample: QueueInstanceSample): string {
  return `${sample.queue} on ${sample.queueManager}`;
}

function byTime(a: { t: number }, b: { t: number }): number {
  return a.t - b.t;
}

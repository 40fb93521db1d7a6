import type { HostStateSeries } from '../checkers/failover-phases.ts';
import type { ClusterObservation } from '../checkers/cluster-observations.ts';
import type { TrafficRecording } from '../checkers/traffic-log.ts';
import { laneLabelWidthPx } from './chart-config.ts';
import { renderChart } from './chart-embed.ts';
import { channelLanesFigure, earliestObservationMs, queueInstanceDepthFigure, routingFigure, transmitDepthFigure, type ClusterScenarioResult } from './cluster-figures.ts';
import type { LaneFigure, LineFigure } from './chart-figure.ts';
import { earliestSampleMs, instanceLanesFigure } from './instance-lanes-figure.ts';
import { scenarioClock } from './scenario-time-axis.ts';
import { earliestTrafficMs, trafficRateFigure } from './traffic-rate-figure.ts';

/** What a scenario recorded that its charts draw. */
export interface ScenarioChartData {
  series: HostStateSeries[];
  traffic?: TrafficRecording;
  cluster?: ClusterObservation[];
}

/**
 * A scenario's charts on one time axis: the instance states per host; in a cluster scenario
 * the transmit queues, channel status and queue instances, and where each producer group's
 * messages went; with traffic, the put and get rates per persistence class. A chart without
 * data says so in words.
 */
export function renderScenarioCharts(result: ClusterScenarioResult, data: ScenarioChartData): string {
  const cluster = data.cluster ?? [];
  const earliest = [earliestSampleMs(data.series), data.traffic ? earliestTrafficMs(data.traffic) : null, earliestObservationMs(cluster)];
  const known = earliest.filter((ms): ms is number => ms !== null);
  const clock = scenarioClock(result, known.length === 0 ? null : Math.min(...known));
  const lanes = clock ? instanceLanesFigure(data.series, result, clock) : null;
  const transmit = clock ? transmitDepthFigure(cluster, result, clock) : null;
  const channels = clock ? channelLanesFigure(cluster, result, clock) : null;
  const instances = clock ? queueInstanceDepthFigure(cluster, result, clock) : null;
  const rates = clock && data.traffic ? trafficRateFigure(data.traffic, result, clock) : null;
  alignTimeAxes([lanes, transmit, channels, instances, rates].filter((figure): figure is LaneFigure | LineFigure => figure !== null));
  const routing = routingFigure(result);
  const isCluster = data.cluster !== undefined || isClusterResult(result);

  const parts: string[] = [];
  if (lanes || !isCluster) parts.push('<h3>Instance states</h3>', lanes ? renderChart(lanes) : '<p class="no-data">No probe samples were recorded.</p>');
  if (isCluster) {
    parts.push('<h3>Cluster</h3>');
    if (!transmit && !channels && !instances && !routing) parts.push('<p class="no-data">No cluster observations were recorded.</p>');
    for (const figure of [transmit, channels, instances, routing]) if (figure) parts.push(renderChart(figure));
  }
  if (data.traffic) {
    parts.push('<h3>Application traffic</h3>', rates ? renderChart(rates) : '<p class="no-data">The traffic clients logged no put or get.</p>');
  }
  return parts.join('\n');
}

/** A cluster scenario's result: it has transmit-queue, channel or routing figures (a failover's phases do not apply). */
export function isClusterResult(result: ClusterScenarioResult): boolean {
  return result.transmit !== undefined || result.channels !== undefined || result.routing !== undefined;
}

/** One x range for every time chart of a scenario: from the earliest thing any of them shows to the latest. */
export function alignTimeAxes(figures: ReadonlyArray<LaneFigure | LineFigure>): void {
  const instants = figures.flatMap((figure) => [
    ...figure.markers.map((marker) => marker.atSeconds),
    ...(figure.kind === 'lanes'
      ? figure.lanes.flatMap((lane) => lane.runs.flatMap((run) => [run.fromSeconds, run.toSeconds]))
      : figure.series.flatMap((series) => series.points.map(([x]) => x))),
  ]);
  if (instants.length === 0) return;
  const fromSeconds = Math.floor(Math.min(...instants) * 10) / 10;
  const toSeconds = Math.ceil(Math.max(...instants) * 10) / 10;
  const laneLabels = figures.flatMap((figure) => (figure.kind === 'lanes' ? figure.lanes.map((lane) => lane.label) : []));
  const leftAxisPx = Math.max(96, laneLabelWidthPx(laneLabels));
  for (const figure of figures) figure.axis = { ...figure.axis, fromSeconds, toSeconds, leftAxisPx };
}

import type { PersistenceClass, TrafficRecording } from '../checkers/traffic-log.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { chartId } from './chart-embed.ts';
import type { LineFigure, LineSeries, TimeSpan } from './chart-figure.ts';
import { scenarioMarkers, formatRelativeSeconds, type ScenarioClock } from './scenario-time-axis.ts';
import { binTraffic, type TrafficBins } from './traffic-rates.ts';

const CLASS_WORDS: Record<PersistenceClass, string> = { persistent: 'persistent', nonPersistent: 'non-persistent' };
const PUT_COLOURS: Record<PersistenceClass, string> = { persistent: '#0072b2', nonPersistent: '#e69f00' };
const GET_COLOURS: Record<PersistenceClass, string> = { persistent: '#009e73', nonPersistent: '#cc79a7' };
const NOT_CONFIRMED_COLOUR = '#d55e00';
const OUTAGE_COLOUR = 'rgba(198, 40, 40, 0.10)';

/**
 * Put and get rates over time per persistence class, from the traffic logs: confirmed puts
 * and messages got per second, the puts that failed or were left in doubt, and the outage
 * (from the fault to the first put confirmed after it) shaded, so the gap in service is
 * seen as long as it was. Null when the scenario ran no traffic.
 */
export function trafficRateFigure(recording: TrafficRecording, result: ScenarioResult, clock: ScenarioClock): LineFigure | null {
  const bins = binTraffic(recording);
  if (!bins) return null;
  const classes = (['persistent', 'nonPersistent'] as const).filter(
    (name) => sum(bins.putsConfirmed[name]) + sum(bins.gets[name]) > 0 || result.messages?.[name],
  );
  const series: LineSeries[] = [
    ...classes.map((name) => rateSeries(bins, clock, `${CLASS_WORDS[name]} puts confirmed/s`, PUT_COLOURS[name], bins.putsConfirmed[name])),
    ...classes.map((name) => rateSeries(bins, clock, `${CLASS_WORDS[name]} messages got/s`, GET_COLOURS[name], bins.gets[name], [5, 3])),
  ];
  if (sum(bins.putsNotConfirmed) > 0) {
    series.push(rateSeries(bins, clock, 'puts failed or in doubt/s', NOT_CONFIRMED_COLOUR, bins.putsNotConfirmed, [2, 2]));
  }
  const lastSeconds = clock.seconds(bins.startMs + bins.binMs * bins.putsNotConfirmed.length);
  return {
    kind: 'lines',
    id: chartId('traffic', result.scenario),
    title: 'Application traffic: puts and gets per second',
    caption: `Counted from the traffic clients' own logs in ${bins.binMs} ms bins; dashed lines are gets. The shaded stretch is the outage the applications saw: no put confirmed from the fault until the first one after it.`,
    axis: clock.axis,
    yTitle: 'messages per second',
    series,
    markers: scenarioMarkers(result, clock),
    spans: outageSpan(result, clock, lastSeconds),
  };
}

function rateSeries(bins: TrafficBins, clock: ScenarioClock, label: string, colour: string, counts: readonly number[], dash?: number[]): LineSeries {
  const perSecond = 1000 / bins.binMs;
  return {
    label,
    colour,
    points: counts.map((count, index) => [clock.seconds(bins.startMs + (index + 0.5) * bins.binMs), round1(count * perSecond)]),
    ...(dash ? { dash } : {}),
  };
}

function outageSpan(result: ScenarioResult, clock: ScenarioClock, lastSeconds: number): TimeSpan[] {
  const { faultAt, serviceRestoredAt, serviceRestoredSeconds } = result.failover;
  if (faultAt === null || serviceRestoredAt === undefined) return [];
  const fromSeconds = clock.seconds(Date.parse(faultAt));
  if (serviceRestoredAt === null) {
    return [{ label: 'no put confirmed after the fault', fromSeconds, toSeconds: Math.max(lastSeconds, fromSeconds), colour: OUTAGE_COLOUR }];
  }
  const toSeconds = clock.seconds(Date.parse(serviceRestoredAt));
  const seconds = serviceRestoredSeconds ?? toSeconds - fromSeconds;
  return [{ label: `no put confirmed for ${seconds.toFixed(1)} s (to ${formatRelativeSeconds(toSeconds)} s)`, fromSeconds, toSeconds, colour: OUTAGE_COLOUR }];
}

/** The earliest put or get in the logs, for a scenario clock without a fault. */
export function earliestTrafficMs(recording: TrafficRecording): number | null {
  return binTraffic(recording)?.startMs ?? null;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

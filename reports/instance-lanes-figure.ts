import type { HostStateSeries, InstanceState } from '../checkers/failover-phases.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { chartId } from './chart-embed.ts';
import type { LaneFigure } from './chart-figure.ts';
import { scenarioMarkers, type ScenarioClock } from './scenario-time-axis.ts';

/** Lane colours: green serves, blue waits, amber starts, grey is elsewhere, red has ended, dark grey is unreachable. */
export const STATE_COLOURS: Record<InstanceState, string> = {
  active: '#2e7d32',
  standby: '#1e88e5',
  starting: '#f9a825',
  elsewhere: '#b0bec5',
  ended: '#c62828',
  unreachable: '#616161',
};

export const STATE_LABELS: Record<InstanceState, string> = {
  active: 'active (Running)',
  standby: 'standby',
  starting: 'starting',
  elsewhere: 'running elsewhere',
  ended: 'ended / ending',
  unreachable: 'host unreachable',
};

/** One lane per host coloured by the state its instance reported, with the fault and failover phases marked. Null when nothing was sampled. */
export function instanceLanesFigure(series: readonly HostStateSeries[], result: ScenarioResult, clock: ScenarioClock): LaneFigure | null {
  if (series.every((lane) => lane.runs.length === 0)) return null;
  return {
    kind: 'lanes',
    id: chartId('instances', result.scenario),
    title: `Instance states of ${result.queueManager} per host`,
    caption: `What dspmq -x reported on each host, sampled every ${result.failover.probeIntervalMs} ms; a state is drawn until the next sample.`,
    axis: clock.axis,
    lanes: series.map((lane) => ({
      label: lane.host,
      runs: lane.runs.map((run) => ({ state: run.state, fromSeconds: clock.seconds(run.fromMs), toSeconds: clock.seconds(run.toMs) })),
    })),
    states: (Object.keys(STATE_LABELS) as InstanceState[]).map((state) => ({ state, label: STATE_LABELS[state], colour: STATE_COLOURS[state] })),
    markers: scenarioMarkers(result, clock),
  };
}

/** The earliest sampled instant of any lane, for a scenario clock without a fault. */
export function earliestSampleMs(series: readonly HostStateSeries[]): number | null {
  const starts = series.flatMap((lane) => lane.runs.map((run) => run.fromMs));
  return starts.length === 0 ? null : Math.min(...starts);
}

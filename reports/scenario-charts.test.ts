import { describe, expect, it } from 'vitest';
import { instanceStateSeries } from '../checkers/failover-phases.ts';
import { atMs, event, recordingOf, saneKillFailover, steadyBefore } from '../test/support/recording-fixtures.ts';
import type { ScenarioResult } from '../checkers/result-document.ts';
import type { TrafficRecording } from '../checkers/traffic-log.ts';
import { chartPayload } from './chart-config.ts';
import { instanceLanesFigure } from './instance-lanes-figure.ts';
import { fixtureResult } from '../test/support/run-fixtures.ts';
import { renderScenarioCharts } from './scenario-charts.ts';
import { scenarioClock } from './scenario-time-axis.ts';
import { trafficRateFigure } from './traffic-rate-figure.ts';

const killActive = (): ScenarioResult => fixtureResult().scenarios[0]!;
const series = instanceStateSeries(recordingOf(saneKillFailover()).samples);

/** 200 persistent puts a second until the fault at 4.2 s, nothing confirmed until 7 s, then again. */
function trafficAroundTheFault(): TrafficRecording {
  const lines: TrafficRecording['clients'][number]['lines'] = [];
  let seq = 1;
  for (let ms = 0; ms < 9000; ms += 100) {
    if (ms >= 4200 && ms < 7000) continue;
    lines.push({ k: 'p', s: seq, n: 20, a: 0, o: 'c', t: atMs(ms / 1000), e: atMs(ms / 1000), u: atMs((ms + 90) / 1000) });
    seq += 20;
  }
  return { clients: [{ header: { k: 'producer', id: 'p1', queue: 'Q', persistence: 'persistent', syncpoint: 0, sliceMs: 100, t: atMs(0) }, lines }] };
}

describe('instanceLanesFigure', () => {
  const result = killActive();
  const figure = instanceLanesFigure(series, result, scenarioClock(result, null)!)!;

  it('instanceLanesFigure - one lane per host, its states in seconds since the fault', () => {
    expect(figure.lanes.map((lane) => lane.label)).toEqual(['mq1', 'mq2']);
    expect(figure.lanes[0]!.runs[0]).toEqual({ state: 'active', fromSeconds: -4.2, toSeconds: 0.8 });
    expect(figure.lanes[1]!.runs.at(-1)).toEqual({ state: 'active', fromSeconds: 2.3, toSeconds: 3.3 });
  });

  it('instanceLanesFigure - marks the fault and both failover phases', () => {
    expect(figure.markers.map((marker) => [marker.label, marker.atSeconds])).toEqual([
      ['fault 0 s', 0],
      ['old instance ended +0.8 s', 0.8],
      ['mq2 active +2.3 s', 2.3],
    ]);
  });

  it('instanceLanesFigure - the chart configuration draws each state as floating bars in its lane', () => {
    const config = chartPayload(figure).config as { data: { labels: string[]; datasets: Array<{ label: string; data: Array<{ y: string; x: number[] }> }> } };
    expect(config.data.labels).toEqual(['mq1', 'mq2']);
    const active = config.data.datasets.find((dataset) => dataset.label === 'active (Running)')!;
    expect(active.data).toContainEqual({ y: 'mq1', x: [-4.2, 0.8] });
  });

  it('instanceLanesFigure - nothing sampled, no figure', () => {
    expect(instanceLanesFigure([], result, scenarioClock(result, null)!)).toBeNull();
  });
});

describe('trafficRateFigure', () => {
  const result: ScenarioResult = {
    ...killActive(),
    failover: { ...killActive().failover, serviceRestoredAt: new Date(atMs(7)).toISOString(), serviceRestoredSeconds: 2.8 },
    events: [...killActive().events, event(8, 'fault-restored', 'strmqm -x QM1 on mq1')],
  };
  const figure = trafficRateFigure(trafficAroundTheFault(), result, scenarioClock(result, null)!)!;

  it('trafficRateFigure - confirmed puts per second, zero through the outage', () => {
    const puts = figure.series.find((s) => s.label === 'persistent puts confirmed/s')!;
    const during = puts.points.filter(([x]) => x > 0.2 && x < 2.7);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every(([, rate]) => rate === 0)).toBe(true);
    expect(puts.points.filter(([x]) => x < -0.2).every(([, rate]) => rate === 200)).toBe(true);
  });

  it('trafficRateFigure - the outage is shaded from the fault to the first put after it', () => {
    expect(figure.spans).toEqual([{ label: 'no put confirmed for 2.8 s (to +2.8 s)', fromSeconds: 0, toSeconds: 2.8, colour: expect.any(String) }]);
  });

  it('trafficRateFigure - the first put after the fault and the restore are marked', () => {
    expect(figure.markers.map((m) => m.label)).toEqual(expect.arrayContaining(['first put after the fault +2.8 s', 'fault restored +3.8 s']));
  });

  it('trafficRateFigure - a service that never came back is shaded to the end of the traffic', () => {
    const never = { ...result, failover: { ...result.failover, serviceRestoredAt: null, serviceRestoredSeconds: null } };
    const span = trafficRateFigure(trafficAroundTheFault(), never, scenarioClock(never, null)!)!.spans[0]!;
    expect(span.label).toBe('no put confirmed after the fault');
    expect(span.toSeconds).toBeGreaterThan(4.5);
  });
});

describe('renderScenarioCharts', () => {
  it('renderScenarioCharts - the instance and traffic charts share one x range', () => {
    const html = renderScenarioCharts(killActive(), { series, traffic: trafficAroundTheFault() });
    const ranges = [...html.matchAll(/<script type="application\/json" id="[^"]+">([^<]*)<\/script>/g)].map((match) => {
      const x = JSON.parse(match[1]!).config.options.scales.x;
      return [x.min, x.max];
    });
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toEqual(ranges[1]);
    expect(ranges[0]![0]).toBeLessThanOrEqual(-4.2);
  });

  it('renderScenarioCharts - without samples or traffic it says so', () => {
    const result = fixtureResult([recordingOf(steadyBefore(2), { scenario: 'kill-active' })]).scenarios[0]!;
    expect(renderScenarioCharts({ ...result, failover: { ...result.failover, faultAt: null } }, { series: [] })).toContain('No probe samples were recorded.');
  });
});

import { describe, expect, it } from 'vitest';
import { clusterObservations, clusterScenarioResult } from '../test/support/cluster-run-fixtures.ts';
import { chartPayload } from './chart-config.ts';
import { channelLanesFigure, queueInstanceDepthFigure, routingFigure, transmitDepthFigure } from './cluster-figures.ts';
import { renderScenarioCharts } from './scenario-charts.ts';
import { scenarioClock } from './scenario-time-axis.ts';

const result = clusterScenarioResult();
const clock = scenarioClock(result, null)!;
const observations = clusterObservations();

describe('transmitDepthFigure', () => {
  const figure = transmitDepthFigure(observations, result, clock)!;

  it('transmitDepthFigure - one stepped line per sending queue manager, depth as sampled', () => {
    expect(figure.series.map((series) => [series.label, series.stepped])).toEqual([['QM1', true], ['QM4', true]]);
    const qm1 = figure.series[0]!.points;
    expect(qm1).toHaveLength(26);
    expect(qm1.find(([x]) => x === 12)).toEqual([12, 240]);
    expect(Math.max(...qm1.map(([, depth]) => depth ?? 0))).toBe(result.transmit!.QM1!.peakDepth);
  });

  it('transmitDepthFigure - the fault and the recovery are marked', () => {
    expect(figure.markers.map((marker) => [marker.label, marker.atSeconds])).toEqual([['fault 0 s', 0], ['fault restored +12 s', 12]]);
  });

  it('transmitDepthFigure - the caption gives each sender\'s peak', () => {
    expect(figure.caption).toContain('QM1 peaked at 240; QM4 peaked at 120.');
  });

  it('transmitDepthFigure - a sample that could not be read is a gap, not a zero', () => {
    const unread = transmitDepthFigure([{ k: 'xmitq', t: clock.originMs, sender: 'QM1', ok: false, error: 'timeout' }], result, clock)!;
    expect(unread.series[0]!.points).toEqual([[0, null]]);
  });

  it('transmitDepthFigure - nothing sampled, no figure', () => {
    expect(transmitDepthFigure([], result, clock)).toBeNull();
  });
});

describe('channelLanesFigure', () => {
  const figure = channelLanesFigure(observations, result, clock)!;

  it('channelLanesFigure - one lane per sender and channel', () => {
    expect(figure.lanes.map((lane) => lane.label)).toEqual(['QM1 \u2192 CLUS.TO.QM2', 'QM1 \u2192 CLUS.TO.QM3', 'QM4 \u2192 CLUS.TO.QM2', 'QM4 \u2192 CLUS.TO.QM3']);
  });

  it('channelLanesFigure - the channel to the stopped member retries, starts, then runs again', () => {
    const toQm3 = figure.lanes[1]!.runs.map((run) => [run.state, run.fromSeconds, run.toSeconds]);
    expect(toQm3).toEqual([
      ['RUNNING', -4.92, 1.08],
      ['RETRYING', 1.08, 12.08],
      ['STARTING', 12.08, 13.08],
      ['RUNNING', 13.08, 20.08],
    ]);
  });

  it('channelLanesFigure - a status that could not be read has a state of its own', () => {
    const unread = channelLanesFigure([{ k: 'chstatus', t: clock.originMs, sender: 'QM1', channel: 'C', ok: false, error: 'x' }], result, clock)!;
    expect(unread.lanes[0]!.runs[0]!.state).toBe('unreachable');
  });
});

describe('queueInstanceDepthFigure', () => {
  it('queueInstanceDepthFigure - one line per instance; the stopped member is a gap while it is down', () => {
    const figure = queueInstanceDepthFigure(observations, result, clock)!;
    expect(figure.series.map((series) => series.label)).toEqual(['APP.CLUSTER.Q on QM2', 'APP.CLUSTER.Q on QM3']);
    const qm3 = figure.series[1]!.points;
    expect(qm3.filter(([x]) => x >= 0 && x < 12).every(([, depth]) => depth === null)).toBe(true);
    expect(qm3.find(([x]) => x > 13 && x < 14)![1]).toBe(40);
  });
});

describe('routingFigure', () => {
  const figure = routingFigure(result)!;

  it('routingFigure - one bar per producer group, named with its binding, split by queue manager', () => {
    expect(figure.categories).toEqual(['orders-bound (bind-on-open)', 'orders-balanced (bind-not-fixed)', 'orders-to-qm3 (fully qualified)']);
    expect(figure.stacks.map((stack) => [stack.label, stack.values])).toEqual([
      ['QM2', [510, 760, 0]],
      ['QM3', [490, 240, 1000]],
    ]);
  });

  it('routingFigure - the chart configuration stacks the queue managers', () => {
    const config = chartPayload(figure).config as { options: { scales: { x: { stacked: boolean } } } };
    expect(config.options.scales.x.stacked).toBe(true);
  });

  it('routingFigure - without routing, no figure', () => {
    expect(routingFigure({ ...result, routing: {} })).toBeNull();
  });
});

describe('renderScenarioCharts - cluster', () => {
  const html = renderScenarioCharts(result, { series: [], cluster: observations });

  it('renderScenarioCharts - a cluster scenario draws its four cluster figures and no empty instance chart', () => {
    const ids = [...html.matchAll(/<canvas id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['transmit-stop-qm3-bind-comparison', 'channels-stop-qm3-bind-comparison', 'queue-instances-stop-qm3-bind-comparison', 'routing-stop-qm3-bind-comparison']);
    expect(html).not.toContain('No probe samples were recorded.');
  });

  it('renderScenarioCharts - a cluster scenario without observations says so', () => {
    expect(renderScenarioCharts({ ...result, routing: undefined }, { series: [], cluster: [] })).toContain('No cluster observations were recorded.');
  });
});

import { describe, expect, it } from 'vitest';
import { instanceStateSeries, measureFailover } from '../checkers/failover-phases.ts';
import { recordingOf, saneKillFailover, steadyBefore, unreachable } from '../test/support/recording-fixtures.ts';
import { formatRelativeSeconds, renderTimelineSvg, tickSeconds } from './timeline-svg.ts';
import { findXmlProblems } from '../test/support/well-formed-xml.ts';

describe('renderTimelineSvg', () => {
  const recording = recordingOf(saneKillFailover());
  const svg = renderTimelineSvg(instanceStateSeries(recording.samples), measureFailover(recording), 'scenario-kill')!;

  it('renderTimelineSvg - nothing sampled draws no chart', () => {
    expect(renderTimelineSvg([], measureFailover(recordingOf([])))).toBeNull();
  });

  it('renderTimelineSvg - is well-formed SVG', () => {
    expect(findXmlProblems(svg)).toEqual([]);
  });

  it('renderTimelineSvg - draws one lane per host coloured by state', () => {
    expect(svg).toContain('>mq1</text>');
    expect(svg).toContain('>mq2</text>');
    expect(svg).toContain('<title>mq1: active (Running), \u22124.2 s to +0.8 s</title>');
    expect(svg).toContain('<title>mq2: active (Running), +2.3 s to +3.3 s</title>');
  });

  it('renderTimelineSvg - marks the fault and both failover phases relative to the fault', () => {
    expect(svg).toContain('>fault 0 s</text>');
    expect(svg).toContain('>old instance ended +0.8 s</text>');
    expect(svg).toContain('>mq2 active +2.3 s</text>');
    expect(svg).toContain('seconds since the fault');
  });

  it('renderTimelineSvg - an unreachable host is hatched with a pattern unique to the chart', () => {
    const withGap = recordingOf([...steadyBefore(4), unreachable(5, 'mq1')]);
    const hatched = renderTimelineSvg(instanceStateSeries(withGap.samples), measureFailover(withGap), 'scenario-a')!;
    expect(hatched).toContain('<pattern id="scenario-a-unreachable"');
    expect(hatched).toContain('fill="url(#scenario-a-unreachable)"');
  });
});

describe('timeline axis', () => {
  it.each([
    { name: 'a span of seven and a half seconds ticks every second', from: -4.2, to: 3.3, ticks: [-4, -3, -2, -1, 0, 1, 2, 3] },
    { name: 'a minute ticks every ten seconds', from: 0, to: 60, ticks: [0, 10, 20, 30, 40, 50, 60] },
    { name: 'a short span ticks in fractions', from: 0, to: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
  ])('tickSeconds - $name', ({ from, to, ticks }) => {
    expect(tickSeconds(from, to)).toEqual(ticks);
  });

  it('formatRelativeSeconds - signs and tenths', () => {
    expect([-4.2, 0, 0.04, 2.3, 10].map(formatRelativeSeconds)).toEqual(['\u22124.2', '0', '0', '+2.3', '+10']);
  });
});

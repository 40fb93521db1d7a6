import type { HostStateSeries, InstanceState } from '../checkers/failover-phases.ts';
import type { FailoverMeasurement } from '../checkers/result-document.ts';
import { escapeMarkup } from './markup-escape.ts';

/** Lane colours: green serves, blue waits, amber starts, grey is elsewhere, red has ended; unreachable is hatched. */
export const STATE_COLOURS: Record<InstanceState, string> = {
  active: '#2e7d32',
  standby: '#1e88e5',
  starting: '#f9a825',
  elsewhere: '#b0bec5',
  ended: '#c62828',
  unreachable: '#757575',
};

export const STATE_LABELS: Record<InstanceState, string> = {
  active: 'active (Running)',
  standby: 'standby',
  starting: 'starting',
  elsewhere: 'running elsewhere',
  ended: 'ended / ending',
  unreachable: 'host unreachable',
};

const WIDTH_PX = 960;
const LABEL_WIDTH_PX = 96;
const RIGHT_PAD_PX = 24;
const MARKER_ROW_PX = 15;
const LANE_HEIGHT_PX = 26;
const LANE_GAP_PX = 8;
const AXIS_HEIGHT_PX = 40;
const MIN_RUN_WIDTH_PX = 3;

interface Marker {
  label: string;
  atMs: number;
  colour: string;
  dash: string;
}

/**
 * One lane per host coloured by its instance state, with the fault and the failover phases
 * as vertical markers, on an axis of seconds relative to the fault. Null when nothing was sampled.
 */
export function renderTimelineSvg(
  series: readonly HostStateSeries[],
  failover: FailoverMeasurement,
  chartId = 'timeline',
): string | null {
  const hatchId = `${chartId}-unreachable`;
  const fillOf = (state: InstanceState) => (state === 'unreachable' ? `url(#${hatchId})` : STATE_COLOURS[state]);
  const runs = series.flatMap((lane) => lane.runs);
  if (runs.length === 0) return null;
  const markers = markersOf(failover);
  const instants = [...runs.flatMap((run) => [run.fromMs, run.toMs]), ...markers.map((marker) => marker.atMs)];
  const startMs = instants.reduce((a, b) => Math.min(a, b));
  const endMs = Math.max(instants.reduce((a, b) => Math.max(a, b)), startMs + 1000);
  const originMs = markers[0]?.label === 'fault' ? markers[0].atMs : startMs;
  const plotWidthPx = WIDTH_PX - LABEL_WIDTH_PX - RIGHT_PAD_PX;
  const xOf = (ms: number) => LABEL_WIDTH_PX + ((ms - startMs) / (endMs - startMs)) * plotWidthPx;
  const topPx = markers.length * MARKER_ROW_PX + 6;
  const lanesBottomPx = topPx + series.length * (LANE_HEIGHT_PX + LANE_GAP_PX);
  const heightPx = lanesBottomPx + AXIS_HEIGHT_PX;
  const relative = (ms: number) => formatRelativeSeconds((ms - originMs) / 1000);

  const lanes = series.map((lane, index) => {
    const yPx = topPx + index * (LANE_HEIGHT_PX + LANE_GAP_PX) + LANE_GAP_PX / 2;
    const rects = lane.runs.map((run) => {
      const widthPx = Math.max(xOf(run.toMs) - xOf(run.fromMs), MIN_RUN_WIDTH_PX);
      const title = `${lane.host}: ${STATE_LABELS[run.state]}, ${relative(run.fromMs)} s to ${relative(run.toMs)} s`;
      return `<rect x="${px(xOf(run.fromMs))}" y="${px(yPx)}" width="${px(widthPx)}" height="${LANE_HEIGHT_PX}" fill="${fillOf(run.state)}"><title>${escapeMarkup(title)}</title></rect>`;
    });
    const label = `<text x="${LABEL_WIDTH_PX - 10}" y="${px(yPx + LANE_HEIGHT_PX / 2 + 5)}" text-anchor="end" class="lane-label">${escapeMarkup(lane.host)}</text>`;
    return [label, ...rects].join('');
  });

  const markerMarks = markers.map((marker, row) => {
    const x = px(xOf(marker.atMs));
    const labelY = (row + 1) * MARKER_ROW_PX - 3;
    const anchor = xOf(marker.atMs) > WIDTH_PX - 180 ? 'end' : 'start';
    const dx = anchor === 'end' ? -4 : 4;
    return (
      `<line x1="${x}" y1="${labelY - 9}" x2="${x}" y2="${px(lanesBottomPx)}" stroke="${marker.colour}" stroke-width="2" stroke-dasharray="${marker.dash}"/>` +
      `<text x="${px(xOf(marker.atMs) + dx)}" y="${labelY}" text-anchor="${anchor}" fill="${marker.colour}" class="marker-label">${escapeMarkup(`${marker.label} ${relative(marker.atMs)} s`)}</text>`
    );
  });

  const ticks = tickSeconds((startMs - originMs) / 1000, (endMs - originMs) / 1000).map((second) => {
    const x = px(xOf(originMs + second * 1000));
    return (
      `<line x1="${x}" y1="${px(topPx)}" x2="${x}" y2="${px(lanesBottomPx + 4)}" class="grid"/>` +
      `<text x="${x}" y="${px(lanesBottomPx + 18)}" text-anchor="middle" class="tick">${escapeMarkup(formatRelativeSeconds(second))}</text>`
    );
  });
  const axisTitle = originMs === startMs && markers[0]?.label !== 'fault' ? 'seconds since the first sample' : 'seconds since the fault';
  const hosts = series.map((lane) => lane.host).join(', ');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH_PX} ${heightPx}" width="100%" role="img" aria-label="${escapeMarkup(`Instance states of ${hosts} over time`)}">`,
    `<defs><pattern id="${escapeMarkup(hatchId)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="#e0e0e0"/><line x1="0" y1="0" x2="0" y2="6" stroke="${STATE_COLOURS.unreachable}" stroke-width="2.5"/></pattern></defs>`,
    ...ticks,
    ...lanes,
    ...markerMarks,
    `<line x1="${LABEL_WIDTH_PX}" y1="${px(lanesBottomPx + 4)}" x2="${WIDTH_PX - RIGHT_PAD_PX}" y2="${px(lanesBottomPx + 4)}" class="axis"/>`,
    `<text x="${LABEL_WIDTH_PX + plotWidthPx / 2}" y="${px(heightPx - 4)}" text-anchor="middle" class="axis-title">${axisTitle}</text>`,
    '</svg>',
  ].join('\n');
}

function markersOf(failover: FailoverMeasurement): Marker[] {
  const candidates: Array<[string, string | null, string, string]> = [
    ['fault', failover.faultAt, '#b71c1c', '6 3'],
    ['old instance ended', failover.oldInstanceEndedAt, '#ef6c00', '2 3'],
    [`${failover.newActiveHost ?? 'new instance'} active`, failover.newInstanceActiveAt, '#1b5e20', '0'],
  ];
  return candidates
    .filter(([, at]) => at !== null)
    .map(([label, at, colour, dash]) => ({ label, atMs: Date.parse(at!), colour, dash }));
}

/** Round tick positions (1, 2 or 5 times a power of ten seconds), about eight across the range. */
export function tickSeconds(fromSeconds: number, toSeconds: number): number[] {
  const span = Math.max(toSeconds - fromSeconds, 0.001);
  const rough = span / 8;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(fromSeconds / step) * step; tick <= toSeconds + step / 1e6; tick += step) {
    ticks.push(Number(tick.toFixed(6)));
  }
  return ticks;
}

export function formatRelativeSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(Number.isInteger(rounded) ? 0 : 1);
  return rounded > 0 ? `+${text}` : `\u2212${text}`;
}

function px(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

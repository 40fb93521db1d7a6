import type { BarFigure, ChartFigure, LaneFigure, LineFigure, TimeAxis, TimeMarker, TimeSpan, TrendFigure } from './chart-figure.ts';

/**
 * Chart.js configurations for the report's figures: plain JSON (the page's boot script adds
 * the few formatting callbacks), so what a chart will draw can be tested without a browser.
 * Animations are off: a report is read, and screenshots must show the final picture.
 */
export interface ChartPayload {
  /** How the boot script formats the x axis: seconds relative to an origin, or plain values. */
  xFormat: 'relative-seconds' | 'plain';
  /** Lane charts show "from … to …" in their tooltips. */
  lanes: boolean;
  /** Pixel height of the chart's box. */
  heightPx: number;
  /** Fixed width of the left axis (time charts), so charts of a scenario line up. */
  leftAxisPx?: number;
  config: Record<string, unknown>;
}

const LINE_HEIGHT_PX = 300;
const LANE_HEIGHT_PX = 34;
const LANE_CHROME_PX = 96;
const BAR_HEIGHT_PX = 40;
const BAR_CHROME_PX = 110;
const DEFAULT_LEFT_AXIS_PX = 96;
const TREND_HEIGHT_PX = 240;
const REGRESSION_COLOUR = '#c62828';

/** Room for the longest lane label in the axis font (bold 12 px: at most about 8.5 px a character). */
export function laneLabelWidthPx(labels: readonly string[]): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => label.length)) * 8.5) + 24;
}

export function chartPayload(figure: ChartFigure): ChartPayload {
  switch (figure.kind) {
    case 'lines':
      return {
        xFormat: 'relative-seconds',
        lanes: false,
        heightPx: LINE_HEIGHT_PX + markerBandPx(figure.markers),
        leftAxisPx: figure.axis.leftAxisPx ?? DEFAULT_LEFT_AXIS_PX,
        config: lineConfig(figure),
      };
    case 'lanes':
      return {
        xFormat: 'relative-seconds',
        lanes: true,
        heightPx: LANE_CHROME_PX + markerBandPx(figure.markers) + figure.lanes.length * LANE_HEIGHT_PX,
        leftAxisPx: figure.axis.leftAxisPx ?? Math.max(DEFAULT_LEFT_AXIS_PX, laneLabelWidthPx(figure.lanes.map((lane) => lane.label))),
        config: laneConfig(figure),
      };
    case 'trend':
      return { xFormat: 'plain', lanes: false, heightPx: TREND_HEIGHT_PX, config: trendConfig(figure) };
    case 'bars':
      return { xFormat: 'plain', lanes: false, heightPx: BAR_CHROME_PX + figure.categories.length * BAR_HEIGHT_PX, config: barConfig(figure) };
  }
}

function lineConfig(figure: LineFigure): Record<string, unknown> {
  return {
    type: 'line',
    data: {
      datasets: figure.series.map((series) => ({
        label: series.label,
        data: series.points.map(([x, y]) => ({ x, y })),
        borderColor: series.colour,
        backgroundColor: series.colour,
        borderWidth: 2,
        pointRadius: 0,
        pointHitRadius: 6,
        spanGaps: false,
        stepped: series.stepped ? 'before' : false,
        ...(series.dash ? { borderDash: series.dash } : {}),
      })),
    },
    options: {
      ...commonOptions(),
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: timeScale(figure.axis),
        y: { beginAtZero: true, title: { display: true, text: figure.yTitle }, ticks: { precision: 0 } },
      },
      layout: { padding: { top: markerBandPx(figure.markers) } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2 } },
        annotation: { clip: false, annotations: annotationsOf(figure.markers, figure.spans) },
      },
    },
  };
}

function laneConfig(figure: LaneFigure): Record<string, unknown> {
  const present = figure.states.filter(({ state }) => figure.lanes.some((lane) => lane.runs.some((run) => run.state === state)));
  const instants = figure.lanes.flatMap((lane) => lane.runs.flatMap((run) => [run.fromSeconds, run.toSeconds]));
  const extent = instants.length > 0 ? { fromSeconds: Math.min(...instants), toSeconds: Math.max(...instants) } : {};
  return {
    type: 'bar',
    data: {
      labels: figure.lanes.map((lane) => lane.label),
      datasets: present.map(({ state, label, colour }) => ({
        label,
        data: figure.lanes.flatMap((lane) =>
          lane.runs.filter((run) => run.state === state).map((run) => ({ y: lane.label, x: [run.fromSeconds, run.toSeconds] })),
        ),
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: 0,
        borderSkipped: false,
        grouped: false,
        barPercentage: 0.7,
        categoryPercentage: 1,
        minBarLength: 2,
      })),
    },
    options: {
      ...commonOptions(),
      indexAxis: 'y',
      scales: {
        x: timeScale({ ...extent, ...figure.axis }),
        y: { type: 'category', grid: { display: false }, ticks: { font: { weight: 'bold' } } },
      },
      layout: { padding: { top: markerBandPx(figure.markers) } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14 } },
        annotation: { clip: false, annotations: annotationsOf(figure.markers, []) },
      },
    },
  };
}

function barConfig(figure: BarFigure): Record<string, unknown> {
  return {
    type: 'bar',
    data: {
      labels: figure.categories,
      datasets: figure.stacks.map((stack) => ({
        label: stack.label,
        data: stack.values,
        backgroundColor: stack.colour,
        borderColor: '#ffffff',
        borderWidth: 1,
        barPercentage: 0.7,
      })),
    },
    options: {
      ...commonOptions(),
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: figure.valueTitle }, ticks: { precision: 0 } },
        y: { stacked: true, grid: { display: false }, ticks: { font: { weight: 'bold' } } },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
    },
  };
}

function trendConfig(figure: TrendFigure): Record<string, unknown> {
  return {
    type: 'line',
    data: {
      labels: figure.runs,
      datasets: figure.series.map((series) => ({
        label: series.label,
        data: series.values,
        borderColor: series.colour,
        backgroundColor: series.colour,
        borderWidth: 2,
        spanGaps: true,
        pointRadius: series.flagged.map((flagged) => (flagged ? 7 : 3)),
        pointStyle: series.flagged.map((flagged) => (flagged ? 'triangle' : 'circle')),
        pointBackgroundColor: series.flagged.map((flagged) => (flagged ? REGRESSION_COLOUR : series.colour)),
        pointBorderColor: series.flagged.map((flagged) => (flagged ? REGRESSION_COLOUR : series.colour)),
      })),
    },
    options: {
      ...commonOptions(),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'category', grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true } },
        y: { beginAtZero: true, title: { display: true, text: figure.yTitle } },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2 } } },
    },
  };
}

function commonOptions(): Record<string, unknown> {
  return { animation: false, responsive: true, maintainAspectRatio: false };
}

function timeScale(axis: TimeAxis): Record<string, unknown> {
  return {
    type: 'linear',
    title: { display: true, text: `seconds since ${axis.originLabel}` },
    grid: { color: '#eef2f6' },
    ticks: { includeBounds: false },
    ...(axis.fromSeconds === undefined ? {} : { min: axis.fromSeconds }),
    ...(axis.toSeconds === undefined ? {} : { max: axis.toSeconds }),
  };
}

const MARKER_ROW_PX = 20;

/** The band above the plot where the marker labels stand, one row each, so close markers stay legible. */
function markerBandPx(markers: readonly TimeMarker[]): number {
  return markers.length * MARKER_ROW_PX + 4;
}

/** Markers as vertical lines; their labels in the band above the plot, the earliest on top. */
function annotationsOf(markers: readonly TimeMarker[], spans: readonly TimeSpan[]): Record<string, unknown> {
  const annotations: Record<string, unknown> = {};
  spans.forEach((span, index) => {
    annotations[`span${index}`] = {
      type: 'box',
      xMin: span.fromSeconds,
      xMax: span.toSeconds,
      backgroundColor: span.colour,
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: span.label, position: { x: 'center', y: 'end' }, color: '#7a1f1f', font: { size: 11, weight: 'bold' } },
    };
  });
  markers.forEach((marker, index) => {
    annotations[`marker${index}`] = {
      type: 'line',
      scaleID: 'x',
      value: marker.atSeconds,
      borderColor: marker.colour,
      borderWidth: 2,
      ...(marker.dash ? { borderDash: marker.dash } : {}),
      label: {
        display: true,
        content: marker.label,
        position: 'start',
        yAdjust: -(markers.length - index) * MARKER_ROW_PX + 6,
        backgroundColor: marker.colour,
        color: '#ffffff',
        font: { size: 11, weight: 'bold' },
        padding: { x: 5, y: 2 },
      },
    };
  });
  return annotations;
}

/**
 * What a report chart shows, independent of the charting library that draws it: the figure
 * builders (traffic rates, instance and channel lanes, transmit-queue depth, routing) make
 * these, `chart-config.ts` turns them into the library's configuration. Times on a figure's
 * x axis are seconds relative to its origin (the fault when there was one), so every chart of
 * a scenario lines up with the others.
 */

/** A vertical line at an instant: the fault, a failover phase, the restore. */
export interface TimeMarker {
  label: string;
  atSeconds: number;
  colour: string;
  /** Dash pattern in pixels; solid when absent. */
  dash?: number[];
}

/** A shaded stretch of time, e.g. "no put confirmed" from the fault to the first put after it. */
export interface TimeSpan {
  label: string;
  fromSeconds: number;
  toSeconds: number;
  colour: string;
}

export interface LineSeries {
  label: string;
  colour: string;
  /** [seconds, value]; a null value is a gap in the line (nothing was measured then). */
  points: Array<[number, number | null]>;
  dash?: number[];
  /** Values hold until the next point (depths, sampled states), rather than being joined by slopes. */
  stepped?: boolean;
}

interface FigureBase {
  /** Unique within the page; the canvas id. */
  id: string;
  title: string;
  /** One sentence under the chart: how to read it. */
  caption?: string;
}

export interface TimeAxis {
  /** What zero is: "the fault" or "the first sample". */
  originLabel: string;
  /** The origin as an ISO instant, for tooltips and the caption. */
  originAt: string | null;
  /** The stretch shown, so charts of one scenario line up; the data's own extent when absent. */
  fromSeconds?: number;
  toSeconds?: number;
  /** Width of the left axis, the same on every chart of a scenario so their plots line up. */
  leftAxisPx?: number;
}

/** Values over time: rates, depths. */
export interface LineFigure extends FigureBase {
  kind: 'lines';
  axis: TimeAxis;
  yTitle: string;
  series: LineSeries[];
  markers: TimeMarker[];
  spans: TimeSpan[];
}

export interface LaneRun {
  state: string;
  fromSeconds: number;
  toSeconds: number;
}

/** One horizontal lane per subject (a host, a channel), coloured by its state over time. */
export interface LaneFigure extends FigureBase {
  kind: 'lanes';
  axis: TimeAxis;
  lanes: Array<{ label: string; runs: LaneRun[] }>;
  /** Every state a run may have, in legend order, with its colour and words. */
  states: Array<{ state: string; label: string; colour: string }>;
  markers: TimeMarker[];
}

/** Counts per category, stacked: where each producer group's messages were delivered. */
export interface BarFigure extends FigureBase {
  kind: 'bars';
  categories: string[];
  valueTitle: string;
  stacks: Array<{ label: string; colour: string; values: number[] }>;
}

/** Figures across runs, oldest first; a flagged point regressed against the runs before it. */
export interface TrendFigure extends FigureBase {
  kind: 'trend';
  /** One label per run. */
  runs: string[];
  yTitle: string;
  series: Array<{ label: string; colour: string; values: Array<number | null>; flagged: boolean[] }>;
}

export type ChartFigure = LineFigure | LaneFigure | BarFigure | TrendFigure;

/** A qualitative palette that stays readable for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

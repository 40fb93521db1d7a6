import { chartPayload } from './chart-config.ts';
import type { ChartFigure } from './chart-figure.ts';
import { escapeMarkup as esc } from './markup-escape.ts';

/**
 * A figure in the page: its title, a canvas the boot script (chart-library.ts) draws on, the
 * chart's data as a JSON island beside it, and the caption. The data island is also what a
 * reader (or a test) can take the plotted numbers from.
 */
export function renderChart(figure: ChartFigure): string {
  const payload = chartPayload(figure);
  return [
    `<figure class="chart" data-kind="${esc(figure.kind)}">`,
    `<figcaption class="chart-title">${esc(figure.title)}</figcaption>`,
    `<div class="chart-box" style="height:${payload.heightPx}px"><canvas id="${esc(figure.id)}" data-chart role="img" aria-label="${esc(figure.title)}"></canvas></div>`,
    `<script type="application/json" id="${esc(figure.id)}-data">${jsonForScript(payload)}</script>`,
    figure.caption ? `<p class="chart-caption">${esc(figure.caption)}</p>` : '',
    '</figure>',
  ].join('\n');
}

/** JSON that cannot end its script element early or open a comment: `<` written as \u003c. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A chart id safe in HTML ids and CSS selectors. */
export function chartId(...parts: string[]): string {
  return parts.map((part) => part.replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
}

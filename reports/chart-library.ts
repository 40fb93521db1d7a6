import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The charting library, inlined into every page that draws charts so a report is one file
 * that works from file:// with nothing fetched: Chart.js and its annotation plugin (both MIT,
 * their licence banners kept), read from node_modules when the page is rendered, then the
 * boot script that draws each chart from its JSON data island (see chart-embed.ts).
 */
const require = createRequire(import.meta.url);

let cached: string | undefined;

export function chartScripts(): string {
  cached ??= [
    inlineScript(readDistFile('chart.js', 'chart.umd.min.js')),
    inlineScript(readDistFile('chartjs-plugin-annotation', 'chartjs-plugin-annotation.min.js')),
    inlineScript(BOOT_SCRIPT),
  ].join('\n');
  return cached;
}

/** A package's file beside its CommonJS entry point (the packages' export maps hide dist/). */
function readDistFile(packageName: string, file: string): string {
  return readFileSync(join(dirname(require.resolve(packageName)), file), 'utf8');
}

/** A script element's text ends at the first `</script`; the libraries' code must not contain one. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

/**
 * Draws every `<canvas data-chart>` from the JSON in the `<script type="application/json">`
 * that follows it, adding the callbacks JSON cannot carry: x ticks and tooltips in seconds
 * relative to the figure's origin ("+3.2 s"), and lane tooltips as "state: from … to …".
 * A chart that cannot be drawn leaves its error in the page (and the console) instead of a blank.
 */
const BOOT_SCRIPT = `
(function () {
  'use strict';
  function relative(value) {
    var rounded = Math.round(value * 10) / 10;
    if (rounded === 0) return '0';
    var text = Math.abs(rounded).toFixed(Number.isInteger(rounded) ? 0 : 1);
    return rounded > 0 ? '+' + text : '\\u2212' + text;
  }
  function draw(canvas) {
    var island = document.getElementById(canvas.id + '-data');
    var payload = JSON.parse(island.textContent);
    var config = payload.config;
    var options = config.options;
    if (payload.xFormat === 'relative-seconds') {
      options.scales.x.ticks = Object.assign({}, options.scales.x.ticks, { callback: function (value) { return relative(value); } });
      // One width for every time chart's left axis, so the charts of a scenario line up second for second.
      options.scales.y.afterFit = function (scale) { scale.width = payload.leftAxisPx; };
      options.plugins.tooltip = {
        callbacks: {
          title: function (items) { return items.length && !payload.lanes ? relative(items[0].parsed.x) + ' s' : ''; },
          label: function (item) {
            if (payload.lanes) {
              var range = item.raw.x;
              return item.raw.y + ': ' + item.dataset.label + ', ' + relative(range[0]) + ' s to ' + relative(range[1]) + ' s';
            }
            return item.dataset.label + ': ' + (item.parsed.y === null ? 'no data' : Math.round(item.parsed.y * 10) / 10);
          }
        }
      };
    }
    return new Chart(canvas, config);
  }
  function drawAll() {
    if (window['chartjs-plugin-annotation']) Chart.register(window['chartjs-plugin-annotation']);
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#52606d';
    var canvases = document.querySelectorAll('canvas[data-chart]');
    for (var i = 0; i < canvases.length; i++) {
      try {
        draw(canvases[i]);
      } catch (error) {
        canvases[i].insertAdjacentHTML('afterend', '<p class="no-data">This chart could not be drawn: ' + String(error).replace(/[<&]/g, '') + '</p>');
        console.error('chart ' + canvases[i].id + ':', error);
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
})();
`;

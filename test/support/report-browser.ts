import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packageRoot } from '../../cli/state-paths.ts';

/**
 * Real headless Chromium (Debian's `chromium`, installed by scripts/setup.sh; playwright-core
 * never downloads a browser) opening report pages from file://, with everything a page does
 * wrong collected: console errors, uncaught exceptions and any request that is not a local file.
 */
export const CHROMIUM_PATH = process.env.MQCHAOS_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots land here (gitignored), for a person to look at after the tests. */
export const ARTIFACTS_DIR = join(packageRoot, 'test-artifacts');

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

export async function openReport(browser: Browser, file: string): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) foreignRequests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, consoleErrors, foreignRequests };
}

/** What Chart.js holds for each drawn canvas: its type and every dataset's label and data. */
export interface DrawnChart {
  id: string;
  type: string;
  labels: unknown[];
  datasets: Array<{ label: string; data: unknown[] }>;
  /** Canvas size in CSS pixels: a chart that drew nothing visible has none. */
  widthPx: number;
  heightPx: number;
}

/** Runs in the page (a string: this project type-checks without the DOM library). */
const READ_DRAWN_CHARTS = `[...document.querySelectorAll('canvas[data-chart]')].map((canvas) => {
  const chart = Chart.getChart(canvas);
  const rect = canvas.getBoundingClientRect();
  return {
    id: canvas.id,
    type: chart ? chart.config.type : 'not drawn',
    labels: chart ? chart.data.labels || [] : [],
    datasets: chart ? chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })) : [],
    widthPx: rect.width,
    heightPx: rect.height,
  };
})`;

export async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate<DrawnChart[]>(READ_DRAWN_CHARTS);
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

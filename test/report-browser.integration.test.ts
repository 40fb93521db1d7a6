import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { readTruthLog } from '../lab/truth-log.ts';
import { drawnCharts, launchBrowser, openReport, saveScreenshot, type DrawnChart } from './support/report-browser.ts';
import { startLabHarness, type LabHarness } from './support/lab-harness.ts';
import { summarizeQueueTruth } from './support/message-truth-summary.ts';
import { runTestSuite } from './support/run-test-suite.ts';

/**
 * The run report and the runs index of a real traffic run, opened from file:// in headless
 * Chromium: no console errors, nothing fetched, and the charts hold the run's data — the
 * traffic chart's confirmed puts and gets add up to what the lab's truth log says happened.
 * Screenshots are left in test-artifacts/ for a person to look at.
 */

let harness: LabHarness;
let browser: Browser;
let runDir: string;
let runsDir: string;
let scenario: ScenarioResult;
let truthFrom: number;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startLabHarness(), launchBrowser()]);
  truthFrom = Date.now();
  const run = await runTestSuite(harness, 'suites/lab/mi-kill-active-traffic.yaml');
  scenario = run.result.scenarios[0]!;
  runsDir = join(run.runDir, '..');
  runDir = run.runDir;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

/** Messages per bin from a rate series: the bin width is the spacing of its points. */
function countsOf(chart: DrawnChart, label: string): number {
  const data = chart.datasets.find((dataset) => dataset.label === label)?.data as Array<{ x: number; y: number }> | undefined;
  if (!data || data.length < 2) throw new Error(`${chart.id} has no series "${label}"`);
  const binSeconds = data[1]!.x - data[0]!.x;
  return Math.round(data.reduce((sum, point) => sum + point.y * binSeconds, 0));
}

describe('report in a browser', () => {
  it('run report - opens from file:// without console errors or requests, and every chart is drawn', async () => {
    const { page, consoleErrors, foreignRequests } = await openReport(browser, join(runDir, 'index.html'));
    const charts = await drawnCharts(page);
    await saveScreenshot(page, 'traffic-run-report');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(charts.map((chart) => [chart.id, chart.type])).toEqual([
      ['instances-kill-active-under-traffic', 'bar'],
      ['traffic-kill-active-under-traffic', 'line'],
    ]);
    for (const chart of charts) expect(chart.heightPx).toBeGreaterThan(100);
    await page.close();
  });

  it('run report - the instance lanes are the queue manager hosts, the old active first active then not', async () => {
    const { page } = await openReport(browser, join(runDir, 'index.html'));
    const lanes = (await drawnCharts(page))[0]!;
    expect(lanes.labels).toEqual(['mq1', 'mq2']);
    const active = lanes.datasets.find((dataset) => dataset.label === 'active (Running)')!.data as Array<{ y: string; x: [number, number] }>;
    expect(active.find((run) => run.y === scenario.failover.oldActiveHost)!.x[0]).toBeLessThan(0);
    expect(active.find((run) => run.y === scenario.failover.newActiveHost)!.x[0]).toBeGreaterThan(0);
    await page.close();
  });

  it('run report - the traffic chart holds every confirmed put and every get the lab committed, per class', async () => {
    const { page } = await openReport(browser, join(runDir, 'index.html'));
    const traffic = (await drawnCharts(page))[1]!;
    const truth = summarizeQueueTruth(readTruthLog(harness.lab.truthLogFile), 'QM1', 'DEV.QUEUE.1', truthFrom);
    const { persistent, nonPersistent } = scenario.messages!;
    expect(countsOf(traffic, 'persistent puts confirmed/s')).toBe(persistent!.confirmed);
    expect(countsOf(traffic, 'persistent puts confirmed/s') + persistent!.recovered).toBe(truth.persistent.finalPuts);
    expect(countsOf(traffic, 'non-persistent puts confirmed/s') + nonPersistent!.recovered).toBe(truth.nonPersistent.finalPuts);
    expect(countsOf(traffic, 'persistent messages got/s')).toBe(truth.persistent.finalDeliveries);
    expect(countsOf(traffic, 'non-persistent messages got/s')).toBe(truth.nonPersistent.finalDeliveries);
    await page.close();
  });

  it('run report - the outage is a gap: no put confirmed between the fault and the first put after it', async () => {
    const { page } = await openReport(browser, join(runDir, 'index.html'));
    const traffic = (await drawnCharts(page))[1]!;
    const puts = traffic.datasets.find((dataset) => dataset.label === 'persistent puts confirmed/s')!.data as Array<{ x: number; y: number }>;
    const restoredSeconds = scenario.failover.serviceRestoredSeconds!;
    expect(restoredSeconds).toBeGreaterThan(0.5);
    const binSeconds = puts[1]!.x - puts[0]!.x;
    const inside = puts.filter((point) => point.x - binSeconds / 2 >= 0 && point.x + binSeconds / 2 <= restoredSeconds);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((point) => point.y === 0)).toBe(true);
    expect(puts.filter((point) => point.x < 0).some((point) => point.y > 0)).toBe(true);
    expect(puts.filter((point) => point.x > restoredSeconds).some((point) => point.y > 0)).toBe(true);
    await page.close();
  });

  it('runs index - opens from file:// without console errors and lists the run', async () => {
    const { page, consoleErrors, foreignRequests } = await openReport(browser, join(runsDir, 'index.html'));
    await saveScreenshot(page, 'runs-index');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await page.locator(`a[href$="/index.html"]`).count()).toBeGreaterThan(0);
    await page.close();
  });
});

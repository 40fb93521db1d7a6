import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFile, runFolder, runResultFile, runsIndexFile } from '../records/run-layout.ts';
import { renderHtmlReport } from '../reports/html-report.ts';
import { writeRunsIndex } from '../reports/runs-index.ts';
import { clusterObservations, clusterSuiteResult } from './support/cluster-run-fixtures.ts';
import { drawnCharts, launchBrowser, openReport, saveScreenshot } from './support/report-browser.ts';

/**
 * A cluster run's report and a runs index with a history, drawn in headless Chromium from a
 * hand-written stop-member recording (test/support/cluster-run-fixtures.ts) until the cluster
 * fault family records real ones: the charts hold the recorded points, the index charts the
 * cluster figures across runs and flags the run whose transmit queue peaked twice as high.
 */
let browser: Browser;
let runsDir: string;
const SCENARIO = 'stop-qm3-bind-comparison';

beforeAll(async () => {
  browser = await launchBrowser();
  runsDir = mkdtempSync(join(tmpdir(), 'mqchaos-cluster-report-'));
  const peaks = [240, 236, 244, 240, 480];
  peaks.forEach((peak, index) => {
    const runId = `2026120${index + 1}-090000-cluster-bind-comparison-000${index}`;
    const result = clusterSuiteResult(runId, `2026-12-0${index + 1}T09:00:00.000Z`, peak);
    const runDir = runFolder(runsDir, runId);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(runResultFile(runDir), JSON.stringify(result));
    writeFileSync(htmlFile(runDir), renderHtmlReport(result, new Map([[SCENARIO, { series: [], cluster: clusterObservations(peak) }]])));
  });
  await writeRunsIndex(runsDir);
});

afterAll(async () => {
  await browser?.close();
  rmSync(runsDir, { recursive: true, force: true });
});

describe('cluster report in a browser', () => {
  it('cluster run report - no console errors, nothing fetched, the four cluster charts drawn with the recorded points', async () => {
    const { page, consoleErrors, foreignRequests } = await openReport(browser, htmlFile(runFolder(runsDir, '20261205-090000-cluster-bind-comparison-0004')));
    const charts = await drawnCharts(page);
    await saveScreenshot(page, 'cluster-run-report');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(charts.map((chart) => chart.id)).toEqual([`transmit-${SCENARIO}`, `channels-${SCENARIO}`, `queue-instances-${SCENARIO}`, `routing-${SCENARIO}`]);
    const observations = clusterObservations(480);

    const transmit = charts[0]!;
    for (const sender of ['QM1', 'QM4']) {
      const recorded = observations.filter((o) => o.k === 'xmitq' && o.sender === sender).map((o) => (o.k === 'xmitq' ? o.depth : undefined));
      const drawn = (transmit.datasets.find((dataset) => dataset.label === sender)!.data as Array<{ y: number }>).map((point) => point.y);
      expect(drawn).toEqual(recorded);
    }

    const channels = charts[1]!;
    expect(channels.labels).toEqual(['QM1 \u2192 CLUS.TO.QM2', 'QM1 \u2192 CLUS.TO.QM3', 'QM4 \u2192 CLUS.TO.QM2', 'QM4 \u2192 CLUS.TO.QM3']);
    const retrying = channels.datasets.find((dataset) => dataset.label === 'RETRYING')!.data as Array<{ y: string; x: [number, number] }>;
    expect(retrying.map((run) => run.y)).toEqual(['QM1 \u2192 CLUS.TO.QM3', 'QM4 \u2192 CLUS.TO.QM3']);

    const instances = charts[2]!;
    const qm3 = instances.datasets.find((dataset) => dataset.label === 'APP.CLUSTER.Q on QM3')!.data as Array<{ x: number; y: number | null }>;
    expect(qm3.filter((point) => point.y === null)).toHaveLength(12);

    const routing = charts[3]!;
    expect(routing.labels).toEqual(['orders-bound (bind-on-open)', 'orders-balanced (bind-not-fixed)', 'orders-to-qm3 (fully qualified)']);
    expect(routing.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['QM2', [510, 760, 0]],
      ['QM3', [490, 240, 1000]],
    ]);
    for (const chart of charts) expect(chart.heightPx).toBeGreaterThan(100);
    await page.close();
  });

  it('runs index - charts the cluster figures across runs and flags the latest run\'s transmit-queue peak', async () => {
    const { page, consoleErrors, foreignRequests } = await openReport(browser, runsIndexFile(runsDir));
    const charts = await drawnCharts(page);
    await saveScreenshot(page, 'runs-index-with-regression');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    const messages = charts.find((chart) => chart.id.endsWith('-messages'))!;
    expect(messages.labels).toEqual(['12-01 09:00:00', '12-02 09:00:00', '12-03 09:00:00', '12-04 09:00:00', '12-05 09:00:00']);
    expect(messages.datasets.find((dataset) => dataset.label === 'transmit.QM1.peakDepth')!.data).toEqual([240, 236, 244, 240, 480]);
    expect(await page.locator('section.regressions li').allTextContents()).toEqual([
      'cluster-bind-comparison / stop-qm3-bind-comparison: transmit.QM1.peakDepth was 480 messages, 100% above the median 240 messages of the last 4 runs (limit 300)',
    ]);
    expect(await page.locator('tr.regressed code').allTextContents()).toEqual(['transmit.QM1.peakDepth']);
    await page.close();
  });
});

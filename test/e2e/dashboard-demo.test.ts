import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runDemo } from '../../src/app/demo.ts';
import { browserTestsRun, openPage, screenshots as shots, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * Every page of the dashboard on the demo data (issue 6): the whole `asterism demo` dataset imported
 * into a fresh database, served the way `asterism serve` serves it, each page opened in Debian's
 * Chromium in Chinese for October 2026, without console errors; a screenshot of each under test-output/.
 */
const run = browserTestsRun('dashboard demo tests');
const october = 'from=2026-10-01&to=2026-10-31';
let served: ServedDashboard | undefined;
let base: string;
let browser: Browser;

describe.skipIf(!run)('every page on the demo data', () => {
  beforeAll(async () => {
    served = await serveDashboard('web-demo', async (api, dir) => {
      const { files } = await runDemo(api, { outDir: join(dir, 'demo-data') });
      expect(files.filter((f) => f.status === 'error')).toEqual([]);
    });
    ({ base, browser } = served);
  }, 600_000);
  afterAll(async () => served?.close());

  test.each([
    ['overview', '[data-kpi="sessions"] [data-value]'],
    ['funnel', '[data-chart="funnel"] canvas'],
    ['diagnosis', '[data-finding]'],
    ['products', '[data-table="products"] tbody tr'],
    ['kpi', '[data-table="kpi-status"] tbody tr'],
    ['profit', '[data-table="profit"] tbody tr'],
    ['pricing', '[data-page="pricing"]'],
    ['reports', '[data-page="reports"]'],
    ['data', '[data-table="sources"] tbody tr'],
    ['settings', '[data-table="fx-rates"] tbody tr'],
  ])('%s', async (name, ready) => {
    const { page, errors } = await openPage(browser, `${base}/${name}?${october}${name === 'kpi' ? '&period=2026-10' : ''}`, 'zh-CN', { width: 1400, height: 1000 });
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500); // the charts' entry animation
    await page.screenshot({ path: join(shots, `demo-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});

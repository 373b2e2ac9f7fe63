import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/calendar.ts';
import { browserTestsRun, openPage, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * Issue 15.8 and 15.9 on the dashboard, in Chromium: weekly Business Reports (by child item) for US, DE and JP,
 * eight Sunday–Saturday weeks from 2026-09-06 to 2026-10-31. Each marketplace: 100 sessions a week in the
 * first four weeks, 150 in the last four; sales $1,000.00, €1.000,00 and ￥100,000 a week. The FX table
 * has one rate per currency, of 2024-01-01, as the demo had.
 */
const run = browserTestsRun('dashboard answers browser tests');
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const markets = [['US', '$1,000.00'], ['DE', '€1.000,00'], ['JP', '￥100,000']] as const;
const fourWeeks = 'from=2026-10-04&to=2026-10-31';

let served: ServedDashboard | undefined;
let base: string;
let browser: Browser;

async function open(path: string, locale: string): Promise<{ page: Page; errors: string[] }> {
  return openPage(browser, `${base}${path}`, locale);
}

describe.skipIf(!run)('answers that mean what a seller means, on the dashboard', () => {
  beforeAll(async () => {
    served = await serveDashboard('answers', async (api, dir) => {
      for (let week = 0; week < 8; week++) {
        const from = addDays('2026-09-06', 7 * week);
        const sessions = week < 4 ? 100 : 150;
        for (const [m, sales] of markets) {
          const file = join(dir, `br-${m}-${from}.csv`);
          writeFileSync(file, `\ufeff${header}\nB0PARENT${m},B0CHILD0${m},Mat ${from},MAT-${m},${sessions},0,100.00%,0.00%,${sessions},0,100.00%,0.00%,100.00%,0.00%,10,0,10.00%,0.00%,"${sales}",0,10,0\n`);
          const { files: [result] } = await api.importFiles([file], { marketplace: m, from, to: addDays(from, 6) });
          expect(result?.status, result?.error ?? '').toBe('imported');
        }
      }
      await api.setFxRates([
        { date: '2024-01-01', base: 'USD', quote: 'CNY', rate: '7.12' }, { date: '2024-01-01', base: 'EUR', quote: 'CNY', rate: '7.78' },
        { date: '2024-01-01', base: 'JPY', quote: 'CNY', rate: '0.0472' },
      ]);
    });
    ({ base, browser } = served);
  }, 180_000);
  afterAll(async () => served?.close());

  test('"week over week" over four weeks compares the previous four weeks, and says so', async () => {
    const { page, errors } = await open(`/overview?${fourWeeks}&compare=wow`, 'en');
    const change = page.locator('[data-kpi="sessions"] [data-change]').first();
    // 10-04 … 10-31: 4 × 3 × 150 = 1,800 sessions; 09-06 … 10-03: 4 × 3 × 100 = 1,200 → +50.0%
    // (shifted by a week, 09-27 … 10-24, it would be 300 + 3 × 450 = 1,650: +9.1%, three weeks shared)
    await expect.poll(() => change.getAttribute('data-change')).toBe('0.5');
    expect(await change.textContent()).toBe('+50%');
    expect(await page.locator('[data-compare="previous"]').textContent())
      .toBe(' · vs the previous 28 days, 2026-09-06 – 2026-10-03 (Week over week would overlap the range)');
    expect(errors).toEqual([]);
    await page.context().close();

    const zh = await open(`/overview?${fourWeeks}&compare=wow`, 'zh-CN');
    await zh.page.locator('[data-compare="previous"]').waitFor();
    expect(await zh.page.locator('[data-compare="previous"]').textContent()).toBe(' · 对比之前 28 天（2026-09-06 至 2026-10-03；周环比会与所选范围重叠）');
    // a single week keeps its week over week
    await zh.page.goto(`${base}/overview?from=2026-10-25&to=2026-10-31&compare=wow`);
    await expect.poll(() => zh.page.locator('[data-period]').textContent()).toContain('对比 2026-10-18 至 2026-10-24');
    expect(await zh.page.locator('[data-compare="previous"]').count()).toBe(0);
    await zh.page.context().close();
  });

  test('the weekly chart draws each currency on its own axis; converted, one axis', async () => {
    const { page, errors } = await open(`/overview?${fourWeeks}&currency=local`, 'en');
    const chart = page.locator('[data-chart="trend"]');
    await expect.poll(async () => JSON.parse(await chart.getAttribute('data-axes') ?? '[]').length).toBe(4);
    const axes = JSON.parse(await chart.getAttribute('data-axes') ?? '[]') as { axis: string; series: string[] }[];
    // EUR, JPY and USD bars each on their axis, sessions on the right
    expect(axes.slice(0, 3)).toEqual([
      { axis: 'EUR', series: ['Sales (ordered product sales) EUR'] }, { axis: 'JPY', series: ['Sales (ordered product sales) JPY'] }, { axis: 'USD', series: ['Sales (ordered product sales) USD'] },
    ]);
    expect(axes[3]?.series).toHaveLength(1);
    await page.goto(`${base}/overview?${fourWeeks}&currency=CNY`);
    await expect.poll(async () => JSON.parse(await chart.getAttribute('data-axes') ?? '[]').length).toBe(2);
    expect(JSON.parse(await chart.getAttribute('data-axes') ?? '[]')[0]).toEqual({ axis: 'CNY', series: ['Sales (ordered product sales)'] });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('converted with a 2024 rate: the overview says fx_stale, naming the rate\'s date', async () => {
    const { page, errors } = await open(`/overview?${fourWeeks}&currency=CNY`, 'en');
    const notes = page.locator('[data-notes] li');
    await notes.first().waitFor();
    expect(await notes.allTextContents()).toContain('converted with FX rates older than 31 days: EUR→CNY of 2024-01-01 (used 2026-10-04 – 2026-10-31), '
      + 'JPY→CNY of 2024-01-01 (used 2026-10-04 – 2026-10-31), USD→CNY of 2024-01-01 (used 2026-10-04 – 2026-10-31); add current rates to the FX table (asterism fx set)');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the Profit page without orders or settlements says why it is empty', async () => {
    // Business Reports only: no order, transaction or cost rows, though the dates are inside the data's range
    const { page, errors } = await open(`/profit?${fourWeeks}`, 'en');
    const notes = page.locator('[data-notes] li');
    await notes.first().waitFor();
    expect(await notes.allTextContents()).toEqual([
      'no rows for this selection in 2026-10-04 – 2026-10-31 (the data covers 2026-09-06 – 2026-10-31): widen the dates or clear a filter',
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('an empty period says where the nearest data is', async () => {
    const { page, errors } = await open('/overview?from=2027-01-03&to=2027-01-30', 'zh-CN');
    const notes = page.locator('[data-notes] li');
    await notes.first().waitFor();
    expect(await notes.allTextContents()).toContain('2027-01-03 – 2027-01-30 没有数据：最近的数据截至 2026-10-31（数据范围 2026-09-06 – 2026-10-31）');
    // the Funnel page too
    await page.goto(`${base}/funnel?from=2027-01-03&to=2027-01-30`);
    await page.locator('[data-page="funnel"] [data-notes] li').first().waitFor();
    expect(await page.locator('[data-page="funnel"] [data-notes] li').allTextContents())
      .toEqual(['2027-01-03 – 2027-01-30 没有数据：最近的数据截至 2026-10-31（数据范围 2026-09-06 – 2026-10-31）']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

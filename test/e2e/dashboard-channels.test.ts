import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { browserTestsRun, openPage, screenshots as shots, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * The Channels page (issue 23): Amazon (an All Orders file) and Shopify (its order export) side by side, November 2026.
 * Sales: Amazon 2 × 20.00 less 5.00 = 35.00 + 20.00 = 55.00; Shopify 56.00 + 24.50 + 36.00 = 116.50 (the voided order left out).
 * Shares of 171.50: 55 / 171.5 = 32.1 %, 116.5 / 171.5 = 67.9 %.
 */
const run = browserTestsRun('The Channels page test');
let served: ServedDashboard;
const november = 'from=2026-11-01&to=2026-11-30';

describe.skipIf(!run)('the Channels page in Chromium', () => {
  beforeAll(async () => {
    served = await serveDashboard('channels', async (api, dir) => {
      const amazon = join(dir, 'all-orders.tsv');
      writeFileSync(amazon, [
        ['amazon-order-id', 'purchase-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'sku', 'asin', 'quantity', 'currency', 'item-price', 'item-promotion-discount'].join('\t'),
        ['111-0000001-0000001', '2026-11-05T18:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', 'MAT-01', 'B0MAT00001', '2', 'USD', '40.00', '-5.00'].join('\t'),
        ['111-0000001-0000002', '2026-11-06T18:00:00+00:00', 'Shipped', 'Amazon', 'Amazon.com', 'CUP-02', 'B0CUP00002', '1', 'USD', '20.00', ''].join('\t'),
      ].join('\n') + '\n');
      const { files } = await api.importFiles([amazon, resolve('test/fixtures/ingest/shopify-orders-us.csv')], {});
      expect(files.map((f) => f.status)).toEqual(['imported', 'imported']);
    });
  }, 180_000);
  afterAll(async () => served?.close());

  test.each([['zh-CN', '亚马逊'], ['en', 'Amazon']])('channels side by side with their share of sales (%s)', async (locale, amazon) => {
    const { page, errors } = await openPage(served.browser, `${served.base}/channels?${november}`, locale);
    const table = page.locator('[data-table="channels"]');
    await table.locator('tbody tr').first().waitFor();
    const text = await table.textContent();
    expect(text).toContain(amazon);
    expect(text).toContain('Shopify');
    expect(text).toContain('67.9%');
    expect(text).toContain('32.1%');
    await page.screenshot({ path: join(shots, `dashboard-channels-${locale}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { importCoverageScenario } from '../scenarios/coverage-scenario.ts';
import { browserTestsRun, screenshots as shots, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * The overview in Chromium on the coverage scenario (test/scenarios/coverage-scenario.ts): 2026-10-11 …
 * 10-17 year over year compares with 2025-10-11 … 10-17, where ads cover 6 of 7 days (2025-10-12 on).
 */
const run = browserTestsRun('dashboard partial-base browser test');
let served: ServedDashboard | undefined;

describe.skipIf(!run)('the overview flags a partial base instead of colouring its change, and says where a tile came from', () => {
  beforeAll(async () => {
    served = await serveDashboard('partial-base', async (api, dir) => importCoverageScenario(api, join(dir, 'files')));
  }, 120_000);
  afterAll(async () => served?.close());

  test('ad spend 70.00 against 60.00 (6 of 7 days): the coverage, uncoloured, not +16.7%', async () => {
    if (!served) throw new Error('not served');
    const lineage = {
      'en-US': 'ads: 2026-10-11 – 2026-10-17, daily, 7 of 7 days covered, 7-day attribution, time zone US America/Los_Angeles, imported ',
      'zh-CN': '广告报告：2026-10-11 ~ 2026-10-17，按日，覆盖 7 天中的 7 天，归因窗口 7 天，时区 US America/Los_Angeles，导入于 ',
    };
    for (const [locale, said] of [['en-US', 'partial base: covers 6 of 7 days (ads)'], ['zh-CN', '基期数据不全：仅覆盖 7 天中的 6 天（广告报告）']] as const) {
      const context = await served.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${served.base}/?from=2026-10-11&to=2026-10-17&compare=yoy`);
      const change = page.locator('[data-kpi="ad_spend"] .kpi-change');
      await change.first().waitFor();
      expect(await change.first().getAttribute('data-partial-base')).toBe('6/7');
      expect(await change.first().getAttribute('title')).toBe(said);
      expect(await change.first().textContent()).toBe(said);
      expect(await change.first().getAttribute('data-tone')).toBeNull(); // neither good nor bad
      // the tile's tooltip: where ad spend came from
      expect(await page.locator('[data-kpi="ad_spend"]').getAttribute('title')).toContain(lineage[locale]);
      if (locale === 'en-US') await page.screenshot({ path: join(shots, 'dashboard-partial-base.png'), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { runDemo } from '../../src/app/demo.ts';
import { browserTestsRun, openPage, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * Accessibility (issue 27): axe-core at WCAG 2.1 A and AA finds no violation on any dashboard page of the
 * demo, in Chinese and in English. The pages are the ones the dashboard's own navigation links to, read
 * from the page, so a page added to the navigation later is checked too.
 */
const run = browserTestsRun('dashboard accessibility tests');
const october = 'from=2026-10-01&to=2026-10-31';
const wcag21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let served: ServedDashboard | undefined;
let base: string;
let browser: Browser;

/** What a violation is, in a line a developer can act on: the rule, and each offending element with axe's reason. */
function described(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`));
}

describe.skipIf(!run)('accessibility of every dashboard page on the demo', () => {
  beforeAll(async () => {
    served = await serveDashboard('web-axe', async (api, dir) => {
      const { files } = await runDemo(api, { outDir: join(dir, 'demo-data') });
      expect(files.filter((f) => f.status === 'error')).toEqual([]);
    });
    ({ base, browser } = served);
  }, 600_000);
  afterAll(async () => served?.close());

  test.each([['zh-CN'], ['en']])('no WCAG 2.1 A/AA violation on any page in %s', async (locale) => {
    const { page, errors } = await openPage(browser, `${base}/overview?${october}`, locale, { width: 1400, height: 1000 });
    // a page's queries over the whole demo take a while on a busy 2-core machine: waits are about arrival, not speed
    page.setDefaultTimeout(120_000);
    await page.locator('header nav a').first().waitFor();
    const paths = await page.locator('header nav a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // the navigation as it is today holds at least these: a shrunken list would make the check vacuous
    expect(paths).toEqual(expect.arrayContaining(['/overview', '/funnel', '/diagnosis', '/kpi', '/settings', '/data']));
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${base}${path}?${october}${path === '/kpi' ? '&period=2026-10' : ''}`);
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
      await page.locator('main').first().waitFor();
      await page.waitForTimeout(600); // the charts' entry animation: contrast is measured on the settled page
      const { violations } = await new AxeBuilder({ page }).withTags(wcag21AA).analyze();
      found.push(...described(violations).map((line) => `${path}: ${line}`));
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);

  // Headline figures over all the demo's dates (eight-digit sums): compact so they fit the card, the exact value on hover and to screen readers
  test.each([
    // ¥35,576,720 of Japanese sales: 35.58 million, 3 significant digits → ¥35.6M
    ['en', '¥35.6M', '¥35,576,720'],
    // all sales in CNY (the Chinese default currency): 12,438,406.03 = 1243.84万, 4 significant digits → ¥1244万
    ['zh-CN', '¥1244万', '¥12,438,406.03'],
  ])('headline cards in %s: %s for %s, and no card overflows', async (locale, short, exact) => {
    const { page, errors } = await openPage(browser, `${base}/overview?from=2023-01-01&to=2026-10-31`, locale, { width: 1400, height: 1000 });
    page.setDefaultTimeout(120_000);
    const sales = page.locator('[data-kpi="sales"] .kpi-value').filter({ has: page.locator(`[data-exact="${exact}"]`) });
    await sales.waitFor({ timeout: 60_000 });
    expect(await sales.locator('[data-value]').textContent()).toBe(short);
    expect(await sales.getAttribute('title')).toBe(exact);
    // a screen reader reads the exact value instead of the short one
    expect(await sales.locator('[data-value]').getAttribute('aria-hidden')).toBe('true');
    expect(await sales.locator('.sr-only').textContent()).toBe(exact);
    // every figure inside its card, at the narrowest the grid makes cards (160 px)
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 1000 });
      const outside = await page.locator('[data-kpi] .kpi-value').evaluateAll((values) => values.flatMap((v) => {
        const card = v.closest('[data-kpi]')?.getBoundingClientRect();
        const box = v.getBoundingClientRect();
        return card && (box.right > card.right || box.left < card.left) ? [`${v.textContent} at ${box.right} > ${card.right}`] : [];
      }));
      expect(outside).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

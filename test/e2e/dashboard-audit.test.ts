import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { browserTestsRun, openPage, screenshots as shots, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * Issue 20's Audit page in Chromium: the owner signs in, enters a cost through the API, and finds that change on
 * the Audit page with their name and the action, in Chinese and in English, with no WCAG 2.1 A/AA violation.
 * An operator has no Audit page in the navigation and the API refuses them the log (403).
 */
const run = browserTestsRun('dashboard audit tests');
const wcag21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let served: ServedDashboard | undefined;

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('header nav').waitFor();
}

/** A request from the signed-in page itself (its session cookie), as the dashboard sends it. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(async ({ method, path, body }) => {
    const res = await fetch(path, {
      method, headers: { 'X-Asterism-Request': '1', accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json().catch(() => null) as unknown };
  }, { method, path, body });
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag21AA).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.skipIf(!run)('the Audit page', () => {
  beforeAll(async () => {
    served = await serveDashboard('web-audit', async (api) => {
      const f = (n: string) => resolve('test/fixtures/funnel', n);
      await api.importFiles([f('br-week-2026-10-11.csv')], { marketplace: 'US', from: '2026-10-11', to: '2026-10-17' });
      await api.run('users_add', { name: 'boss', role: 'owner', password: 'boss-password-1' });
      await api.run('users_add', { name: 'li', role: 'operator', password: 'operator-password-1' });
    });
  }, 300_000);
  afterAll(async () => served?.close());

  test('the owner sees their change, who and what, in zh and en', async () => {
    const { base, browser } = served!;
    const { page, errors } = await openPage(browser, `${base}/overview`, 'zh-CN', { width: 1400, height: 1000 });
    await signIn(page, 'boss', 'boss-password-1');
    // the login page's own 401s (who is signed in? nobody yet) are expected: errors count from here
    const before = errors.length;
    const cost = await call(page, 'PUT', '/api/costs', { sku: 'AUDIT-SKU-1', effective_from: '2026-01-01', currency: 'USD', unit_cost: '3.10' });
    expect(cost.status, JSON.stringify(cost.json)).toBe(200);
    // a second change by the owner, of another action, for the filter to leave out
    const event = await call(page, 'POST', '/api/events', { date: '2026-10-12', type: 'image_change', note: 'new main image' });
    expect(event.status, JSON.stringify(event.json)).toBe(200);

    await page.locator('header nav a', { hasText: '操作日志' }).click();
    await page.locator('[data-page="audit"] h1').waitFor();
    expect(await page.locator('[data-page="audit"] h1').innerText()).toBe('操作日志');
    const costRow = page.locator('tr[data-action="costs_set"]');
    await costRow.waitFor();
    expect(await costRow.locator('td[data-column="user"]').innerText()).toBe('boss');
    expect(await costRow.locator('td[data-column="target"]').innerText()).toBe('sku=AUDIT-SKU-1');
    expect(await costRow.locator('td[data-column="detail"]').innerText()).toContain('"unit_cost":"3.10"');
    expect(await costRow.locator('td[data-column="origin"]').innerText()).toContain('127.0.0.1');
    expect(await page.locator('th[data-column="user"]').innerText()).toContain('操作人');
    // newest first: the event was entered after the cost
    const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.indexOf('events_add')).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf('events_add')).toBeLessThan(actions.indexOf('costs_set'));
    expect(await axe(page)).toEqual([]);

    // the action filter leaves only the cost
    await page.locator('select[name="audit-action"]').selectOption('costs_set');
    await page.locator('tr[data-action="events_add"]').waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(['costs_set']);
    await page.screenshot({ path: join(shots, 'audit-owner-zh.png') });

    await page.locator('select[name="lang"]').selectOption('en');
    await page.locator('[data-page="audit"] h1', { hasText: 'Audit log' }).waitFor();
    expect(await page.locator('header nav').innerText()).toContain('Audit log');
    expect(await page.locator('th[data-column="user"]').innerText()).toContain('Who');
    expect(await page.locator('th[data-column="action"]').innerText()).toContain('Action');
    expect(await costRow.locator('td[data-column="user"]').innerText()).toBe('boss');
    expect(await costRow.locator('td[data-column="action"]').innerText()).toBe('costs_set');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'audit-owner-en.png') });
    expect(errors.slice(before)).toEqual([]);
    await page.context().close();
  }, 180_000);

  test('an operator has no Audit page and gets no entries', async () => {
    const { base, browser } = served!;
    const { page } = await openPage(browser, `${base}/audit`, 'en');
    await signIn(page, 'li', 'operator-password-1');
    expect(await page.locator('header nav').innerText()).not.toContain('Audit log');
    expect(await page.locator('header nav a[href^="/audit"]').count()).toBe(0);
    // the address of the page opens the first page they may see instead
    await page.locator('main [data-page="overview"]').waitFor();
    expect(await page.locator('[data-page="audit"]').count()).toBe(0);
    const refused = await call(page, 'GET', '/api/audit');
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain('AUDIT-SKU-1');
    await page.context().close();
  }, 120_000);
});

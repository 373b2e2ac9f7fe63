import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { browserTestsRun, openPage, screenshots as shots, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * Issue 20 in Chromium: a server with users shows the login page; the owner and a viewer limited to store "solo"
 * sign in and see two different dashboards (the viewer has no Profit or Pricing page, and their own name).
 * Data: issue 4's small funnel scenario (test/fixtures/funnel).
 */
const run = browserTestsRun('dashboard login tests');
let served: ServedDashboard | undefined;

async function submit(page: Page, name: string, password: string): Promise<void> {
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}
async function signIn(page: Page, name: string, password: string): Promise<void> {
  await submit(page, name, password);
  await page.locator('header nav').waitFor();
}

describe.skipIf(!run)('signing in to the dashboard', () => {
  beforeAll(async () => {
    served = await serveDashboard('web-login', async (api) => {
      const f = (n: string) => resolve('test/fixtures/funnel', n);
      await api.importFiles([f('br-week-2026-10-11.csv')], { marketplace: 'US', from: '2026-10-11', to: '2026-10-17' });
      await api.importFiles([f('solo-br-week-2026-10-11.csv')], { store: 'solo', marketplace: 'US', from: '2026-10-11', to: '2026-10-17' });
      await api.run('users_add', { name: 'boss', role: 'owner', password: 'boss-password-1' });
      await api.run('users_add', { name: 'viewer-solo', role: 'viewer', stores: 'solo', password: 'viewer-password-1' });
    });
  }, 300_000);
  afterAll(async () => served?.close());

  test('two users, two dashboards (zh and en)', async () => {
    const { base, browser } = served!;
    const owner = (await openPage(browser, `${base}/overview`, 'zh-CN')).page;
    await owner.locator('form button[type="submit"]').waitFor();
    expect(await owner.locator('form h2').textContent()).toBe('登录');
    await signIn(owner, 'boss', 'boss-password-1');
    const ownerNav = await owner.locator('header nav').innerText();
    expect(ownerNav).toContain('利润');
    expect(await owner.locator('header .user').innerText()).toContain('boss');
    await owner.screenshot({ path: join(shots, 'login-owner.png') });

    const viewer = (await openPage(browser, `${base}/overview`, 'en')).page;
    await viewer.locator('form button[type="submit"]').waitFor();
    expect(await viewer.locator('form h2').textContent()).toBe('Sign in');
    await submit(viewer, 'viewer-solo', 'wrong-password');
    await viewer.locator('[role="alert"]').waitFor();
    expect(await viewer.locator('[role="alert"]').innerText()).toContain('wrong user name or password');
    await signIn(viewer, 'viewer-solo', 'viewer-password-1');
    const viewerNav = await viewer.locator('header nav').innerText();
    expect(viewerNav).not.toContain('Profit');
    expect(viewerNav).not.toContain('Pricing');
    expect(await viewer.locator('header .user').innerText()).toContain('viewer-solo');
    await viewer.screenshot({ path: join(shots, 'login-viewer.png') });
    // signing out shows the login page again
    await viewer.locator('header .user button').click();
    await viewer.locator('form h2').waitFor();
  }, 120_000);
});

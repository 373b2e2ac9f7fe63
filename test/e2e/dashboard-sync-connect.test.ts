import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { storeUs, syncWorld, type SyncWorld } from '../fakes/sync-setup.ts';
import { browserTestsRun, openPage, serveDashboard, type ServedDashboard } from './web-harness.ts';

/**
 * The Data page's connect form (issue 18), in Chromium against the fake Amazon: a store connected by typing the app's
 * client id and secret and the refresh token; the secrets never come back (not in the page, not in any answer); a
 * refused token says so in Chinese.
 */
const run = browserTestsRun('dashboard sync connect test');
let served: ServedDashboard | undefined;
let world: SyncWorld | undefined;

describe.skipIf(!run)('connecting a store from the Data page', () => {
  beforeAll(async () => {
    world = await syncWorld();
    // the server runs in this process: its calls to Amazon go to the fake
    for (const key of ['ASTERISM_SPAPI_ENDPOINT', 'ASTERISM_LWA_ENDPOINT', 'ASTERISM_ADS_ENDPOINT', 'ASTERISM_SYNC_WAIT_MS']) vi.stubEnv(key, world.env[key] ?? '');
    served = await serveDashboard('sync-connect', async () => undefined);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await world?.close();
    vi.unstubAllEnvs();
  });

  test('fill in the form, the token is checked with Amazon, the store is listed; the secrets are never shown back', async () => {
    if (!served) throw new Error('not served');
    const { page, errors } = await openPage(served.browser, `${served.base}/data`, 'zh-CN');
    const answers: string[] = [];
    page.on('response', (r) => { if (r.url().includes('/api/')) void r.text().then((t) => answers.push(t), () => undefined); });
    const form = page.locator('[data-sync-connect]');
    await form.waitFor();
    // every field labelled, the form named (axe; contrast is the shared styles', checked page-wide elsewhere)
    const axe = await new AxeBuilder({ page }).include('[data-sync-connect]').disableRules(['color-contrast']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // every field has its label (a screen reader names it)
    await form.getByLabel('店铺').fill(storeUs.store);
    await form.getByLabel('区域').selectOption('na');
    await form.getByLabel('站点（如 US CA）').fill('us');
    await form.getByLabel('LWA 客户端 ID').fill(storeUs.clientId);
    await form.getByLabel('LWA 客户端密钥').fill(storeUs.clientSecret);
    await form.getByLabel('刷新令牌').fill('Atzr|not-this-one');
    await form.locator('[data-connect-submit]').click();
    // a wrong token: Amazon's refusal, in Chinese; the secrets emptied
    await expect.poll(() => form.locator('[data-connect-error]').textContent()).toMatch(/^亚马逊拒绝了店铺“acme-us”的 SP-API 连接的刷新令牌（invalid_grant/);
    expect(await form.getByLabel('刷新令牌').inputValue()).toBe('');
    expect(await form.getByLabel('LWA 客户端密钥').inputValue()).toBe('');

    await form.getByLabel('LWA 客户端密钥').fill(storeUs.clientSecret);
    await form.getByLabel('刷新令牌').fill(storeUs.refreshToken);
    expect(await form.getByLabel('刷新令牌').getAttribute('type')).toBe('password');
    await form.locator('[data-connect-submit]').click();
    await expect.poll(() => form.locator('[data-connect-result]').textContent()).toBe('已连接 acme-us（US）：令牌有效。');
    await expect.poll(() => page.locator('[data-connections] li').allTextContents()).toEqual(['SP-API · acme-us · na · US · 令牌有效']);
    expect(await form.getByLabel('刷新令牌').inputValue()).toBe('');
    expect(await form.getByLabel('LWA 客户端密钥').inputValue()).toBe('');
    // stored, sealed: the database holds the connection, never the secrets in the clear
    expect(await served.api.db.all(`SELECT store, region, marketplaces FROM amazon_connections`)).toEqual([{ store: 'acme-us', region: 'na', marketplaces: ['US'] }]);
    const html = await page.content();
    for (const text of [html, ...answers]) {
      expect(text).not.toContain(storeUs.refreshToken);
      expect(text).not.toContain(storeUs.clientSecret);
    }
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 90_000);
});

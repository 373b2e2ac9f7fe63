import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LocalAsterism } from '../../src/app/local.ts';
import { createApi } from '../../src/server/app.ts';
import { serveWebApp } from '../../src/server/static.ts';

/**
 * The dashboard in Debian's Chromium, on issue 4's small funnel scenario (test/fixtures/funnel):
 * store "default" (B0FUNNEL01, B0FUNNEL02) and store "solo" (B0SOLO0001), US, weeks to 2026-10-17.
 * The web app is built from the current source into a temporary folder and served the way
 * `asterism serve` serves it (createApi + serveWebApp).
 */
const chromiumPath = '/usr/bin/chromium';
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ci = process.env.CI === 'true';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && !ci) {
  console.warn(`dashboard browser tests skipped: ${chromiumPath} is missing (install it with: apt-get install -y chromium). With CI=true they fail instead.`);
}

const week = 'from=2026-10-11&to=2026-10-17';
const shots = resolve('test-output');
let dir: string;
let api: LocalAsterism;
let server: ServerType;
let base: string;
let browser: Browser;

async function importScenario(): Promise<void> {
  const f = (n: string) => resolve('test/fixtures/funnel', n);
  const imports: [string[], Record<string, string>][] = [
    [['products.csv', 'events.csv', 'reviews-us.csv', 'scp-2026-10.json'], { marketplace: 'US' }],
    [['br-week-2026-06-07.csv'], { marketplace: 'US', from: '2026-06-07', to: '2026-06-13' }],
    [['br-week-2026-10-04.csv'], { marketplace: 'US', from: '2026-10-04', to: '2026-10-10' }],
    [['br-week-2026-10-11.csv'], { marketplace: 'US', from: '2026-10-11', to: '2026-10-17' }],
    [['solo-br-week-2026-10-11.csv', 'solo-sp-advertised-product.csv'], { store: 'solo', marketplace: 'US', from: '2026-10-11', to: '2026-10-17' }],
  ];
  for (const [files, options] of imports) {
    const { files: results } = await api.importFiles(files.map(f), options);
    expect(results.map((r) => r.status)).toEqual(files.map(() => 'imported'));
  }
}

/** Opens a page, failing the test on any console error or uncaught exception. */
async function open(path: string, locale = 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  return { page, errors };
}

describe.skipIf(!haveChromium && !ci)('the web dashboard in Chromium', () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true and ${chromiumPath} is missing: .ci/run installs it with apt-get install -y chromium`);
    dir = mkdtempSync(join(tmpdir(), 'asterism-web-'));
    const dist = join(dir, 'dist');
    execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
    api = await LocalAsterism.open(join(dir, 'web.duckdb'));
    await importScenario();
    const app = createApi(api);
    serveWebApp(app, dist);
    server = await new Promise<ServerType>((done) => { const s = serveHttp({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s)); });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
    mkdirSync(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a page path gets the app, a missing asset a 404, /api stays the API', async () => {
    expect((await fetch(`${base}/funnel`)).headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true });
  });

  test.each([
    ['overview', '[data-kpi="sessions"] [data-value]'],
    ['funnel', '[data-chart="funnel"] canvas'],
    ['diagnosis', '[data-finding]'],
    ['data', '[data-table="sources"] tbody tr'],
  ])('%s loads on the scenario without console errors', async (name, ready) => {
    const { page, errors } = await open(`/${name}?${week}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500); // the charts' 300 ms entry animation
    await page.screenshot({ path: join(shots, `dashboard-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the funnel draws one chart for the first ASIN and names its weakest stage', async () => {
    const { page, errors } = await open(`/funnel?${week}`, 'en');
    await page.locator('[data-chart="funnel"] canvas').waitFor();
    expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['US · B0FUNNEL01', 'US · B0FUNNEL02', 'US · B0SOLO0001']);
    await page.locator('[data-weakest="order"]').waitFor(); // B0FUNNEL01: order rate 7.5% < 8%
    expect(await page.locator('[data-table="funnel-stages"] tr.weakest td').first().textContent()).toBe('Order');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Chinese first for a Chinese browser; the switch changes the labels', async () => {
    const { page, errors } = await open(`/overview?${week}`, 'zh-CN');
    const nav = page.locator('header nav a').first();
    await expect.poll(() => nav.textContent()).toBe('总览');
    await page.locator('[data-kpi="sessions"] h3').waitFor();
    expect(await page.locator('[data-kpi="sessions"] h3').textContent()).toBe('会话数');
    await page.selectOption('select[name="lang"]', 'en');
    await expect.poll(() => nav.textContent()).toBe('Overview');
    expect(await page.locator('[data-kpi="sessions"] h3').textContent()).toBe('Sessions');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a filter change updates the URL and the numbers', async () => {
    const { page, errors } = await open(`/overview?${week}`, 'en');
    const sessions = page.locator('[data-kpi="sessions"] [data-value]').first();
    await expect.poll(() => sessions.textContent()).toBe('950'); // default 750 (B0FUNNEL01 500 + B0FUNNEL02 250) + solo 200
    await page.selectOption('select[name="store"]', 'solo');
    await expect.poll(() => new URL(page.url()).searchParams.get('store')).toBe('solo');
    await expect.poll(() => sessions.textContent()).toBe('200');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'dashboard-overview-solo.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('uploading a report file shows its result and adds it to the history', async () => {
    const { page, errors } = await open('/data', 'en');
    await page.locator('[data-upload]').waitFor();
    await page.fill('[data-upload] input[name="from"]', '2026-10-18');
    await page.fill('[data-upload] input[name="to"]', '2026-10-24');
    await page.fill('[data-upload] input[name="marketplace"]', 'UK');
    await page.setInputFiles('[data-upload-input]', resolve('test/fixtures/ingest/br-child-uk-2025-sku.csv'));
    const row = page.locator('[data-table="upload-results"] tbody tr').first();
    await row.waitFor();
    expect([await row.getAttribute('data-status'), await row.locator('td.error').textContent()]).toEqual(['imported', '']);
    expect(await row.locator('td').first().textContent()).toBe('br-child-uk-2025-sku.csv');
    // the history lists it too: 2026-10-18 – 2026-10-24, UK
    await expect.poll(() => page.locator('[data-table="sources"]').textContent()).toContain('2026-10-18 – 2026-10-24');
    await page.screenshot({ path: join(shots, 'dashboard-upload.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LocalAsterism } from '../../src/app/local.ts';
import { chromiumArgs, chromiumPath } from '../../src/report/pdf.ts';
import { createApi } from '../../src/server/app.ts';
import { serveWebApp } from '../../src/server/static.ts';

/**
 * The dashboard as `asterism serve` serves it, for browser tests: the web app built from the current
 * source into a temporary folder, a fresh database filled by `load`, the API and the app on a free
 * port, and Debian's Chromium (launched as the PDF reports launch it).
 */
export const ci = process.env.CI === 'true';
export const haveChromium = existsSync(chromiumPath);
export const screenshots = resolve('test-output');

/** Browser tests skip with a clear line when Chromium is absent, except under CI=true, where they must run. */
export function browserTestsRun(what: string): boolean {
  if (!haveChromium && !ci) console.warn(`${what} skipped: ${chromiumPath} is missing (apt-get install -y chromium). With CI=true they fail instead.`);
  return haveChromium || ci;
}

export interface ServedDashboard {
  api: LocalAsterism;
  dir: string;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveDashboard(name: string, load: (api: LocalAsterism, dir: string) => Promise<void>): Promise<ServedDashboard> {
  if (!haveChromium) throw new Error(`CI=true and ${chromiumPath} is missing: .ci/run installs it with apt-get install -y chromium`);
  const dir = mkdtempSync(join(tmpdir(), `asterism-${name}-`));
  const dist = join(dir, 'dist');
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  const api = await LocalAsterism.open(join(dir, `${name}.duckdb`));
  await load(api, dir);
  const app = createApi(api);
  serveWebApp(app, dist);
  const server = await new Promise<ServerType>((done) => { const s = serveHttp({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s)); });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  mkdirSync(screenshots, { recursive: true });
  return {
    api, dir, base, browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a page in a fresh context, collecting its console errors and uncaught exceptions (a test fails on them). */
export async function openPage(
  browser: Browser, url: string, locale = 'zh-CN', viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

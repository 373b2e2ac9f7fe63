import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Installed like a tool (issue 27): `npm pack` (prepack builds dist/cli and web/dist), `npm install -g` of the tarball
 * into a fresh temporary prefix (its dependencies from the npm cache or registry, as npm fetches them), then, from an
 * empty folder, `asterism --help`, `asterism demo` and `asterism serve` answering the dashboard's page.
 * It runs under CI=true (.ci/run) or with ASTERISM_INSTALL_TEST=1. Measured on 2 cores shared with other jobs (load ~20):
 * 10–13 min in all (two runs), of which the pack ~3 min, the install 30 s, the whole demo import (1,080 files) and serve 6–7 min.
 */
const run = process.env.CI === 'true' || process.env.ASTERISM_INSTALL_TEST === '1';
if (!run) console.warn('tarball install test skipped: it runs under CI=true or with ASTERISM_INSTALL_TEST=1 (npm pack, npm install -g, the whole demo: minutes)');

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { name: string; devDependencies: Record<string, string> };
let dir: string;
let prefix: string;
let empty: string;
let server: ChildProcess | undefined;

/** The environment of a user's shell with the prefix's bin first; npm's own run variables (`npm test`) left out. */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  return { ...env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, ASTERISM_LANG: 'en' };
}

const asterism = (args: string[], timeout: number) =>
  execFileSync(join(prefix, 'bin', 'asterism'), args, { cwd: empty, env: userEnv(), encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(!run)('the packed tarball, installed globally into a fresh prefix', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'asterism-install-'));
    prefix = join(dir, 'prefix');
    empty = join(dir, 'empty');
    mkdirSync(prefix);
    mkdirSync(empty);
    execFileSync('npm', ['pack', '--pack-destination', dir], { env: userEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const filename = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(filename).toBeDefined();
    // an absolute path: npm reads a bare "dir/x.tgz" as a GitHub repository
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(dir, filename ?? '')],
      { env: userEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  }, 600_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the install holds the built CLI and dashboard, and no development dependency', () => {
    const installed = join(prefix, 'lib', 'node_modules', ...pkg.name.split('/'));
    expect(existsSync(join(installed, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(installed, 'web', 'dist', 'index.html'))).toBe(true);
    // no sources: bin/asterism.js runs dist/cli, never the TypeScript through tsx
    expect(existsSync(join(installed, 'src'))).toBe(false);
    const modules = join(installed, 'node_modules');
    const present = readdirSync(modules).flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n]));
    // type declarations are never loaded at run time (a runtime dependency may bring @types/node along)
    expect(present.filter((n) => n in pkg.devDependencies && !n.startsWith('@types/'))).toEqual([]);
    // and what the CLI could wrongly reach for from a checkout: the TypeScript runner and the build tools
    for (const tool of ['tsx', 'typescript', 'esbuild', 'vite', 'vitest']) expect(present).not.toContain(tool);
  });

  test('asterism --help, from an empty folder', () => {
    expect(asterism(['--help'], 60_000)).toMatch(/^Usage: asterism/);
  });

  test('asterism demo, then asterism serve answers the dashboard page and the API', async () => {
    const demo = JSON.parse(asterism(['demo', '--json'], 1_200_000)) as { files: { status: string }[] };
    expect(demo.files.length).toBeGreaterThan(0);
    expect(demo.files.filter((f) => f.status === 'error')).toEqual([]);
    expect(existsSync(join(empty, 'asterism.duckdb'))).toBe(true);

    const url = await new Promise<string>((done, fail) => {
      server = spawn(join(prefix, 'bin', 'asterism'), ['serve', '--port', '0'], { cwd: empty, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const read = (d: Buffer) => {
        out += d.toString();
        const found = /at (http:\/\/\S+)/.exec(out)?.[1];
        if (found) done(found);
      };
      server.stdout?.on('data', read);
      server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
    });
    // the built dashboard, not only the API: its HTML at a page path, and the script it loads
    const page = await fetch(`${url}/overview`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/index-.+\.js$/);
    const js = await fetch(`${url}${script}`);
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(10_000);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
    const sessions = await (await fetch(`${url}/api/query?metric=sessions&from=2026-10-01&to=2026-10-31`)).json() as { rows: { sessions: number }[] };
    expect(sessions.rows[0]?.sessions).toBeGreaterThan(0);
  }, 1_500_000);
});

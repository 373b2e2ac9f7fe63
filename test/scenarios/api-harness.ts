import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { createApi, type ApiOptions } from '../../src/server/app.ts';
import { loadMetricScenario } from './metric-scenario.ts';

type Api = ReturnType<typeof createApi>;

/** Folders the harness's server may read by path, as a user would allow them with --import-dir: the
 * fixtures and the temporary folders tests write their files to. */
const testImportDirs = [resolve('test/fixtures'), resolve('../shared/fixtures'), tmpdir()];

/** The app, its `request` sending what the dashboard and the CLI send with every request
 * (`X-Asterism-Request: 1`); the trust tests (src/server/trust.test.ts) ask without it. */
function asTheDashboard(app: Api): Api {
  const request: Api['request'] = (input, init, ...rest) => {
    // a Headers object, so a test's own `x-asterism-request` replaces this one instead of joining it ("1, 1")
    const headers = new Headers(init?.headers);
    if (!headers.has('X-Asterism-Request')) headers.set('X-Asterism-Request', '1');
    return app.request(input, { ...init, headers }, ...rest);
  };
  return Object.assign(Object.create(app) as Api, { request });
}

/**
 * The HTTP API in-process (Hono's `app.request`, no server) on a fresh database file holding the
 * metric scenario (test/scenarios/metric-scenario.ts): registers its set-up and clean-up in the
 * calling test file. Read `api` and `asterism` inside tests (they exist once `beforeAll` ran).
 */
export function apiOnMetricScenario(name: string, options: ApiOptions = {}): { readonly api: Api; readonly asterism: LocalAsterism; readonly dir: string } {
  let dir = '';
  let asterism: LocalAsterism | undefined;
  let api: Api | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `asterism-${name}-`));
    asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
    await loadMetricScenario(asterism.db);
    api = asTheDashboard(createApi(asterism, { importDirs: testImportDirs, ...options }));
  });
  afterAll(async () => {
    await asterism?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the API harness is read before its beforeAll ran');
    return v;
  };
  return { get api() { return ready(api); }, get asterism() { return ready(asterism); }, get dir() { return dir; } };
}

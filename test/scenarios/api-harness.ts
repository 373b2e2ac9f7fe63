import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { createApi } from '../../src/server/app.ts';
import { loadMetricScenario } from './metric-scenario.ts';

/**
 * The HTTP API in-process (Hono's `app.request`, no server) on a fresh database file holding the
 * metric scenario (test/scenarios/metric-scenario.ts): registers its set-up and clean-up in the
 * calling test file. Read `api` and `asterism` inside tests (they exist once `beforeAll` ran).
 */
export function apiOnMetricScenario(name: string): { readonly api: ReturnType<typeof createApi>; readonly asterism: LocalAsterism; readonly dir: string } {
  let dir = '';
  let asterism: LocalAsterism | undefined;
  let api: ReturnType<typeof createApi> | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `asterism-${name}-`));
    asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
    await loadMetricScenario(asterism.db);
    api = createApi(asterism);
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

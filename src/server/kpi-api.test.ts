import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kpiExplainDir, kpiExplainImports } from '../../test/scenarios/kpi-explain-scenario.ts';
import { LocalAsterism } from '../app/local.ts';
import { createApi } from './app.ts';

/** The KPI explanation, unlock and history routes, from the operations table, in-process. */
let dir: string;
let asterism: LocalAsterism;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-api-'));
  asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
  for (const [files, options] of kpiExplainImports) await asterism.importFiles(files.map((f) => join(kpiExplainDir, f)), options);
  api = createApi(asterism);
});
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) => api.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'X-Asterism-Request': '1' } });

test('GET /api/kpi/explain and /api/kpi/status?explain=true', async () => {
  const res = await api.request('/api/kpi/explain?period=2026-10&kpi=sales');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { explanations: { gap: unknown; sales: { vs_previous: unknown } }[] };
  // 1472.00 − 2000 and − 1750.00; the parts of −278.00 (src/app/kpi-explain.test.ts)
  expect(body.explanations[0]).toMatchObject({ gap: { vs_target: -528, vs_previous: -278 }, sales: { vs_previous: { traffic: 104.28, conversion: -359.06, price: -23.22 } } });
  const status = (await (await api.request('/api/kpi/status?period=2026-10&explain=true')).json()) as { rows: { kpi: string; explanation: object | null }[] };
  expect(status.rows.map((r) => [r.kpi, r.explanation !== null])).toEqual([['ctr', true], ['sales', true]]);
});

test('POST /api/kpi/lock, /api/kpi/unlock (a reason and a user are required), GET /api/kpi/history', async () => {
  expect((await post('/api/kpi/lock', { period: '2026-10', user: 'zhang' })).status).toBe(200);
  const refused = await post('/api/kpi/unlock', { period: '2026-10', user: 'zhang' });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/reason/);
  expect((await post('/api/kpi/unlock', { period: '2026-10', user: 'zhang', reason: 'targets revised' })).status).toBe(200);
  const history = (await (await api.request('/api/kpi/history?period=2026-10')).json()) as { events: { action: string; user: string }[]; locked: boolean };
  expect(history).toMatchObject({ locked: false, events: [{ action: 'lock', user: 'zhang' }, { action: 'unlock', user: 'zhang' }] });
});

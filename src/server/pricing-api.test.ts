import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../app/local.ts';
import { createApi } from './app.ts';

/** The pricing operations over HTTP, in-process: the same table the CLI uses. */
let dir: string;
let asterism: LocalAsterism;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-price-api-'));
  asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
  writeFileSync(join(dir, 'products.csv'), 'sku,asin,category,length,width,height,dimension_unit,weight,weight_unit\nMAT-1,B0MAT00001,home_kitchen,10,6,0.5,in,5,oz\n');
  writeFileSync(join(dir, 'costs.csv'), 'sku,effective_from,currency,unit_cost,marketplace\nMAT-1,2026-01-01,USD,8,US\n');
  await asterism.importFiles([join(dir, 'products.csv'), join(dir, 'costs.csv')], {});
  api = createApi(asterism);
});
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: object, method = 'POST') => api.request(path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'X-Asterism-Request': '1' } });

test('suggest, list, approve, log, rules and fee estimate over HTTP', async () => {
  const rules = await post('/api/price/rules', { ceiling: 17 }, 'PUT');
  expect(rules.status).toBe(200);
  const res = await post('/api/price/suggest', { sku: 'MAT-1', date: '2026-03-01', target_margin: 0.2 });
  expect(res.status).toBe(200);
  const s = (await res.json()) as { id: number; suggested_price: number; rules_applied: string[] };
  // target 17.62 (11.45 / 0.65) capped by the 17 ceiling
  expect(s).toMatchObject({ suggested_price: 17, rules_applied: ['ceiling'] });
  const list = (await (await api.request('/api/price/suggestions?status=pending')).json()) as { suggestions: { id: number }[] };
  expect(list.suggestions.map((x) => x.id)).toEqual([s.id]);
  expect((await post('/api/price/approve', { id: s.id, user: 'web', note: 'ok' })).status).toBe(200);
  const twice = await post('/api/price/approve', { id: s.id });
  expect(twice.status).toBe(400);
  const log = (await (await api.request(`/api/price/decisions?id=${s.id}`)).json()) as { decisions: unknown[] };
  expect(log.decisions).toMatchObject([{ action: 'approve', user: 'web', note: 'ok' }]);
  const fees = (await (await api.request('/api/fees/estimate?sku=MAT-1&marketplace=US&date=2026-03-01&price=15')).json()) as { estimate: unknown };
  expect(fees.estimate).toMatchObject({ referral: '2.25', fulfilment: '3.45', total: '5.70', basis: 'table' });
  const missing = await post('/api/price/suggest', { sku: 'NOPE', marketplace: 'US' });
  expect(missing.status).toBe(404);
  const doc = (await (await api.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/price/suggest', '/api/price/approve', '/api/price/export', '/api/fees/estimate']));
});

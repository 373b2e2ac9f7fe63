import { expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

// The scenario's numbers are worked out in src/metrics/compiler.test.ts ("profit").
const harness = apiOnMetricScenario('profit-api');

test('GET /api/profit: the profit operation over HTTP, with its basis', async () => {
  const res = await harness.api.request('/api/profit?by=sku&basis=posted&from=2026-10-01&to=2026-10-31');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { basis: string; rows: Record<string, unknown>[] };
  expect(body.basis).toBe('posted');
  // S3 (DE): 47.60 / 1.19 = 40.00; net 18.04 as in the compiler test
  expect(body.rows.find((r) => r.sku === 'S3')).toMatchObject({ currency: 'EUR', revenue: 40, net_profit: 18.04 });
  const bad = await harness.api.request('/api/profit?basis=cash');
  expect(bad.status).toBe(400);
});

test('PUT and GET /api/costs', async () => {
  const put = await harness.api.request('/api/costs', {
    method: 'PUT', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sku: 'S9', effective_from: '2026-10-01', currency: 'cny', unit_cost: 12.5, marketplace: 'us' }),
  });
  expect(put.status).toBe(200);
  expect(((await put.json()) as { cost: unknown }).cost).toMatchObject({ sku: 'S9', currency: 'CNY', unit_cost: '12.5', marketplace: 'US' });
  const list = (await (await harness.api.request('/api/costs?sku=S9')).json()) as { costs: unknown[] };
  expect(list.costs).toHaveLength(1);
});

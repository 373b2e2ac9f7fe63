import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

const harness = apiOnMetricScenario('api');

describe('HTTP API (in-process)', () => {
  test('GET /api/health', async () => {
    const res = await harness.api.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  test('GET /api/metrics answers the same catalog as the CLI', async () => {
    const body = (await (await harness.api.request('/api/metrics')).json()) as { metrics: { id: string }[] };
    expect(body.metrics.map((m) => m.id)).toContain('net_margin');
  });

  test('GET /api/query with repeated metric and by parameters', async () => {
    const res = await harness.api.request('/api/query?metric=sessions&metric=buy_box_pct&by=asin&from=2026-10-01&to=2026-10-31&marketplace=US');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[] };
    // A1: sessions 100 + 50; Buy Box (0.90 × 150 + 0.50 × 50) / 200 = 0.8
    expect(body.rows[0]).toMatchObject({ asin: 'A1', sessions: 150, buy_box_pct: 0.8 });
  });

  test.each([
    ['/api/query', 400, 'bad_request'],
    ['/api/query?metric=nope', 400, 'unknown_metric'],
    ['/api/query?metric=sales&by=colour', 400, 'unknown_dimension'],
    ['/api/query?metric=sales&from=yesterday', 400, 'bad_date'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await harness.api.request(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  test('POST /api/import reads files on the server, GET /api/sources lists them', async () => {
    const file = resolve('test/fixtures/ingest/br-child-uk-2025-sku.csv');
    const res = await harness.api.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [file], from: '2026-10-01', to: '2026-10-07' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: { status: string; marketplace: string }[] }).files).toMatchObject([{ status: 'imported', marketplace: 'UK' }]);
    const sources = (await (await harness.api.request('/api/sources')).json()) as { sources: { type: string }[] };
    expect(sources.sources.map((s) => s.type)).toEqual(['business_report_child']);
    const bad = await harness.api.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [], from: 'Oct 1' }) });
    expect(bad.status).toBe(400);
  });

  test('POST /api/upload imports dropped files under their own names', async () => {
    const form = new FormData();
    form.append('files', new File([readFileSync(resolve('test/fixtures/ingest/br-child-de.csv'))], 'BusinessReport-Nov.csv'));
    form.append('marketplace', 'DE');
    form.append('from', '2026-11-01');
    form.append('to', '2026-11-07');
    const res = await harness.api.request('/api/upload', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'BusinessReport-Nov.csv', status: 'imported', marketplace: 'DE', type: 'business_report_child' }]);
    const none = await harness.api.request('/api/upload', { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
  });

  test('PUT /api/fx adds dated rates, GET /api/fx lists them; a bad currency or date is a 400', async () => {
    const put = (rates: unknown) => harness.api.request('/api/fx', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rates }) });
    expect((await put([{ date: '2026-11-01', base: 'GBP', quote: 'CNY', rate: '9.1' }])).status).toBe(200); // exact: the rate travels as text
    const listed = (await (await harness.api.request('/api/fx')).json()) as { rates: { date: string; base: string; quote: string; rate: string }[] };
    const gbp = listed.rates.find((r) => r.date === '2026-11-01' && r.base === 'GBP' && r.quote === 'CNY');
    expect(Number(gbp?.rate)).toBe(9.1);
    const bad = await put([{ date: '11/01/2026', base: 'GB', quote: 'CNY', rate: '9.1' }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    expect((await put([])).status).toBe(400); // at least one rate
  });

  test('GET /api/openapi.json describes the routes', async () => {
    const doc = (await (await harness.api.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/metrics', '/api/query']));
  });
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdsFiles } from '../../test/scenarios/ads-files.ts';
import { LocalAsterism } from '../app/local.ts';
import { createApi } from './app.ts';

/** The ads workbench over HTTP, in-process: the same operations table the CLI uses (test/scenarios/ads-files.ts). */
let dir: string;
let asterism: LocalAsterism;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-ads-api-'));
  asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
  await asterism.importFiles(writeAdsFiles(dir), {});
  api = createApi(asterism);
}, 120_000);
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (path: string, body: object, method = 'POST', marked = true) => api.request(path, {
  method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(marked ? { 'X-Asterism-Request': '1' } : {}) },
});

test('target, terms, approve, export over HTTP; a change without X-Asterism-Request is refused', async () => {
  expect((await send('/api/ads/targets', { sku: 'MAT-1', target_acos: '0.25' }, 'PUT')).status).toBe(200);
  expect((await send('/api/ads/terms', {}, 'POST', false)).status).toBe(403);
  const terms = (await (await send('/api/ads/terms', {})).json()) as { suggestions: { id: number; kind: string; change: { bid: string } }[] };
  // bath mat non slip at 0.25 × 120 ÷ 20 = 1.50
  expect(terms.suggestions[0]).toMatchObject({ kind: 'harvest_keyword', change: { bid: '1.50' }, status: 'pending' });
  const id = terms.suggestions[0]!.id;
  const approved = await send('/api/ads/approve', { id, reason: 'converts', user: 'web' });
  expect(approved.status).toBe(200);
  expect((await send('/api/ads/approve', { id })).status).toBe(400);
  const list = (await (await api.request('/api/ads/suggestions?status=approved')).json()) as { suggestions: { id: number; decided_by: string; note: string }[] };
  expect(list.suggestions).toMatchObject([{ id, decided_by: 'web', note: 'converts' }]);
  const file = (await (await send('/api/ads/export', {})).json()) as { count: number; file_base64: string };
  expect(file.count).toBe(1);
  // an XLSX is a zip: PK
  expect(Buffer.from(file.file_base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  const doc = (await (await api.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/ads/')).sort()).toEqual([
    '/api/ads/approve', '/api/ads/bids', '/api/ads/budgets', '/api/ads/decisions', '/api/ads/export', '/api/ads/hierarchy',
    '/api/ads/negatives', '/api/ads/reject', '/api/ads/suggestions', '/api/ads/targets', '/api/ads/terms',
  ]);
}, 120_000);

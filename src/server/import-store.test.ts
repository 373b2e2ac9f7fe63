import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAsterism } from '../app/local.ts';
import { createApi } from './app.ts';

/** Issue 27 over HTTP: a request naming no store gets the one store, or a 400 listing the stores before anything queues. */
const fixture = resolve('test/fixtures/ingest/br-child-de.csv');
const week = { marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' };
const headers = { 'X-Asterism-Request': '1' };
let dir: string;
let asterism: LocalAsterism;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-import-store-'));
  asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
  api = createApi(asterism, { importDirs: [resolve('test/fixtures')] });
});
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('files', new File([readFileSync(fixture)], 'BusinessReport.csv'));
  return f;
}
const upload = (fields: Record<string, string>, lang = 'en') => api.request('/api/upload', { method: 'POST', body: form(fields), headers: { ...headers, 'accept-language': lang } });
const importByPath = (body: Record<string, unknown>) => api.request('/api/import', { method: 'POST', body: JSON.stringify({ files: [fixture], ...week, ...body }), headers: { ...headers, 'content-type': 'application/json' } });
const storeOf = async (res: Response) => ((await res.json()) as { files: { store: string; status: string }[] }).files[0];
const uploadsLeft = () => (existsSync(`${asterism.db.path}.uploads`) ? readdirSync(`${asterism.db.path}.uploads`) : []);

describe('the store of an upload or a path import that names none', () => {
  test('one store (acme, imported with its name): an upload without a store goes there', async () => {
    expect(await storeOf(await importByPath({ store: 'acme', from: '2026-10-01', to: '2026-10-07' }))).toMatchObject({ status: 'imported', store: 'acme' });
    // the same bytes: unchanged in acme (into any other store they would be imported anew)
    const res = await upload(week);
    expect(res.status).toBe(200);
    expect(await storeOf(res)).toMatchObject({ status: 'unchanged', store: 'acme' });
  });

  test('two stores: 400 listing them in the caller\'s language, nothing queued or kept', async () => {
    expect(await storeOf(await importByPath({ store: 'shop2' }))).toMatchObject({ status: 'imported', store: 'shop2' });
    const zh = await upload({ ...week, from: '2026-11-08', to: '2026-11-14' }, 'zh-CN');
    expect(zh.status).toBe(400);
    const error = ((await zh.json()) as { error: { code: string; message: string; message_en: string } }).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('数据库中已有店铺 acme, shop2');
    expect(error.message_en).toContain('This database holds stores acme, shop2: give one with --store');
    expect(uploadsLeft()).toEqual([]);
    const byPath = await importByPath({ from: '2026-11-08', to: '2026-11-14' });
    expect(byPath.status).toBe(400);
    // nothing landed in a store of its own making: acme and shop2 hold one import each
    const sources = ((await (await api.request('/api/sources')).json()) as { sources: { store: string }[] }).sources;
    expect(sources.map((s) => s.store).sort()).toEqual(['acme', 'shop2']);
    expect(await storeOf(await upload({ ...week, store: 'shop2' }))).toMatchObject({ status: 'unchanged', store: 'shop2' });
  });
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../app/local.ts';
import { createApi } from './app.ts';

/** The alerts routes from the operations table, in-process: state changes need the request header; URLs and secrets never come back. */
let dir: string;
let asterism: LocalAsterism;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-alerts-api-'));
  asterism = await LocalAsterism.open(join(dir, 'api.duckdb'));
  api = createApi(asterism);
});
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = { name: 'ops', type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key-123', role: 'operator' };
const json = { 'content-type': 'application/json' };

test('POST /api/alerts/channels needs X-Asterism-Request; GET lists it without its URL', async () => {
  const refused = await api.request('/api/alerts/channels', { method: 'POST', body: JSON.stringify(channel), headers: json });
  expect(refused.status).toBe(403);
  const added = await api.request('/api/alerts/channels', { method: 'POST', body: JSON.stringify(channel), headers: { ...json, 'X-Asterism-Request': '1' } });
  expect(added.status).toBe(200);
  const listed = await (await api.request('/api/alerts/channels')).text();
  expect(listed).toContain('"name":"ops"');
  expect(listed).not.toContain('wecom-key-123');
  const bad = await api.request('/api/alerts/channels', { method: 'POST', body: JSON.stringify({ ...channel, type: 'pager' }), headers: { ...json, 'X-Asterism-Request': '1' } });
  expect(bad.status).toBe(400);
});

test('GET /api/alerts answers the open alerts (none yet) and the failing channels', async () => {
  const res = await api.request('/api/alerts?state=open');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ alerts: [], failing: [] });
});

test('POST /api/alerts/run on an empty database says there is no data yet', async () => {
  const res = await api.request('/api/alerts/run', { method: 'POST', body: '{}', headers: { ...json, 'X-Asterism-Request': '1' } });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(JSON.stringify(await res.json())).toMatch(/no data|没有数据|import/i);
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { LocalAsterism } from './local.ts';

/**
 * Issue 15.9: an empty answer says why. The profit scenario (test/scenarios/profit-files.ts) has orders
 * from 2026-01-30 (O-US-1) to 2026-02-26 (O-US-5) and no Business Report: its data covers 2026-01-30 – 2026-02-26.
 */
let dir: string;
let api: LocalAsterism;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-empty-'));
  api = await LocalAsterism.open(join(dir, 'empty.duckdb'));
  await api.importFiles(writeProfitFiles(dir).filter((f) => !isSbCampaignFile(f)), {});
  await api.setFxRates(profitFxRates);
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const noData = <P extends { code: string }>(problems: readonly P[]) => problems.filter((p) => p.code === 'no_data');

test('a query after the data names where the nearest data ends (query: CLI and GET /api/query)', async () => {
  const answer = await api.query({ metrics: ['sales'], from: '2026-05-01', to: '2026-05-31' });
  expect(answer.rows).toEqual([{ currency: null, sales: null }].map((r) => expect.objectContaining(r)));
  expect(noData(answer.problems)).toEqual([expect.objectContaining({
    severity: 'warning',
    message_en: 'no data in 2026-05-01 – 2026-05-31: the nearest data ends 2026-02-26 (the data covers 2026-01-30 – 2026-02-26)',
    message_zh: '2026-05-01 – 2026-05-31 没有数据：最近的数据截至 2026-02-26（数据范围 2026-01-30 – 2026-02-26）',
  })]);
  // February has sales (25.00 + 30.00 + 30.00 + 15.00 in USD, 23.80 in EUR): no such problem
  expect(noData((await api.query({ metrics: ['sales'], from: '2026-02-01', to: '2026-02-28' })).problems)).toEqual([]);
});

test('profit before the data names where it starts', async () => {
  const answer = await api.run('profit', { by: ['sku'], from: '2025-12-01', to: '2025-12-31' });
  expect(answer.rows).toEqual([]);
  expect(noData(answer.problems).map((p) => p.message)).toEqual([
    'no data in 2025-12-01 – 2025-12-31: the nearest data starts 2026-01-30 (the data covers 2026-01-30 – 2026-02-26)',
  ]);
});

test('a funnel for a marketplace without rows inside the data\'s range says the selection is empty', async () => {
  const answer = await api.run('funnel', { from: '2026-02-01', to: '2026-02-28', marketplace: 'JP' });
  expect(answer.rows).toEqual([]);
  expect(answer.problems.map((p) => p.message_zh)).toEqual([
    '所选范围在 2026-02-01 – 2026-02-28 没有数据（数据范围 2026-01-30 – 2026-02-26）：请放宽日期或清除筛选条件',
  ]);
});

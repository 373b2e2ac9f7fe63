import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { importFiles } from '../ingest/import-files.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { answerQuery } from './answer-query.ts';
import { demoFxRates } from './demo.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.8: a rate more than 31 days older than the day it converts is `fx_stale`, naming its date.
 * The profit scenario (test/scenarios/profit-files.ts: US and DE, orders January–February 2026, costs in CNY)
 * with an FX table of one rate per pair, 2026-01-01, as the demo had one (2024-01-01) for all of 2026:
 * 2026-01-01 + 31 days = 2026-02-01, the last day it is fresh; from 2026-02-02 it is stale.
 */
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-fx-stale-'));
  db = await Database.open(join(dir, 'fx.duckdb'));
  const files = writeProfitFiles(dir);
  await importFiles(db, files.filter((f) => !isSbCampaignFile(f)));
  await setFxRates(db, [{ date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.00' }, { date: '2026-01-01', base: 'EUR', quote: 'CNY', rate: '8.00' }]);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const staleOf = <P extends { code: string }>(problems: readonly P[]) => problems.filter((p) => p.code === 'fx_stale');

test('sales converted into CNY in February with the rates of January 1st: fx_stale names the rates and the days', async () => {
  const answer = await answerQuery(db, { metrics: ['sales'], from: '2026-02-01', to: '2026-02-28', currency: 'CNY' });
  // the orders of 02-03 (DE) and 02-10 … 02-26 (US) are converted with rates 33 and more days old
  expect(staleOf(answer.problems)).toEqual([expect.objectContaining({
    severity: 'warning',
    message_en: 'converted with FX rates older than 31 days: EUR→CNY of 2026-01-01 (used 2026-02-02 – 2026-02-28), '
      + 'USD→CNY of 2026-01-01 (used 2026-02-02 – 2026-02-28); add current rates to the FX table (asterism fx set)',
    message_zh: '折算使用了超过 31 天的汇率：EUR→CNY 2026-01-01 的汇率（用于 2026-02-02 – 2026-02-28），'
      + 'USD→CNY 2026-01-01 的汇率（用于 2026-02-02 – 2026-02-28）；请在汇率表中添加当期汇率（asterism fx set）',
  })]);
  // the monthly review converted into CNY carries it among its data notes (数据提示), in both languages
  const review = await runOperation(db, 'report', { kind: 'monthly', period: '2026-02', currency: 'CNY' });
  expect(review.problems.filter((p) => p.en.startsWith('converted with FX rates older than 31 days: EUR→CNY of 2026-01-01'))).toHaveLength(1);
  expect(review.problems.filter((p) => p.zh.startsWith('折算使用了超过 31 天的汇率'))).toHaveLength(1);
  // January: every day within 31 days of its rate (01-30's order is 29 days after it); unconverted answers say nothing
  expect(staleOf((await answerQuery(db, { metrics: ['sales'], from: '2026-01-01', to: '2026-01-31', currency: 'CNY' })).problems)).toEqual([]);
  expect(staleOf((await answerQuery(db, { metrics: ['sales'], from: '2026-02-01', to: '2026-02-28' })).problems)).toEqual([]);
});

test('profit: costs in CNY converted into USD and EUR with a stale rate are fx_stale, in each marketplace currency', async () => {
  const answer = await runOperation(db, 'profit', { by: ['sku'], from: '2026-02-01', to: '2026-02-28' });
  // US-MAT's cost 70 CNY for the order of 02-10 is converted with the 01-01 rate (40 days old)
  expect(staleOf(answer.problems).map((p) => p.message)).toEqual([
    'converted with FX rates older than 31 days: CNY→EUR of 2026-01-01 (used 2026-02-02 – 2026-02-28), '
    + 'CNY→USD of 2026-01-01 (used 2026-02-02 – 2026-02-28); add current rates to the FX table (asterism fx set)',
  ]);
  // a rate on February 1st for each pair makes every day of February fresh again
  await setFxRates(db, [{ date: '2026-02-01', base: 'USD', quote: 'CNY', rate: '7.20' }, { date: '2026-02-01', base: 'EUR', quote: 'CNY', rate: '8.00' }]);
  expect(staleOf((await runOperation(db, 'profit', { by: ['sku'], from: '2026-02-01', to: '2026-02-28' })).problems)).toEqual([]);
  expect(staleOf((await answerQuery(db, { metrics: ['sales'], from: '2026-02-01', to: '2026-02-28', currency: 'CNY' })).problems)).toEqual([]);
});

test('the demo writes a rate on the first of every month it covers', () => {
  // 2025-09-28 … 2026-10-31: September 2025 to October 2026 is 14 months × USD, EUR, JPY = 42 rates
  const rates = demoFxRates('2025-09-28', '2026-10-31');
  expect(rates).toHaveLength(42);
  expect(rates[0]).toEqual({ date: '2025-09-01', base: 'USD', quote: 'CNY', rate: '7.12' });
  expect(rates.at(-1)).toEqual({ date: '2026-10-01', base: 'JPY', quote: 'CNY', rate: '0.0472' });
});

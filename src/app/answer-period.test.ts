import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { LocalAsterism } from './local.ts';

/**
 * Issue 15.7: spec/cli.md keeps "no --from/--to means all dates", and the answer says which dates those
 * are. The profit scenario (test/scenarios/profit-files.ts): orders US 2026-01-30 … 02-26, DE 02-03;
 * settlement lines posted US 02-02 … 02-21, DE 02-06 and 02-20; SP ads 02-10 and 02-12; storage fees for
 * January and February (each covers its month); a payout 02-15.
 */
let dir: string;
let api: LocalAsterism;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-period-'));
  api = await LocalAsterism.open(join(dir, 'period.duckdb'));
  await api.importFiles(writeProfitFiles(dir).filter((f) => !isSbCampaignFile(f)), {});
  await api.setFxRates(profitFxRates);
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

test('query without dates: all dates, from the first to the last day of the data its metrics read', async () => {
  // sales read the Business Report (none here) and order items: 2026-01-30 (O-US-1) … 2026-02-26 (O-US-5)
  expect((await api.query({ metrics: ['sales'] })).period).toEqual({
    from: '2026-01-30', to: '2026-02-26', basis: 'all_dates',
    note: { en: 'all dates: 2026-01-30 – 2026-02-26 (no --from/--to given)', zh: '全部日期：2026-01-30 – 2026-02-26（未指定 --from/--to）' },
  });
  // ad spend reads the ads reports only: 2026-02-10 … 02-12, not the orders' dates
  expect((await api.query({ metrics: ['ad_spend'] })).period).toMatchObject({ from: '2026-02-10', to: '2026-02-12', basis: 'all_dates' });
  // in DE, sales are one order: 2026-02-03
  expect((await api.query({ metrics: ['sales'], marketplace: 'DE' })).period).toMatchObject({ from: '2026-02-03', to: '2026-02-03' });
});

test('one end given: the other is the data\'s, said so; both given: nothing to say', async () => {
  expect((await api.query({ metrics: ['sales'], from: '2026-02-01' })).period).toEqual({
    from: '2026-02-01', to: '2026-02-26', basis: 'from_only',
    note: { en: '2026-02-01 – 2026-02-26, the last day with data (no --to given)', zh: '2026-02-01 – 2026-02-26（最后一天有数据的日期；未指定 --to）' },
  });
  expect((await api.query({ metrics: ['sales'], to: '2026-02-15' })).period).toMatchObject({ from: '2026-01-30', to: '2026-02-15', basis: 'to_only' });
  expect((await api.query({ metrics: ['sales'], from: '2026-02-01', to: '2026-02-28' })).period).toEqual({ from: '2026-02-01', to: '2026-02-28', basis: 'given', note: null });
});

test('profit without dates: its dates depend on the basis', async () => {
  // US: the storage fee report charges January (2026-01-01 …) and February (… 2026-02-28)
  expect((await api.run('profit', { marketplace: 'US', by: ['marketplace'] })).period).toMatchObject({ from: '2026-01-01', to: '2026-02-28', basis: 'all_dates' });
  // DE, order basis: the order 2026-02-03, its refund posted 2026-02-20; posted basis: postings 2026-02-06 … 02-20
  const de = await api.run('profit', { marketplace: 'DE', by: ['marketplace'] });
  expect(de.period.note?.en).toBe('all dates: 2026-02-03 – 2026-02-20 (no --from/--to given)');
  expect((await api.run('profit', { marketplace: 'DE', by: ['marketplace'], basis: 'posted' })).period).toMatchObject({ from: '2026-02-06', to: '2026-02-20' });
});

test('funnel and diagnose without dates say their dates too', async () => {
  // the funnel reads orders (2026-01-30 … 02-26) and ads (02-10 … 02-12), among sources with no rows here
  const funnel = await api.run('funnel', {});
  expect(funnel.period).toMatchObject({ from: '2026-01-30', to: '2026-02-26', basis: 'all_dates' });
  const diagnosis = await api.run('diagnose', {});
  expect(diagnosis.period.note?.zh).toBe('全部日期：2026-01-30 – 2026-02-26（未指定 --from/--to）');
});

test('a diagnosis of a period without data says why it found nothing, naming the nearest data', async () => {
  const answer = await api.run('diagnose', { from: '2026-05-01', to: '2026-05-31' });
  expect(answer.findings).toEqual([]);
  expect(answer.no_findings).toMatchObject({
    reason: 'no_funnels', funnels: 0,
    en: 'no findings: no data in 2026-05-01 – 2026-05-31: the nearest data ends 2026-02-26 (the data covers 2026-01-30 – 2026-02-26)',
    zh: '没有诊断结果：2026-05-01 – 2026-05-31 没有数据：最近的数据截至 2026-02-26（数据范围 2026-01-30 – 2026-02-26）',
  });
  expect(answer.problems.map((p) => p.code)).toEqual(['no_data']);
  // over all dates there are findings (each advertised ASIN: 10 ad clicks, 0 ad orders, below the 8 % order benchmark)
  const all = await api.run('diagnose', {});
  // ranked by money at stake, largest first (issue 27): 10 clicks × (8 % − 0 %) = 0.8 orders lost, priced at each
  // ASIN's average selling price in the data: the rug's 24 before the mat's 20
  expect(all.findings.map((f) => [f.scope.asin, f.stage, f.value, f.at_stake?.amount ?? null])).toEqual([['B0USRUG001', 'order', 0, 24], ['B0USMAT001', 'order', 0, 20]]);
  expect(all.no_findings).toBeNull();
});

test('a diagnosis whose only low stages are in listings\' first 30 days says so', async () => {
  // February: the ASINs first sold 2026-01-30 (O-US-1) or later, 2 days before 2026-02-01: in their first 30 days only
  // click and cart are diagnosed. Their ad CTR 10 / 1000 = 1 % is not low; their order stage (0 of 10 clicks) is
  const february = await api.run('diagnose', { from: '2026-02-01', to: '2026-02-28' });
  expect(february.findings).toEqual([]);
  expect(february.no_findings).toMatchObject({
    reason: 'first_30_days', stages_first_30_days: 2,
    en: 'no findings: the only low stages (2) are in listings\' first 30 days, where only click and cart are diagnosed',
  });
  expect(february.problems).toEqual([]);
});

test('a diagnosis filtered to a tier no listing is in says so, with the funnels there are', async () => {
  // the ASINs first sold 2026-01-30 or later are new on 2026-02-01, and none is marked clearance
  const answer = await api.run('diagnose', { from: '2026-02-01', to: '2026-02-28', tier: 'clearance' });
  const all = await api.run('funnel', { from: '2026-02-01', to: '2026-02-28' });
  expect(answer.no_findings?.en).toBe(`no findings: no listing in the clearance tier has a funnel in this period and scope (${all.rows.length} without the tier filter)`);
});

test('profit --compare: January holds 1 day of orders and postings against 13 of February\'s 28, a partial base', async () => {
  const answer = await api.run('profit', { by: ['marketplace'], from: '2026-02-01', to: '2026-02-28', compare: 'mom' });
  expect(answer.compare).toMatchObject({ kind: 'mom', from: '2026-01-01', to: '2026-01-31' });
  const us = answer.rows.find((r) => r.marketplace === 'US');
  // January, US: the order O-US-1 (2026-01-30, 2 × 25.00 = 50.00), nothing posted: 1 of 31 days.
  // February, US: postings on 02-02, 03, 09, 11, 12, 14, 16, 17, 20, 21 (10 days) and orders on 02-10 (also
  // 02-10's O-US-3), 02-25, 02-26 (3 days): 13 of 28. 1 × 28 < 13 × 31: partial.
  const base = { source: 'orders+settlements', base_days: 1, base_period_days: 31, current_days: 13, current_period_days: 28 };
  expect(us?.partial_base).toMatchObject({ net_profit: base, revenue: base });
  expect(us?.previous).toMatchObject({ revenue: 50 });
  // DE: nothing in January (0 of 31) against 02-03, 02-06 and 02-20 (3 of 28)
  expect(answer.rows.find((r) => r.marketplace === 'DE')?.partial_base).toMatchObject({ net_profit: { base_days: 0, current_days: 3 } });
});

test('the monthly review\'s headline: February\'s net profit against January\'s 1 day of orders is a partial base, not a change', async () => {
  const review = await api.run('report', { kind: 'monthly', period: '2026-02' });
  expect(review.comparisons.map((c) => c.id)).toContain('mom');
  const mom = review.comparisons.findIndex((c) => c.id === 'mom');
  const us = review.headline.find((b) => b.marketplace === 'US' && b.currency === 'USD');
  // as profit --compare mom: January 1 of 31 days (O-US-1's order day), February 13 of 28 (orders and postings)
  expect(us?.partial_base[mom]?.net_profit).toEqual({ source: 'orders+settlements', base_days: 1, base_period_days: 31, current_days: 13, current_period_days: 28 });
});

test('profit --compare without a period is refused, saying a comparison needs one', async () => {
  await expect(api.run('profit', { by: ['marketplace'], compare: 'mom' })).rejects.toThrow('--compare mom needs --from and --to: the period to compare');
});

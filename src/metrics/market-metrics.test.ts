import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { writeOfferSnapshot, writeSalesRanks } from '../store/market-facts.ts';
import { metricById } from './catalog.ts';
import { runQuery } from './query.ts';

/**
 * BSR and offers as catalog metrics (issue 18), on facts written here by the same functions the sync uses:
 * B0MAT1 ranked on 11-01 and 11-03 (SP-API) and by Keepa on 11-03 and 11-04; B0RUG2 on 11-03 only.
 */
let dir: string;
let db: Database;
const day = (date: string, source = 'sp_api') => ({ store: 'acme', marketplace: 'US', date, source });
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-market-metrics-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  const ranks = (asin: string, top: number, sub: number[]) => [
    { asin, kind: 'display_group' as const, category_id: 'home_display_on_website', category: 'Home & Kitchen', rank: top },
    ...sub.map((rank, i) => ({ asin, kind: 'classification' as const, category_id: `node${i}`, category: `Node ${i}`, rank })),
  ];
  await writeSalesRanks(db, day('2026-11-01'), 'B0MAT1', ranks('B0MAT1', 5000, [120, 80]));
  await writeSalesRanks(db, day('2026-11-03'), 'B0MAT1', ranks('B0MAT1', 4000, [90, 60]));
  // Keepa on a day the SP-API has too (the SP-API counts) and on a day it has not
  await writeSalesRanks(db, day('2026-11-03', 'keepa'), 'B0MAT1', [{ asin: 'B0MAT1', kind: 'display_group', category_id: 'keepa_root', category: null, rank: 9999 }]);
  await writeSalesRanks(db, day('2026-11-04', 'keepa'), 'B0MAT1', [{ asin: 'B0MAT1', kind: 'display_group', category_id: 'keepa_root', category: null, rank: 3500 }]);
  await writeSalesRanks(db, day('2026-11-03'), 'B0RUG2', ranks('B0RUG2', 20000, [700]));

  const offers = (asin: string, offers: number, mine: number, holds: boolean) => ({ asin, offers, buy_box_price: '27.49', currency: 'USD', seller_has_buy_box: holds, seller_offers: mine });
  await writeOfferSnapshot(db, day('2026-11-01'), offers('B0MAT1', 1, 1, true));
  await writeOfferSnapshot(db, day('2026-11-02'), offers('B0MAT1', 3, 1, false));
  await writeOfferSnapshot(db, day('2026-11-03'), offers('B0MAT1', 2, 1, false));
  await writeOfferSnapshot(db, day('2026-11-03'), offers('B0RUG2', 1, 1, true));
  // Amazon listed no offer to tell the seller's from others': unknown, not 0
  await writeOfferSnapshot(db, day('2026-11-04'), { asin: 'B0RUG2', offers: 4, buy_box_price: null, currency: null, seller_has_buy_box: null, seller_offers: null });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const value = async (metrics: string[], from: string, to: string, more: Record<string, unknown> = {}) =>
  (await runQuery(db, { metrics, from, to, ...more })).rows;

test('declared once with both names and a direction: a lower rank and fewer hijackers are better', () => {
  for (const id of ['bsr', 'bsr_category', 'offer_count', 'other_seller_offers', 'buy_box_lost_days', 'buy_box_lost_share']) {
    const m = metricById.get(id);
    expect(m, id).toBeDefined();
    expect(m?.zh && m.en).toBeTruthy();
  }
  expect(metricById.get('bsr')).toMatchObject({ direction: 'lower', zh: '大类排名（BSR）' });
  expect(metricById.get('other_seller_offers')?.direction).toBe('lower');
});

test('BSR per ASIN is the last day\'s rank; the SP-API counts over Keepa on the same day; Keepa fills a day it alone has', async () => {
  // 11-01..11-03: the SP-API's 11-03 ranks (4000; best subcategory min(90, 60) = 60), not Keepa's 9999
  expect(await value(['bsr', 'bsr_category'], '2026-11-01', '2026-11-03', { asin: 'B0MAT1' })).toMatchObject([{ bsr: 4000, bsr_category: 60 }]);
  // to 11-04: Keepa's 3500 is the last day; Keepa has no subcategory, so its last day with one is still 60
  expect(await value(['bsr', 'bsr_category'], '2026-11-01', '2026-11-04', { asin: 'B0MAT1' })).toMatchObject([{ bsr: 3500, bsr_category: 60 }]);
  // by day: 11-01 5000, 11-02 none, 11-03 4000
  const byDay = await value(['bsr'], '2026-11-01', '2026-11-03', { asin: 'B0MAT1', by: ['date'] });
  expect(byDay.map((r) => [r.date, r.bsr])).toEqual([['2026-11-01', 5000], ['2026-11-03', 4000]]);
});

test('across ASINs BSR is their average on the last day; offers are summed at the last snapshot', async () => {
  // 11-03: (4000 + 20000) / 2 = 12000; subcategories (60 + 700) / 2 = 380
  expect(await value(['bsr', 'bsr_category'], '2026-11-03', '2026-11-03')).toMatchObject([{ bsr: 12000, bsr_category: 380 }]);
  // 11-03 offers: 2 + 1 = 3; other sellers' (2 − 1) + (1 − 1) = 1
  expect(await value(['offer_count', 'other_seller_offers'], '2026-11-03', '2026-11-03')).toMatchObject([{ offer_count: 3, other_seller_offers: 1 }]);
});

test('hijackers and the Buy Box: days lost, their share of the days checked; unknown stays unknown', async () => {
  // B0MAT1 11-01..11-03: lost on 11-02 and 11-03 = 2 of 3 days checked; the last day's other offers 2 − 1 = 1
  expect(await value(['buy_box_lost_days', 'buy_box_lost_share', 'other_seller_offers'], '2026-11-01', '2026-11-03', { asin: 'B0MAT1' }))
    .toMatchObject([{ buy_box_lost_days: 2, other_seller_offers: 1 }]);
  const [mat] = await value(['buy_box_lost_share'], '2026-11-01', '2026-11-03', { asin: 'B0MAT1' });
  expect(Number(mat?.buy_box_lost_share)).toBeCloseTo(2 / 3, 4);
  // B0RUG2 on 11-04: 4 offers, but whose is unknown: other sellers' offers null, no day checked (share unknown)
  expect(await value(['offer_count', 'other_seller_offers', 'buy_box_lost_share'], '2026-11-04', '2026-11-04', { asin: 'B0RUG2' }))
    .toMatchObject([{ offer_count: 4, other_seller_offers: null, buy_box_lost_share: null }]);
});

test('the same day pulled again replaces its ranks (no key checked against the rows just deleted)', async () => {
  const top = (rank: number) => [{ asin: 'B0MAT1', kind: 'display_group' as const, category_id: 'home_display_on_website', category: 'Home & Kitchen', rank }];
  await writeSalesRanks(db, day('2026-11-05'), 'B0MAT1', top(3000));
  await writeSalesRanks(db, day('2026-11-05'), 'B0MAT1', top(2900));
  expect(await value(['bsr'], '2026-11-05', '2026-11-05', { asin: 'B0MAT1' })).toMatchObject([{ bsr: 2900 }]);
  const [n] = await db.all(`SELECT count(*) AS n FROM sales_ranks WHERE date = '2026-11-05'`);
  expect(Number(n?.n)).toBe(1);
});

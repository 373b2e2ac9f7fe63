import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { addEvent, listEvents, type EventRecord } from '../store/events.ts';
import { detectEvents } from './detect-events.ts';

/**
 * Small canonical rows, one ASIN per rule (store `default`, US, October 2026; 09-27, 10-04 … are Sundays):
 *  B0PRICE001  Business Report 10-01 5 units 100.00 (ASP 20.00), 10-02 5 units 105.00 (21.00: +5.0%)
 *  B0PRICE002  10-01 5 units 100.00 (20.00), 10-02 5 units 104.90 (20.98: +4.9%)
 *  B0STOCK001  snapshots 10-02 available 5, 10-03..10-05 0, 10-06 8
 *  B0BUYBOX01  traffic 10-01 Buy Box 95% → 10-02 60%; 10-03 50 sessions with Buy Box 0
 *  B0ADSJUMP1  advertised-product spend (weekly rows): week of 09-27 100.00, week of 10-04 160.00 (+60%)
 *  B0ADSSMALL  week of 09-27 2.00, week of 10-04 4.00 (+100%, under the USD 5 base)
 *  B0ADSPART1  DE ads start on Thursday 10-08 (10.00), then 100.00 in the week of 10-11: the first week is partial
 *  B0REVIEWS1  one review a day 10-06..10-19 (14 in the 28 days before 10-20: 0.5 a day), 3 on 10-20, 2 on 10-21
 *  B0PROMO001  orders with coupon VPC-10 (item discount −2.00): 2 on 10-10, 1 on 10-11
 *  B0PROMO002  one order on 10-12 with a free-shipping promotion only (no item discount)
 */
const scenario = `
INSERT INTO br_sales (store, marketplace, date_from, date_to, asin, sku, units, order_items, sales, currency, source, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-01', 'B0PRICE001', 'P1', 5, 5, 100.00, 'USD', 'business_report', 1),
  ('default', 'US', '2026-10-02', '2026-10-02', 'B0PRICE001', 'P1', 5, 5, 105.00, 'USD', 'business_report', 1),
  ('default', 'US', '2026-10-01', '2026-10-01', 'B0PRICE002', 'P2', 5, 5, 100.00, 'USD', 'business_report', 1),
  ('default', 'US', '2026-10-02', '2026-10-02', 'B0PRICE002', 'P2', 5, 5, 104.90, 'USD', 'business_report', 1);
INSERT INTO inventory_snapshots (store, marketplace, snapshot_date, source, sku, asin, available, import_id) VALUES
  ('default', 'US', '2026-10-02', 'fba_manage_inventory', 'S1', 'B0STOCK001', 5, 2),
  ('default', 'US', '2026-10-03', 'fba_manage_inventory', 'S1', 'B0STOCK001', 0, 2),
  ('default', 'US', '2026-10-04', 'fba_manage_inventory', 'S1', 'B0STOCK001', 0, 2),
  ('default', 'US', '2026-10-05', 'fba_manage_inventory', 'S1', 'B0STOCK001', 0, 2),
  ('default', 'US', '2026-10-06', 'fba_manage_inventory', 'S1', 'B0STOCK001', 8, 2);
INSERT INTO traffic (store, marketplace, date_from, date_to, asin, sessions, page_views, buy_box_pct, source, import_id) VALUES
  ('default', 'US', '2026-10-01', '2026-10-01', 'B0BUYBOX01', 100, 120, 0.95, 'business_report', 3),
  ('default', 'US', '2026-10-02', '2026-10-02', 'B0BUYBOX01', 100, 120, 0.60, 'business_report', 3),
  ('default', 'US', '2026-10-03', '2026-10-03', 'B0BUYBOX01', 50, 60, 0.00, 'business_report', 3);
INSERT INTO ads (store, marketplace, date_from, date_to, ad_type, level, campaign, advertised_sku, advertised_asin, spend, currency, import_id) VALUES
  ('default', 'US', '2026-09-27', '2026-10-03', 'SP', 'advertised_product', 'C1', 'A1', 'B0ADSJUMP1', 100.00, 'USD', 4),
  ('default', 'US', '2026-10-04', '2026-10-10', 'SP', 'advertised_product', 'C1', 'A1', 'B0ADSJUMP1', 160.00, 'USD', 4),
  ('default', 'US', '2026-09-27', '2026-10-03', 'SP', 'advertised_product', 'C1', 'A2', 'B0ADSSMALL', 2.00, 'USD', 4),
  ('default', 'US', '2026-10-04', '2026-10-10', 'SP', 'advertised_product', 'C1', 'A2', 'B0ADSSMALL', 4.00, 'USD', 4),
  ('default', 'DE', '2026-10-08', '2026-10-08', 'SP', 'advertised_product', 'C2', 'A3', 'B0ADSPART1', 10.00, 'EUR', 4),
  ('default', 'DE', '2026-10-11', '2026-10-17', 'SP', 'advertised_product', 'C2', 'A3', 'B0ADSPART1', 100.00, 'EUR', 4);
INSERT INTO reviews (store, marketplace, asin, review_date, rating, review_key, import_id)
  SELECT 'default', 'US', 'B0REVIEWS1', DATE '2026-10-06' + CAST(i AS INTEGER), 5, 'r' || i, 5 FROM range(14) t(i);
INSERT INTO reviews (store, marketplace, asin, review_date, rating, review_key, import_id) VALUES
  ('default', 'US', 'B0REVIEWS1', '2026-10-20', 5, 's1', 5), ('default', 'US', 'B0REVIEWS1', '2026-10-20', 4, 's2', 5),
  ('default', 'US', 'B0REVIEWS1', '2026-10-20', 5, 's3', 5), ('default', 'US', 'B0REVIEWS1', '2026-10-21', 5, 't1', 5),
  ('default', 'US', 'B0REVIEWS1', '2026-10-21', 5, 't2', 5);
INSERT INTO order_items (store, marketplace, channel, order_id, order_date, order_status, sku, asin, quantity, currency, item_price, item_promotion_discount, promotion_ids, import_id) VALUES
  ('default', 'US', 'amazon', 'O1', '2026-10-10', 'Shipped', 'M1', 'B0PROMO001', 1, 'USD', 20.00, -2.00, 'VPC-10', 6),
  ('default', 'US', 'amazon', 'O2', '2026-10-10', 'Shipped', 'M1', 'B0PROMO001', 1, 'USD', 20.00, -2.00, 'VPC-10', 6),
  ('default', 'US', 'amazon', 'O3', '2026-10-11', 'Shipped', 'M1', 'B0PROMO001', 1, 'USD', 20.00, -2.00, 'VPC-10', 6),
  ('default', 'US', 'amazon', 'O4', '2026-10-12', 'Shipped', 'M2', 'B0PROMO002', 1, 'USD', 20.00, 0.00, 'Core Free Shipping', 6);
`;

let dir: string;
let db: Database;
const october = { from: '2026-10-01', to: '2026-10-31' };
const brief = (events: EventRecord[]) => events.map((e) => [e.asin, e.type, e.date, e.end_date]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-detect-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  await db.run(scenario);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('each rule fires where the data says so, and nowhere else', async () => {
  const answer = await detectEvents(db, october);
  expect(brief(answer.events)).toEqual([
    ['B0BUYBOX01', 'buy_box_drop', '2026-10-02', '2026-10-02'], // 95% → 60%
    ['B0PRICE001', 'price_change', '2026-10-02', '2026-10-02'], // +5.0%; B0PRICE002's +4.9% is none
    ['B0BUYBOX01', 'stockout', '2026-10-03', '2026-10-03'], // 50 sessions, Buy Box 0
    ['B0STOCK001', 'stockout', '2026-10-03', '2026-10-05'], // three days of 0 available: one event
    ['B0ADSJUMP1', 'ad_spend_jump', '2026-10-04', '2026-10-10'], // 100 → 160; B0ADSSMALL's 2 → 4 and B0ADSPART1 are none
    ['B0PROMO001', 'coupon', '2026-10-10', '2026-10-11'], // B0PROMO002's free shipping is none
    ['B0REVIEWS1', 'review_spike', '2026-10-20', '2026-10-20'], // 3 ≥ 3 × 0.5; 10-21's 2 is under 3
  ]);
  expect(answer.events.every((e) => e.origin === 'detected' && e.store === 'default' && e.marketplace === 'US')).toBe(true);
  const note = (asin: string) => answer.events.find((e) => e.asin === asin);
  expect(note('B0PRICE001')).toMatchObject({ note: 'ASP 20.00 → 21.00 (+5.0%)', note_zh: '均价 20.00 → 21.00（+5.0%）' });
  expect(note('B0ADSJUMP1')).toMatchObject({ note: 'Ad spend 100.00 → 160.00 week over week (+60.0%)' });
  // 2 orders on 10-10 + 1 on 10-11
  expect(note('B0PROMO001')).toMatchObject({ note: '3 orders with promotions (VPC-10)', note_zh: '3 笔订单使用促销（VPC-10）' });
  expect(answer).toMatchObject({ removed: 0, added: 7 });
});

test('a re-run replaces the detected events; entered ones stay', async () => {
  await addEvent(db, { date: '2026-10-05', type: 'deal', asin: 'B0PRICE001', marketplace: 'US', note: 'Lightning deal' });
  const again = await detectEvents(db, october);
  expect(again).toMatchObject({ removed: 7, added: 7 });
  const all = await listEvents(db, october);
  expect(all.filter((e) => e.origin === 'detected')).toHaveLength(7);
  expect(all.filter((e) => e.origin === 'entered').map((e) => e.note)).toEqual(['Lightning deal']);
});

test('a narrower scope replaces only its own detected events', async () => {
  // 10-01..10-02 for B0PRICE001: its price change is removed and written again; the other six stay
  const narrow = await detectEvents(db, { from: '2026-10-01', to: '2026-10-02', asin: 'b0price001' });
  expect(narrow).toMatchObject({ removed: 1, added: 1 });
  expect(await listEvents(db, { ...october, origins: ['detected'] })).toHaveLength(7);
});

test('bad options are refused with a clear error', async () => {
  await expect(detectEvents(db, { from: '2026-10-31', to: '2026-10-01' })).rejects.toThrow('--from 2026-10-31 is after --to 2026-10-01');
  await expect(detectEvents(db, { marketplace: 'XX' })).rejects.toThrow(/unknown marketplace "XX"/);
});

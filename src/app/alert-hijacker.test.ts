import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { detectorById } from '../analysis/alert-detectors.ts';
import { addRule } from '../store/alerts.ts';
import { Database } from '../store/database.ts';
import { writeOfferSnapshot } from '../store/market-facts.ts';
import { evaluateAlerts } from './alert-evaluate.ts';

/** The hijacker (跟卖) signal of the synced offers (issue 18) as an alert: one row of the detector table, read through the metrics. */
let dir: string;
let db: Database;
const offers = (asin: string, date: string, total: number, mine: number, holds: boolean) => writeOfferSnapshot(
  db, { store: 'acme', marketplace: 'US', date, source: 'sp_api' },
  { asin, offers: total, buy_box_price: '27.49', currency: 'USD', seller_has_buy_box: holds, seller_offers: mine },
);
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-hijacker-'));
  db = await Database.open(join(dir, 'a.duckdb'));
  // B0MAT1: alone on 11-01; on 11-02 two other sellers, one of them holding the Buy Box. B0RUG2: alone both days.
  // B0TOWEL: two offers, both the seller's own (holding the Buy Box): no hijacker
  await offers('B0MAT1', '2026-11-01', 1, 1, true);
  await offers('B0MAT1', '2026-11-02', 3, 1, false);
  await offers('B0RUG2', '2026-11-01', 1, 1, true);
  await offers('B0RUG2', '2026-11-02', 1, 1, true);
  await offers('B0TOWEL', '2026-11-02', 2, 2, true);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const hijacks = async (asOf: string) => (await evaluateAlerts(db, asOf)).filter((f) => f.detector === 'hijacker');

test('another seller\'s offer on an own ASIN, or the Buy Box lost to one, is a critical alert for that ASIN on that day', async () => {
  expect(detectorById('hijacker')).toMatchObject({ severity: 'critical', grain: 'asin', windowDays: 1 });
  expect(await hijacks('2026-11-01')).toEqual([]);
  const found = await hijacks('2026-11-02');
  expect(found.map((f) => f.scope)).toEqual([{ store: 'acme', marketplace: 'US', asin: 'B0MAT1' }]);
  // 3 offers − 1 of the seller's = 2 other sellers' offers; 1 day of 1 lost
  expect(found[0]?.evidence.map((e) => e.en)).toEqual([
    '2026-11-02 – 2026-11-02',
    expect.stringMatching(/^Other sellers' offers \(hijackers\) 2, above 0$/),
    expect.stringMatching(/^Days the Buy Box was another seller's 1, above 0$/),
  ]);
  expect(found[0]?.title.zh).toBe('跟卖：他人报价出现在自有 Listing 上，或购物车被他人夺走');
  expect(found[0]?.evidence[1]?.zh).toMatch(/^他人报价数（跟卖） 2，高于 0$/);
});

test('a seller who turns the detector off hears no more of it', async () => {
  await addRule(db, { detector: 'hijacker', enabled: false });
  expect(await hijacks('2026-11-02')).toEqual([]);
});

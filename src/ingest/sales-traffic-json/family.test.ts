import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';
import { salesTrafficJson } from './family.ts';

familyContract(salesTrafficJson, { good: ownFixture('sales-traffic-uk-sku.json'), other: ownFixture('br-child-uk-2025-sku.csv') });

test('SKU granularity: marketplace from marketplaceIds, period from the report specification, traffic once per ASIN', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('sales-traffic-uk-sku.json')])).files;
    expect(r).toMatchObject({ status: 'imported', type: 'sales_traffic_api', marketplace: 'UK', rows: 3, from: '2026-10-01', to: '2026-10-07' });
    // sessions 100 (repeated on the FBM SKU, counted once) + 12 = 112; units 5 + 2 + 0 = 7; sales 49.95 + 19.98 + 0 = 69.93
    const [t] = await db.all('SELECT count(*) AS n, sum(sessions) AS sessions, sum(page_views) AS page_views FROM traffic');
    expect(t).toEqual({ n: '2', sessions: '112', page_views: '145' });
    const [s] = await db.all('SELECT count(*) AS n, sum(units) AS units, sum(sales) AS sales, any_value(currency) AS currency FROM br_sales');
    expect(s).toEqual({ n: '3', units: '7', sales: '69.9300', currency: 'GBP' });
    const [child1] = await db.all("SELECT buy_box_pct, buy_box_pct_b2b, sessions_mobile, sessions_b2b, source FROM traffic WHERE asin = 'B0UKCHILD1'");
    expect(child1).toEqual({ buy_box_pct: '0.952400', buy_box_pct_b2b: '1.000000', sessions_mobile: '70', sessions_b2b: '4', source: 'sales_traffic_api' });
  }));

describe.skipIf(!haveSharedFixtures)(`official and connector examples in ${sharedFixturesDir}`, () => {
  const folder = 'sp-api-sales-and-traffic-json';
  const files = haveSharedFixtures ? readdirSync(`${sharedFixturesDir}/${folder}`).filter((f) => f.endsWith('.json')) : [];

  test.each(files)('%s: totals equal a sum over the parsed JSON', (name) =>
    withTempDb(async (db) => {
      const path = sharedFixture(folder, name);
      const [r] = (await importFiles(db, [path])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2021-06-11', to: '2021-06-14' });
      // the other path: JSON.parse and integer cents (each amount has at most 2 decimals)
      type Entry = { parentAsin: string; childAsin?: string; salesByAsin: { unitsOrdered: number; orderedProductSales: { amount: number } }; trafficByAsin: { sessions: number } };
      const entries = (JSON.parse(readFileSync(path, 'utf8')) as { salesAndTrafficByAsin: Entry[] }).salesAndTrafficByAsin;
      const perAsin = new Map(entries.map((e) => [`${e.parentAsin}/${e.childAsin ?? ''}`, e.trafficByAsin.sessions]));
      const cents = entries.reduce((sum, e) => sum + Math.round(e.salesByAsin.orderedProductSales.amount * 100), 0);
      const [s] = await db.all('SELECT count(*) AS n, sum(units) AS units, sum(sales) AS sales FROM br_sales');
      expect(s).toEqual({ n: String(entries.length), units: String(entries.reduce((a, e) => a + e.salesByAsin.unitsOrdered, 0)), sales: (cents / 100).toFixed(4) });
      const [t] = await db.all('SELECT count(*) AS n, sum(sessions) AS sessions FROM traffic');
      expect(t).toEqual({ n: String(perAsin.size), sessions: String([...perAsin.values()].reduce((a, b) => a + b, 0)) });
    }));
});

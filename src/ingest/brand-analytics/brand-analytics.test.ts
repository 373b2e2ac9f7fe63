import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../store/database.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { repeatPurchaseJson } from './repeat-purchase-json.ts';
import { scpJson } from './scp-json.ts';
import { sqpCsv } from './sqp-csv.ts';
import { sqpJson } from './sqp-json.ts';

const own = (name: string) => ownFixture(`brand-analytics/${name}`);
const us = { marketplace: 'US' };

familyContract(sqpCsv, {
  good: own('sqp-asin-view-week-2026-02-07.csv'), options: us,
  badValue: { file: own('sqp-bad-count.csv'), line: 3, column: 'Search Query Volume' },
  other: own('scp-uk-two-weeks.json'),
});
familyContract(scpJson, {
  good: own('scp-uk-two-weeks.json'),
  badValue: { file: own('scp-bad-date.json'), column: 'dataByAsin[1].endDate' },
  other: own('repeat-purchase-us-2026-01.json'),
});
familyContract(sqpJson, { good: own('sqp-us-week.json'), other: own('scp-uk-two-weeks.json') });
familyContract(repeatPurchaseJson, { good: own('repeat-purchase-us-2026-01.json'), other: own('scp-uk-two-weeks.json') });

const funnelTotals = async (db: Database) => (await db.all(`SELECT source, count(*) AS n, count(search_query) AS queries,
    sum(search_query_volume) AS volume, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(cart_adds) AS cart_adds, sum(purchases) AS purchases,
    sum(market_impressions) AS market_impressions, sum(market_purchases) AS market_purchases, sum(search_sales) AS search_sales, any_value(currency) AS currency
  FROM search_funnel GROUP BY source`))[0];

describe('Search Query Performance console CSV (metadata line, then header)', () => {
  test('ASIN and week from the first line; counts per query with the market totals', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('sqp-asin-view-week-2026-02-07.csv')], us)).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 3, from: '2026-02-01', to: '2026-02-07' });
      // volume 12,400 + 3,100 + 900 = 16,400; impressions 4,321 + 1,500 + 0 = 5,821; clicks 352 + 150 + 0 = 502;
      // cart adds 60 + 24 + 0 = 84; purchases 30 + 9 + 0 = 39; market impressions 98,765 + 20,010 + 5,000 = 123,775;
      // market purchases 400 + 90 + 10 = 500
      expect(await funnelTotals(db)).toEqual({
        source: 'sqp', n: '3', queries: '3', volume: '16400', impressions: '5821', clicks: '502', cart_adds: '84', purchases: '39',
        market_impressions: '123775', market_purchases: '500', search_sales: null, currency: 'USD',
      });
      const [row] = await db.all(`SELECT asin, search_query, click_median_price FROM search_funnel WHERE search_query_score = 2`);
      expect(row).toEqual({ asin: 'B0TESTA001', search_query: 'bath mat, non slip', click_median_price: '21.9900' });
    }));

  test('Brand View has no ASIN: refused with what to download instead', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('sqp-brand-view.csv')], us)).files;
      expect(r).toMatchObject({ status: 'error', type: 'brand_analytics_sqp_csv' });
      expect(r?.error).toMatch(/Brand View.*download the ASIN View/);
    }));

  test('a missing required column is named, with the header line', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('sqp-missing-purchases.csv')], us)).files;
      expect(r?.error).toMatch(/required column "Purchases: ASIN Count" is missing from the header on line 2/);
    }));
});

describe('Brand Analytics SP-API JSON', () => {
  test('SCP: one row per ASIN and week, marketplace from its id, no search query', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('scp-uk-two-weeks.json')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'UK', rows: 2, from: '2026-02-01', to: '2026-02-14' });
      // impressions 52,000 + 48,000; clicks 1,300 + 1,100; cart adds 210 + 190; purchases 64 + 51; sales 1,407.36 + 1,121.49
      expect(await funnelTotals(db)).toEqual({
        source: 'scp', n: '2', queries: '0', volume: null, impressions: '100000', clicks: '2400', cart_adds: '400', purchases: '115',
        market_impressions: null, market_purchases: null, search_sales: '2528.8500', currency: 'GBP',
      });
      const weeks = await db.all(`SELECT CAST(date_from AS VARCHAR) AS f, CAST(date_to AS VARCHAR) AS t FROM search_funnel ORDER BY f`);
      expect(weeks).toEqual([{ f: '2026-02-01', t: '2026-02-07' }, { f: '2026-02-08', t: '2026-02-14' }]);
    }));

  test('Repeat Purchase: repeat customers = round(unique customers × share)', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('repeat-purchase-us-2026-01.json')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 2, from: '2026-01-01', to: '2026-01-31' });
      const rows = await db.all(`SELECT asin, orders, unique_customers, repeat_customers_pct, repeat_customers, repeat_revenue, repeat_revenue_pct FROM repeat_purchase ORDER BY asin`);
      expect(rows).toEqual([
        // 395 × 0.0354 = 13.983 → 14
        { asin: 'B0TESTA001', orders: '410', unique_customers: '395', repeat_customers_pct: '0.035400', repeat_customers: '14', repeat_revenue: '351.8600', repeat_revenue_pct: '0.039100' },
        // no repeatPurchaseRevenue in the file: unknown, not 0
        { asin: 'B0TESTB002', orders: '12', unique_customers: '12', repeat_customers_pct: '0.000000', repeat_customers: '0', repeat_revenue: null, repeat_revenue_pct: '0.000000' },
      ]);
    }));
});

describe.skipIf(!haveSharedFixtures)('Brand Analytics official examples (../shared)', () => {
  const json = (folder: string) => {
    const name = { 'brand-analytics-scp': 'SEARCH_CATALOG_PERFORMANCE', 'brand-analytics-sqp': 'SEARCH_QUERY_PERFORMANCE', 'brand-analytics-repeat-purchase': 'REPEAT_PURCHASE' }[folder];
    const path = sharedFixture(folder, `official_schema_example_GET_BRAND_ANALYTICS_${name}_REPORT.json`);
    return { path, entries: (JSON.parse(readFileSync(path, 'utf8')) as { dataByAsin: Record<string, Record<string, number>>[] }).dataByAsin };
  };
  const sum = (entries: Record<string, Record<string, number>>[], group: string, key: string) => String(entries.reduce((s, e) => s + (e[group]?.[key] ?? 0), 0));

  test('SCP and SQP totals equal the JSON summed here', () =>
    withTempDb(async (db) => {
      const scp = json('brand-analytics-scp');
      const sqp = json('brand-analytics-sqp');
      const results = (await importFiles(db, [scp.path, sqp.path])).files;
      expect(results.map((r) => [r.type, r.status, r.marketplace, r.rows])).toEqual([
        ['brand_analytics_scp', 'imported', 'US', 2], ['brand_analytics_sqp', 'imported', 'US', 2],
      ]);
      const [s] = await db.all(`SELECT sum(impressions)::VARCHAR i, sum(clicks)::VARCHAR c, sum(cart_adds)::VARCHAR a, sum(purchases)::VARCHAR p FROM search_funnel WHERE source = 'scp'`);
      expect(s).toEqual({ i: sum(scp.entries, 'impressionData', 'impressionCount'), c: sum(scp.entries, 'clickData', 'clickCount'),
        a: sum(scp.entries, 'cartAddData', 'cartAddCount'), p: sum(scp.entries, 'purchaseData', 'purchaseCount') });
      const [q] = await db.all(`SELECT sum(impressions)::VARCHAR i, sum(market_impressions)::VARCHAR mi, sum(clicks)::VARCHAR c, sum(purchases)::VARCHAR p,
          count(DISTINCT (asin, search_query))::VARCHAR pairs FROM search_funnel WHERE source = 'sqp'`);
      expect(q).toEqual({ i: sum(sqp.entries, 'impressionData', 'asinImpressionCount'), mi: sum(sqp.entries, 'impressionData', 'totalQueryImpressionCount'),
        c: sum(sqp.entries, 'clickData', 'asinClickCount'), p: sum(sqp.entries, 'purchaseData', 'asinPurchaseCount'), pairs: '2' });
      expect(q).toEqual({ i: '1530', mi: '20000', c: '100', p: '10', pairs: '2' });
    }));

  test('Repeat Purchase: customers and repeat customers per row', () =>
    withTempDb(async (db) => {
      const rp = json('brand-analytics-repeat-purchase');
      const [r] = (await importFiles(db, [rp.path])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 3, from: '2021-06-06', to: '2021-06-19' });
      const rows = await db.all(`SELECT asin, unique_customers, repeat_customers FROM repeat_purchase ORDER BY asin`);
      // 1,201 × 0.0083 = 9.97 → 10; 43 × 0.1234 = 5.31 → 5; 123 × 0.0129 = 1.59 → 2
      expect(rows).toEqual([
        { asin: 'B123456789', unique_customers: '1201', repeat_customers: '10' },
        { asin: 'B234567890', unique_customers: '43', repeat_customers: '5' },
        { asin: 'B987654321', unique_customers: '123', repeat_customers: '2' },
      ]);
      const customers = rp.entries.reduce((s, e) => s + Number(e.uniqueCustomers), 0);
      expect(String(customers)).toBe(String(rows.reduce((s, r) => s + Number(r.unique_customers), 0)));
    }));
});


import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AliasIndex, normalizeHeader } from '../header.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, sharedFixturesDir, withTempDb } from '../testing.ts';
import { businessReportChildAliases } from './aliases.ts';
import { businessReportChild } from './family.ts';

const october = { from: '2026-10-01', to: '2026-10-31' };

familyContract(businessReportChild, {
  good: ownFixture('br-child-uk-2025-sku.csv'),
  options: october,
  badValue: { file: ownFixture('br-child-bad-number.csv'), line: 3, column: 'Units ordered' },
  other: ownFixture('unknown-courier-export.csv'),
});

async function totals(db: Parameters<Parameters<typeof withTempDb>[0]>[0]) {
  const [t] = await db.all('SELECT count(*) AS pairs, sum(sessions) AS sessions, sum(page_views) AS page_views FROM traffic');
  const [s] = await db.all('SELECT count(*) AS rows, sum(units) AS units, sum(sales) AS sales, any_value(currency) AS currency FROM br_sales');
  return { ...t, ...s };
}

describe('own fixtures, every layout', () => {
  test('2025 UK with SKU: traffic once per (parent, child) ASIN, sales per SKU row, £ means UK', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-uk-2025-sku.csv')], october)).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'UK', rows: 4, from: '2026-10-01', to: '2026-10-31' });
      // sessions 1,356 + 343 (repeated on two SKU rows, counted once) + 17 = 1,716; page views 1,592 + 533 + 31 = 2,156
      // units 205 + 189 + 10 + 0 = 404; sales 2,560.45 + 3,801.11 + 201.10 + 0 = 6,562.66
      expect(await totals(db)).toEqual({ pairs: '3', sessions: '1716', page_views: '2156', rows: '4', units: '404', sales: '6562.6600', currency: 'GBP' });
      const [honey] = await db.all("SELECT buy_box_pct, buy_box_pct_b2b, sessions_b2b FROM traffic WHERE asin = 'B0CCCCCCC2'");
      expect(honey).toEqual({ buy_box_pct: '0.966100', buy_box_pct_b2b: '0.888900', sessions_b2b: '10' });
      const [empty] = await db.all("SELECT sku FROM br_sales WHERE asin = 'B0AAAAAAA4'");
      expect(empty?.sku).toBeNull();
    }));

  test('2019 US quoted layout: $ alone needs --marketplace, then is USD', () =>
    withTempDb(async (db) => {
      const file = ownFixture('br-child-us-2019-sku.csv');
      const [refused] = (await importFiles(db, [file], october)).files;
      expect(refused?.status).toBe('error');
      expect(refused?.error).toMatch(/--marketplace/);
      const [r] = (await importFiles(db, [file], { ...october, marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 3 });
      // sessions 3,395 (once) + 3,043 = 6,438; units 119 + 15 + 94 = 228; sales 5,216.29 + 657.85 + 4,935.27 = 10,809.41
      expect(await totals(db)).toMatchObject({ pairs: '2', sessions: '6438', rows: '3', units: '228', sales: '10809.4100', currency: 'USD' });
      expect((await db.all("SELECT buy_box_pct FROM traffic WHERE asin = 'B07JJC4NTT'"))[0]?.buy_box_pct).toBe('0.990000');
    }));

  test('2021 US device split, CRLF without BOM: `--` and empty cells are unknown, not zero', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-us-2021-device-crlf.csv')], { ...october, marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'imported', rows: 2 });
      const rows = await db.all('SELECT asin, sessions, sessions_mobile, sessions_browser, page_views_mobile, buy_box_pct FROM traffic ORDER BY asin');
      expect(rows).toEqual([
        { asin: 'B01CHILD01', sessions: '100', sessions_mobile: '60', sessions_browser: '40', page_views_mobile: '80', buy_box_pct: '0.985000' },
        { asin: 'B01CHILD02', sessions: '5', sessions_mobile: null, sessions_browser: '5', page_views_mobile: null, buy_box_pct: null },
      ]);
      // the unrounded $0.4966667 is kept to the schema's 4 places
      expect((await db.all("SELECT sales FROM br_sales WHERE asin = 'B01CHILD01'"))[0]?.sales).toBe('0.4967');
    }));

  test('German headers and 5.255,61 € money (EUR alone does not say which marketplace)', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-de.csv')], { ...october, marketplace: 'DE' })).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'DE', rows: 2 });
      // sessions 1.250 + 95 = 1,345; units 180 + 12 = 192; sales 5,255.61 + 368.14 = 5,623.75
      expect(await totals(db)).toMatchObject({ sessions: '1345', units: '192', sales: '5623.7500', currency: 'EUR' });
    }));

  test('Spanish headers (ASIN (child), Sesiones: total), 4.498,50 € money, traffic once per (parent, child) ASIN', () =>
    withTempDb(async (db) => {
      // current es layout from an amazon.es script (find_string id 62118574661) and a Mexican reader (id 23870840486);
      // counts written "1,310" and percents "97.50%" as that script parses them; `Total de artículos del pedido`
      // is the older es layout's order-items column (id 45721880724): none was found in the current one
      const [r] = (await importFiles(db, [ownFixture('br-child-es.csv')], { ...october, marketplace: 'ES' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'ES', rows: 3 });
      // sessions 1,310 (repeated on two SKU rows, counted once) + 87 = 1,397; page views 1,905 + 120 = 2,025
      // units 150 + 25 + 9 = 184; sales 4,498.50 + 749.75 + 1,234.56 = 6,482.81
      expect(await totals(db)).toEqual({ pairs: '2', sessions: '1397', page_views: '2025', rows: '3', units: '184', sales: '6482.8100', currency: 'EUR' });
      const [mat] = await db.all("SELECT buy_box_pct FROM traffic WHERE asin = 'B0ES000002'");
      expect(mat?.buy_box_pct).toBe('0.975000');
      // B2B: units 2 + 0 + 1 = 3; sales 59.98 + 0 + 137.17 = 197.15
      const [b2b] = await db.all('SELECT sum(units_b2b) AS units, sum(sales_b2b) AS sales FROM br_sales');
      expect(b2b).toEqual({ units: '3', sales: '197.1500' });
    }));

  test('Japanese headers as Seller Central JP writes them, Shift_JIS, ￥ money names Japan', () =>
    withTempDb(async (db) => {
      // the layout of a real JP download (brussliu/smartinfo2, README "Japan") with our own values
      const [r] = (await importFiles(db, [ownFixture('br-child-ja-cp932.csv')], october)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 3 });
      // sessions 1,250 + 310 + 45 = 1,605; page views 1,800 + 402 + 51 = 2,253
      // units 104 + 25 + 0 = 129; sales ￥150,800 + ￥24,750 + ￥0 = 175,550
      expect(await totals(db)).toEqual({ pairs: '3', sessions: '1605', page_views: '2253', rows: '3', units: '129', sales: '175550.0000', currency: 'JPY' });
      const [box] = await db.all(`SELECT t.sessions_b2b, t.page_views_b2b, t.buy_box_pct, t.buy_box_pct_b2b, s.units_b2b, s.sales_b2b,
        s.order_items, s.order_items_b2b, s.sku FROM traffic t JOIN br_sales s USING (asin) WHERE asin = 'B0JP000002'`);
      expect(box).toEqual({
        sessions_b2b: '6', page_views_b2b: '7', buy_box_pct: '0.975000', buy_box_pct_b2b: '1.000000',
        units_b2b: '2', sales_b2b: '2900.0000', order_items: '100', order_items_b2b: '2', sku: 'BOX-W-L',
      });
    }));

  test('the later Japanese layout (（親）ASIN, セッション数 - 合計, 注文商品の売上額), UTF-8 with BOM', () =>
    withTempDb(async (db) => {
      // the column names public JP readers use (aliases.ts), with our own values
      const [r] = (await importFiles(db, [ownFixture('br-child-ja-2025.csv')], october)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 2 });
      // sessions 1,100 + 280 = 1,380; page views 1,640 + 365 = 2,005; units 98 + 22 = 120; sales ￥142,100 + ￥21,780 = 163,880
      expect(await totals(db)).toEqual({ pairs: '2', sessions: '1380', page_views: '2005', rows: '2', units: '120', sales: '163880.0000', currency: 'JPY' });
      // order items 95 + 22 = 117; the parent ASIN is kept
      expect(await db.all('SELECT sum(order_items) AS items, string_agg(DISTINCT parent_asin) AS parent FROM br_sales')).toEqual([{ items: '117', parent: 'B0JP000001' }]);
    }));

  test('Chinese headers with full-width brackets', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-zh.csv')], { ...october, marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'imported', rows: 1 });
      expect(await totals(db)).toMatchObject({ sessions: '2001', units: '150', sales: '3299.2500' });
      expect((await db.all('SELECT buy_box_pct FROM traffic'))[0]?.buy_box_pct).toBe('0.975000');
    }));
});

describe.skipIf(!haveSharedFixtures)(`real Business Reports in ${sharedFixturesDir}`, () => {
  const folder = 'business-report-child-asin';
  const files = haveSharedFixtures ? readdirSync(`${sharedFixturesDir}/${folder}`).filter((f) => f.endsWith('.csv')) : [];

  test.each(files)('%s: totals equal DuckDB read_csv on the same file', (name) =>
    withTempDb(async (db) => {
      const path = sharedFixture(folder, name);
      const options = { ...october, ...(name.includes('_US_') ? { marketplace: 'US' } : {}) };
      const [r] = (await importFiles(db, [path], options)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: name.includes('_UK_') ? 'UK' : 'US' });
      expect(await totals(db)).toEqual(await expectedTotals(path, r?.rows ?? 0));
    }));
});

/** The other path: DuckDB reads the CSV itself; cleaning and the once-per-ASIN rule are written in SQL. */
async function expectedTotals(path: string, rows: number) {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const header = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv('${path}', all_varchar = true)`)).getRowObjectsJson().map((r) => String(r.column_name));
  const col = (...names: string[]) => `"${header.find((h) => names.includes(h))}"`;
  const int = (c: string) => `CAST(replace(${c}, ',', '') AS BIGINT)`;
  const sessions = col('Sessions – Total', 'Sessions');
  const pageViews = col('Page views – Total', 'Page Views');
  const sql = `
    WITH f AS (SELECT * FROM read_csv('${path}', all_varchar = true)),
    pairs AS (SELECT "(Parent) ASIN", "(Child) ASIN", any_value(${int(sessions)}) s, any_value(${int(pageViews)}) pv FROM f GROUP BY ALL)
    SELECT (SELECT count(*) FROM pairs)::VARCHAR pairs, (SELECT sum(s) FROM pairs)::VARCHAR sessions, (SELECT sum(pv) FROM pairs)::VARCHAR page_views,
      count(*)::VARCHAR "rows", sum(${int(col('Units ordered', 'Units Ordered'))})::VARCHAR units,
      sum(CAST(regexp_replace(${col('Ordered Product Sales')}, '[£$,]', '', 'g') AS DECIMAL(18,4)))::VARCHAR sales,
      CASE WHEN any_value(${col('Ordered Product Sales')}) LIKE '£%' THEN 'GBP' ELSE 'USD' END currency
    FROM f`;
  const [expected] = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  connection.closeSync();
  expect(expected?.rows).toBe(String(rows));
  return expected;
}

test('Spanish-UI sales, order-item and traffic columns map to the same fields (as written in code reading such a file)', () => {
  const index = new AliasIndex(businessReportChildAliases);
  const fieldOf = (header: string) => index.fieldOf(normalizeHeader(header).key);
  const spanish = ['Ventas de productos pedidos', 'Ventas de productos pedidos - B2B', 'Total de artículos del pedido',
    'Total de artículos del pedido -B2B', 'Sesiones - Total', 'Vistas de página - Total'];
  expect(spanish.map(fieldOf)).toEqual(['sales', 'sales_b2b', 'order_items', 'order_items_b2b', 'sessions', 'page_views']);
});

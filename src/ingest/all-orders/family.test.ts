import { describe, expect, test } from 'vitest';
import type { Database } from '../../store/database.ts';
import { importFiles } from '../import-files.ts';
import { sqlOnFiles } from '../report-helpers/file-sql.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { allOrders } from './family.ts';

const own = (name: string) => ownFixture(`all-orders/${name}`);

familyContract(allOrders, {
  good: own('us-2026-03.tsv'),
  badValue: { file: own('bad-purchase-date.tsv'), line: 3, column: 'purchase-date' },
  other: ownFixture('br-child-uk-2025-sku.csv'),
});

const items = (db: Database, where = 'true') =>
  db.all(`SELECT order_id, CAST(purchase_at AT TIME ZONE 'UTC' AS VARCHAR) AS purchase_utc, CAST(order_date AS VARCHAR) AS order_date,
            order_status, fulfillment, sku, quantity, currency, item_price, item_tax, item_promotion_discount, promotion_ids, is_business, channel
          FROM order_items WHERE ${where} ORDER BY order_id, sku`);

describe('All Orders, own fixture', () => {
  test('one row per Amazon order item; UTC kept, order date in Pacific time; MCF skipped with a warning', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('us-2026-03.tsv')])).files;
      // 5 file rows, the Non-Amazon (MCF) one skipped; Amazon.com names the marketplace
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 5, from: '2026-02-28', to: '2026-03-02' });
      expect(r?.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'skipped_rows' })]);
      const rows = await items(db);
      expect(rows).toHaveLength(4);
      expect(rows[0]).toEqual({
        // 2026-03-01 07:30 UTC = 2026-02-28 23:30 PST (UTC−8): the day before in the marketplace
        order_id: '111-0000001-0000001', purchase_utc: '2026-03-01 07:30:00', order_date: '2026-02-28',
        order_status: 'Shipped', fulfillment: 'FBA', sku: 'SKU-A', quantity: '2', currency: 'USD',
        item_price: '39.9800', item_tax: '3.2000', item_promotion_discount: '-5.0000', promotion_ids: 'PLM-Spring 10% off',
        is_business: true, channel: 'amazon',
      });
      expect(rows[1]).toMatchObject({ sku: 'SKU-B', fulfillment: 'FBM', order_date: '2026-02-28', is_business: false });
      // 08:00 UTC = 00:00 PST: already March 1; cancelled kept as written, empty prices are unknown, not 0
      // (an empty currency becomes the marketplace's when loaded, as for any amount without one)
      expect(rows[2]).toMatchObject({ order_status: 'Cancelled', order_date: '2026-03-01', quantity: '0', currency: 'USD', item_price: null, item_tax: null });
      // Pending: priced, tax not yet known
      expect(rows[3]).toMatchObject({ order_status: 'Pending', item_price: '24.5000', item_tax: null });
      const [units] = await db.all(`SELECT sum(quantity) AS units, sum(item_price) AS sales FROM order_items WHERE order_status <> 'Cancelled'`);
      // units 2 + 1 + 1 = 4; sales 39.98 + 19.99 + 24.50 = 84.47
      expect(units).toEqual({ units: '4', sales: '84.4700' });
    }));

  test('a missing required column is named', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('missing-quantity.tsv')])).files;
      expect(r).toMatchObject({ status: 'error', type: 'all_orders' });
      expect(r?.error).toMatch(/required column "quantity" is missing from the header on line 1/);
    }));

  test('a bad purchase date: line and column, nothing written', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('bad-purchase-date.tsv')])).files;
      expect(r?.error).toMatch(/line 3, column "purchase-date": "2026-02-30T10:00:00\+00:00" is not a date, e\.g\. [^(]*$/);
      expect((await db.all('SELECT count(*) AS n FROM order_items'))[0]?.n).toBe('0');
    }));

  test('the Kaggle "Amazon Sale Report" data set is refused with the reason', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('kaggle-sale-report.csv')], { marketplace: 'IN' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'kaggle_amazon_sale_report' });
      expect(r?.error).toMatch(/not an Amazon download.*All Orders report instead/);
    }));
});

describe.skipIf(!haveSharedFixtures)('All Orders, real files (../shared)', () => {
  const files = ['xvr_all_orders_US_2018-12.txt', 'xvr_all_orders_US_2019-11.txt'].map((f) => sharedFixture('all-orders', f));

  test('rows, units, sales and orders equal DuckDB reading the files itself', () =>
    withTempDb(async (db) => {
      const results = (await importFiles(db, files)).files;
      expect(results.map((r) => [r.status, r.marketplace, r.from, r.to])).toEqual([
        ['imported', 'US', '2018-12-01', '2018-12-31'], ['imported', 'US', '2019-11-01', '2019-11-30'],
      ]);
      const list = files.map((f) => `'${f}'`).join(', ');
      const expected = await sqlOnFiles(`
        SELECT count(*)::VARCHAR AS n, sum(quantity::BIGINT)::VARCHAR AS units, sum("item-price"::DECIMAL(18,4))::VARCHAR AS sales,
               count(DISTINCT "amazon-order-id")::VARCHAR AS orders
        FROM read_csv([${list}], delim = '\t', header = true, all_varchar = true, quote = '', escape = '')
        WHERE "sales-channel" <> 'Non-Amazon'`);
      const [actual] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(quantity)::VARCHAR AS units, sum(item_price)::VARCHAR AS sales,
        count(DISTINCT order_id)::VARCHAR AS orders FROM order_items`);
      // 119 + 138 file rows − 2 MCF rows (Nov 2019) = 255 order items
      expect(expected).toEqual({ n: '255', units: '265', sales: '12402.7500', orders: '240' });
      expect(actual).toEqual(expected);
    }));

  test('an order placed on New Year\'s Eve evening in California is dated Dec 31', () =>
    withTempDb(async (db) => {
      await importFiles(db, files.slice(0, 1));
      // 2019-01-01 04:13:22 UTC − 8 h = 2018-12-31 20:13:22 PST
      expect(await items(db, `order_id = '112-8214316-3817853'`)).toEqual([expect.objectContaining({
        purchase_utc: '2019-01-01 04:13:22', order_date: '2018-12-31', order_status: 'Shipped', fulfillment: 'FBA', quantity: '1', item_price: '65.8900',
      })]);
    }));

  test('both Kaggle extracts are refused, not imported as orders', () =>
    withTempDb(async (db) => {
      const kaggle = ['TUSH234_Amazon_Sale_Report_sample30.csv', 'Jaindivyansh05_Amazon_Sale_Report_subset16k.csv'];
      const results = (await importFiles(db, kaggle.map((f) => sharedFixture('public-dataset-kaggle-amazon-sale-report', f)), { marketplace: 'IN' })).files;
      expect(results.map((r) => [r.status, r.type])).toEqual([['error', 'kaggle_amazon_sale_report'], ['error', 'kaggle_amazon_sale_report']]);
    }));
});

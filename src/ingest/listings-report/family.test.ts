import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { listingsReport } from './family.ts';

const us = { marketplace: 'US', date: '2026-10-31' };

familyContract(listingsReport, {
  good: ownFixture('listings-report/all-listings-us.txt'),
  options: us,
  badValue: { file: ownFixture('listings-report/all-listings-bad-quantity.txt'), line: 3, column: 'quantity' },
  other: ownFixture('fba-manage-inventory/manage-inventory-api.txt'),
});

const columns = `sku, asin, listing_id, item_name, image_url, CAST(price AS VARCHAR) AS price, currency, quantity, status,
  fulfillment_channel, CAST(open_date AS VARCHAR) AS open_date, CAST(snapshot_date AS VARCHAR) AS day`;

describe('All Listings report', () => {
  test('29-column US file: one row per SKU, dated by --date; only a web address is kept as image; an FBA quantity stays unknown', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('listings-report/all-listings-us.txt')], us)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'listings_report', rows: 3, from: '2026-10-31', to: '2026-10-31', marketplace: 'US' });
      expect(await db.all(`SELECT ${columns} FROM listings ORDER BY sku`)).toEqual([
        { sku: 'MAT-BLK-60', asin: 'B0TESTMAT1', listing_id: '0315ZB1G5NR', item_name: 'Küchenmatte – Anti-Fatigue Kitchen Mat 60×90 cm 厨房地垫',
          image_url: 'https://m.media-amazon.com/images/I/41matBLK.jpg', price: '29.9900', currency: 'USD', quantity: null, status: 'Active',
          fulfillment_channel: 'AMAZON_NA', open_date: '2026-03-15', day: '2026-10-31' },
        // "1019.50" exact; open-date "2025-11-02 18:00:00 PST" is that written day
        { sku: 'MAT-GRY-90', asin: 'B0TESTMAT2', listing_id: '1102ZC7Q1AB', item_name: 'Door Mat, Grey, 90 cm', image_url: null,
          price: '1019.5000', currency: 'USD', quantity: '12', status: 'Active', fulfillment_channel: 'DEFAULT', open_date: '2025-11-02', day: '2026-10-31' },
        // "bathmat.jpg" is no web address: no image; an empty price is unknown
        { sku: 'MAT-OLD', asin: 'B0TESTMAT3', listing_id: '0120ZD0OLD1', item_name: 'Bath Mat (old listing)', image_url: null,
          price: null, currency: 'USD', quantity: '0', status: 'Inactive', fulfillment_channel: 'DEFAULT', open_date: '2024-01-20', day: '2026-10-31' },
      ]);
    }));

  test('a file without a marketplace of its own needs --marketplace', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('listings-report/all-listings-us.txt')], { date: '2026-10-31' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'listings_report' });
    }));

  test('a bad quantity names file, line and column and writes nothing', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('listings-report/all-listings-bad-quantity.txt')], us)).files;
      expect(r?.status).toBe('error');
      expect(r?.error).toMatch(/line 3, column "quantity": "12 units"/);
      expect(r?.problems[0]).toMatchObject({ file: expect.stringMatching(/all-listings-bad-quantity\.txt$/), line: 3, column: 'quantity' });
      expect(await db.all('SELECT count(*) AS n FROM listings')).toEqual([{ n: '0' }]);
    }));

  test('a newer download replaces the same day; another day is another snapshot', () =>
    withTempDb(async (db, dir) => {
      await importFiles(db, [ownFixture('listings-report/all-listings-us.txt')], us);
      const text = readFileSync(ownFixture('listings-report/all-listings-us.txt'), 'utf8');
      const repriced = join(dir, 'repriced.txt');
      writeFileSync(repriced, text.replace('\t1019.50\t', '\t999.00\t'));
      const [same] = (await importFiles(db, [repriced], us)).files;
      expect(same, same?.error ?? '').toMatchObject({ status: 'imported', replaced: 3 });
      const restocked = join(dir, 'restocked.txt');
      writeFileSync(restocked, text.replace('\t1019.50\t12\t', '\t1019.50\t40\t'));
      const [later] = (await importFiles(db, [restocked], { ...us, date: '2026-11-01' })).files;
      expect(later, later?.error ?? '').toMatchObject({ status: 'imported', replaced: 0 });
      // 10-31: the repriced file's 3 rows (999.00); 11-01: the restocked file's 3 rows (40 in stock)
      expect(await db.all(`SELECT CAST(snapshot_date AS VARCHAR) AS day, count(*) AS n, CAST(max(price) AS VARCHAR) AS top, max(quantity) AS most
        FROM listings GROUP BY ALL ORDER BY day`)).toEqual([
        { day: '2026-10-31', n: '3', top: '999.0000', most: '12' }, { day: '2026-11-01', n: '3', top: '1019.5000', most: '40' },
      ]);
    }));

  test('UK 2025 layout (two more columns, CRLF): open-date "29/09/2025 16:19:39 BST" is read day first', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('listings-report/active-listings-uk-2025.txt')], { marketplace: 'UK', date: '2026-10-31' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 1, marketplace: 'UK' });
      expect(await db.all(`SELECT ${columns} FROM listings`)).toMatchObject([
        { sku: 'MAT-BLK-60-UK', item_name: 'Kitchen Mat | Black | 60 cm', price: '24.4900', currency: 'GBP', open_date: '2025-09-29', image_url: null },
      ]);
    }));

  test('Japanese header (出品者SKU, ASIN 1, 商品名 …, no image column): name, ASIN and yen price', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('listings-report/all-listings-jp.txt')], { marketplace: 'JP', date: '2026-10-31' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'listings_report', rows: 1 });
      expect(await db.all(`SELECT ${columns} FROM listings`)).toMatchObject([
        { sku: 'MAT-BLK-60-JP', asin: 'B0TESTMAT1', item_name: 'キッチンマット 黒 60cm', price: '1980.0000', currency: 'JPY',
          open_date: '2024-05-01', image_url: null, fulfillment_channel: 'AMAZON_JP', status: 'Active' },
      ]);
    }));
});

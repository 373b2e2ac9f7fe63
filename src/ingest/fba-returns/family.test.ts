import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { sqlOnFiles } from '../report-helpers/file-sql.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaReturns } from './family.ts';

const own = (name: string) => ownFixture(`fba-returns/${name}`);
const us = { marketplace: 'US' };

familyContract(fbaReturns, {
  good: own('us-cp1252.csv'),
  options: us,
  badValue: { file: own('bad-quantity.csv'), line: 2, column: 'quantity' },
  other: ownFixture('all-orders/us-2026-03.tsv'),
});

describe('FBA customer returns, own fixtures', () => {
  test('Windows-1252 CSV: comments with commas and line breaks, local return days', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('us-cp1252.csv')], us)).files;
      expect(r).toMatchObject({ status: 'imported', rows: 2, from: '2026-02-28', to: '2026-03-01' });
      const rows = await db.all(`SELECT CAST(return_date AS VARCHAR) AS d, channel, order_id, sku, fnsku, quantity, reason, disposition, customer_comment, refunded_amount
        FROM returns ORDER BY order_id`);
      expect(rows).toEqual([
        // 07:59:59 UTC = 23:59:59 PST the day before
        { d: '2026-02-28', channel: 'FBA', order_id: '111-0000001-0000001', sku: 'SKU-A', fnsku: 'X000TESTA1', quantity: '2', reason: 'UNWANTED_ITEM',
          disposition: 'SELLABLE', customer_comment: 'too small, and\nthe colour is off', refunded_amount: null },
        // 08:00:00 UTC = midnight PST; an unquoted empty comment is null
        { d: '2026-03-01', channel: 'FBA', order_id: '111-0000002-0000002', sku: 'SKU-B', fnsku: 'B0TESTB002', quantity: '1', reason: 'DEFECTIVE',
          disposition: 'CUSTOMER_DAMAGED', customer_comment: null, refunded_amount: null },
      ]);
    }));

  test('the API TSV with the same names imports the same way', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('us-api.tsv')], us)).files;
      expect(r).toMatchObject({ status: 'imported', type: 'fba_customer_returns', rows: 1, from: '2026-03-03', to: '2026-03-03' });
    }));

  test('Japanese headers, Shift_JIS, full-width quantity; +09:00 times are Tokyo days; values kept as written', () =>
    withTempDb(async (db) => {
      // the layout of a real Seller Central JP download (aliases.ts) with our own values
      const [r] = (await importFiles(db, [own('ja-cp932.csv')], { marketplace: 'JP' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_customer_returns', marketplace: 'JP', rows: 3, from: '2026-03-01', to: '2026-03-02' });
      // units 1 + ２ (full-width 2) + 1 = 4; 00:30 and 23:59:59 JST stay on their Tokyo days
      const rows = await db.all(`SELECT CAST(return_date AS VARCHAR) AS d, order_id, sku, quantity, disposition, reason, customer_comment
        FROM returns ORDER BY order_id`);
      expect(rows).toEqual([
        { d: '2026-03-02', order_id: '249-0000003-0000003', sku: 'BOX-W-L', quantity: '1', disposition: 'カスタマーによる損傷', reason: '注文間違い', customer_comment: null },
        { d: '2026-03-01', order_id: '250-0000001-0000001', sku: 'BOX-W-L', quantity: '1', disposition: '販売可', reason: 'アパレル商品 - サイズが大きすぎる', customer_comment: null },
        { d: '2026-03-02', order_id: '503-0000002-0000002', sku: 'BOX-B-S', quantity: '2', disposition: '欠陥品・不良品', reason: '欠陥品・不良品', customer_comment: 'ふたが閉まらない' },
      ]);
      expect((await db.all('SELECT sum(quantity)::VARCHAR AS units FROM returns'))[0]?.units).toBe('4');
    }));

  test('without --marketplace the file is refused: its times need a time zone', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('us-api.tsv')])).files;
      expect(r?.error).toMatch(/give --marketplace/);
    }));
});

describe.skipIf(!haveSharedFixtures)('FBA customer returns, real file (../shared)', () => {
  const file = sharedFixture('fba-customer-returns', 'xvr_fba_customer_returns_US_201810-201912.csv');
  test('rows and returned units equal DuckDB reading the file itself', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file], us)).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 87 });
      const expected = await sqlOnFiles(`SELECT count(*)::VARCHAR AS n, sum(quantity::BIGINT)::VARCHAR AS units,
          count("customer-comments")::VARCHAR AS comments FROM read_csv('${file}', header = true, all_varchar = true)`);
      const [actual] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(quantity)::VARCHAR AS units, count(customer_comment)::VARCHAR AS comments FROM returns`);
      expect(actual).toEqual(expected);
      expect(actual?.n).toBe('87');
      // the first row: 2019-12-02 03:30:42 UTC = 2019-12-01 19:30:42 PST
      const [first] = await db.all(`SELECT CAST(return_date AS VARCHAR) AS d FROM returns WHERE order_id = '112-7284248-0167456'`);
      expect(first?.d).toBe('2019-12-01');
    }));
});

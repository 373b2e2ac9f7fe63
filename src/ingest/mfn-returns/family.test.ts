import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { mfnReturns } from './family.ts';

const own = (name: string) => ownFixture(`mfn-returns/${name}`);

familyContract(mfnReturns, {
  good: own('us-2026-03.tsv'),
  badValue: { file: own('bad-date.tsv'), line: 2, column: 'Return request date' },
  other: ownFixture('all-orders/us-2026-03.tsv'),
});

describe('seller-fulfilled returns', () => {
  test('request dates as written, lone spaces are empty, USD names the marketplace', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('us-2026-03.tsv')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 2, from: '2026-03-03', to: '2026-03-05' });
      const rows = await db.all(`SELECT CAST(return_date AS VARCHAR) AS d, channel, sku, quantity, reason, status, refunded_amount, currency FROM returns ORDER BY d`);
      expect(rows).toEqual([
        { d: '2026-03-03', channel: 'FBM', sku: 'SKU-B', quantity: '1', reason: 'AMZ-PG-BAD-DESC', status: 'Closed', refunded_amount: '19.9900', currency: 'USD' },
        // " " refunded amount: not refunded yet, unknown rather than 0
        { d: '2026-03-05', channel: 'FBM', sku: 'SKU-A', quantity: '2', reason: 'CR-UNWANTED_ITEM', status: 'Approved', refunded_amount: null, currency: 'USD' },
      ]);
    }));

  test.skipIf(!haveSharedFixtures)('the real file (../shared): one return of one unit on 23-Sep-2019', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [sharedFixture('mfn-returns', 'xvr_seller_fulfilled_returns_US_2019.tsv')], { marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'imported', rows: 1, from: '2019-09-23', to: '2019-09-23' });
      // counted by hand: one data line, Return quantity 1, Refunded amount " "
      const [row] = await db.all(`SELECT order_id, asin, sku, quantity, refunded_amount FROM returns`);
      expect(row).toEqual({ order_id: '111-3136817-5673866', asin: 'B07KJXZ3SG', sku: 'Marble Stone', quantity: '1', refunded_amount: null });
    }));
});

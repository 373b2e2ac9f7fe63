import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaFeePreview } from './family.ts';

const dated = { date: '2026-03-01' };

familyContract(fbaFeePreview, { good: ownFixture('fba-fee-preview/fee-preview-us-latin1.txt'), options: dated, other: ownFixture('fba-restock/restock.csv') });

test('US spelling: referral and fulfillment fee per unit, `--` is null, ISO-8859-1 text', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-fee-preview/fee-preview-us-latin1.txt')], dated)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2026-03-01', rows: 1 });
    const [row] = await db.all(`SELECT sku, CAST(price AS VARCHAR) AS price, size_tier, CAST(referral_fee AS VARCHAR) AS referral,
      CAST(fulfillment_fee AS VARCHAR) AS fulfillment, CAST(total_fee AS VARCHAR) AS total, currency FROM fee_estimates`);
    expect(row).toEqual({ sku: 'MAT-1', price: '29.9900', size_tier: 'Standard-Size', referral: '4.5000', fulfillment: '9.0200', total: '13.5200', currency: 'USD' });
  }));

test('UK spelling: expected-domestic-fulfilment-fee-per-unit, GBP says UK', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-fee-preview/fee-preview-uk.txt')], dated)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'UK' });
    const [row] = await db.all('SELECT CAST(referral_fee AS VARCHAR) AS referral, CAST(fulfillment_fee AS VARCHAR) AS fulfillment, size_tier FROM fee_estimates');
    expect(row).toEqual({ referral: '3.7500', fulfillment: '3.3700', size_tier: 'Standard parcel' });
  }));

describe.skipIf(!haveSharedFixtures)('EU fee preview header fixture (../shared)', () => {
  test('recognised, and refused because it has no rows', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('_header-only-fixtures', 'airbyte_GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA_EU_header.tsv');
      const [r] = (await importFiles(db, [file], { marketplace: 'UK' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'fba_fee_preview' });
      expect(r?.error).toMatch(/header but no rows/);
    }));
});

describe.skipIf(!haveSharedFixtures)('Seller Central JP fee preview, real Shift_JIS files (../shared)', () => {
  test('Japanese headers, JPY names Japan; totals equal DuckDB read_csv and the first row adds up', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-fee-preview', 'brussliu_fee_preview_JP_2023-09-06_cp932.csv');
      const [r] = (await importFiles(db, [file], dated)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_fee_preview', marketplace: 'JP', rows: 409 });
      const [mine] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(total_fee)::DECIMAL(18,2)::VARCHAR AS total,
        sum(referral_fee)::DECIMAL(18,2)::VARCHAR AS referral, sum(fulfillment_fee)::DECIMAL(18,2)::VARCHAR AS fulfillment FROM fee_estimates`);
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("手数料見積り額"::DECIMAL(18,2))::VARCHAR AS total,
        sum("販売手数料見積り額(個数あたり)"::DECIMAL(18,2))::VARCHAR AS referral,
        sum("配送代行手数料見積り額（個数あたり）"::DECIMAL(18,2))::VARCHAR AS fulfillment`, 'header = true, all_varchar = true', 'shift_jis');
      // 263,625.00 = 101,272.00 referral + 162,353.00 fulfilment (the closing fee is 0.00 on every row)
      expect(mine).toEqual({ ...theirs, total: '263625.00', referral: '101272.00', fulfillment: '162353.00' });
      // line 2: price 2,980; referral 358 (12 % of 2,980 = 357.6, Amazon's rounding) + closing 0 + fulfilment 318 = 676
      const [first] = await db.all(`SELECT CAST(price AS VARCHAR) AS price, CAST(referral_fee AS VARCHAR) AS referral,
        CAST(fulfillment_fee AS VARCHAR) AS fulfillment, CAST(total_fee AS VARCHAR) AS total, currency FROM fee_estimates WHERE sku = '7O-MN4N-UIPG'`);
      expect(first).toEqual({ price: '2980.0000', referral: '358.0000', fulfillment: '318.0000', total: '676.0000', currency: 'JPY' });
    }));

  test('the Nov 2023 layout with `Amazonストア` inserted reads the same columns', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('fba-fee-preview', 'brussliu_fee_preview_JP_2023-11-13_amazon_store_cp932.csv');
      const [r] = (await importFiles(db, [file], dated)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 404 });
      // totals worked out from the file with Python's csv (cp932): 259,323.00 = 100,366.00 + 158,957.00
      const [t] = await db.all(`SELECT sum(total_fee)::VARCHAR AS total, sum(referral_fee)::VARCHAR AS referral,
        sum(fulfillment_fee)::VARCHAR AS fulfillment, count(price)::VARCHAR AS priced FROM fee_estimates`);
      expect(t).toEqual({ total: '259323.0000', referral: '100366.0000', fulfillment: '158957.0000', priced: '404' });
    }));
});

import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, sharedFixture, withTempDb } from '../testing.ts';

describe.skipIf(!haveSharedFixtures)('Long-term storage fee charges, real 2019 file (../shared)', () => {
  test('kind long_term in the month of the charge; 12- plus 6-month fees equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-long-term-storage-fees', 'xvr_fba_ltsf_charges_US_2019.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_long_term_storage_fees', rows: 9, marketplace: 'US', from: '2019-12-01' });
      const [mine] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(fee)::DECIMAL(18,2)::VARCHAR AS fee, min(kind) AS kind,
        min(CAST(month AS VARCHAR)) AS month FROM storage_fees`);
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n,
        sum("12-mo-long-terms-storage-fee"::DECIMAL(18,2) + "6-mo-long-terms-storage-fee"::DECIMAL(18,2))::VARCHAR AS fee`, 'header = true, all_varchar = true');
      expect(mine).toEqual({ ...theirs, kind: 'long_term', month: '2019-12-01' });
    }));
});

describe.skipIf(!haveSharedFixtures)('Long-term storage fee charges, real Seller Central JP file in the age-tier layout (../shared)', () => {
  test('one row per SKU and age tier; the UTC snapshot is 15 Sep in Tokyo; fees equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-long-term-storage-fees', 'brussliu_ltsf_JP_2023-09-15_cp932.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({
        status: 'imported', type: 'fba_long_term_storage_fees', rows: 168, marketplace: 'JP', from: '2023-09-01', to: '2023-09-30',
      });
      const [mine] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(fee)::DECIMAL(18,2)::VARCHAR AS fee, count(DISTINCT sku)::VARCHAR AS skus,
        min(kind) AS kind, min(CAST(month AS VARCHAR)) AS month, max(CAST(month AS VARCHAR)) AS last, min(currency) AS currency FROM storage_fees`);
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("請求金額"::DECIMAL(18,2))::VARCHAR AS fee,
        count(DISTINCT "出品者SKU")::VARCHAR AS skus`, 'header = true, all_varchar = true', 'shift_jis');
      // 8,717.00 yen over 168 rows of 167 SKUs (one SKU is charged in both tiers, 271-365 and 365+)
      expect(mine).toEqual({ ...theirs, fee: '8717.00', skus: '167', kind: 'long_term', month: '2023-09-01', last: '2023-09-01', currency: 'JPY' });
    }));
});

import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaMonthlyStorageFees } from './family.ts';

familyContract(fbaMonthlyStorageFees, { good: ownFixture('fba-storage-fees/monthly.csv'), other: ownFixture('fba-restock/restock.csv') });

test('month-of-charge 2019-10 → month 2019-10-01, kind monthly; `--` fee is null', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-storage-fees/monthly.csv')])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2019-10-01', to: '2019-10-31', rows: 3 });
    // 7.5000 + 0.6200 = 8.1200; the third row's fee is `--` (unknown), not 0
    const [sums] = await db.all(`SELECT CAST(sum(fee) AS VARCHAR) AS fee, count(fee) AS given, min(CAST(month AS VARCHAR)) AS month,
      min(kind) AS kind, min(currency) AS currency FROM storage_fees`);
    expect(sums).toEqual({ fee: '8.1200', given: '2', month: '2019-10-01', kind: 'monthly', currency: 'USD' });
  }));

describe.skipIf(!haveSharedFixtures)('Monthly storage fees, real 2019 file (../shared)', () => {
  test('rows and the fee total equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-storage-fees', 'xvr_fba_monthly_storage_fees_US_2019.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 264, marketplace: 'US' });
      const [mine] = await db.all('SELECT count(*)::VARCHAR AS n, sum(fee)::DECIMAL(18,4)::VARCHAR AS fee FROM storage_fees');
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("estimated-monthly-storage-fee"::DECIMAL(18,4))::VARCHAR AS fee`,
        "header = true, all_varchar = true");
      expect(mine).toEqual(theirs);
    }));
});

describe.skipIf(!haveSharedFixtures)('Monthly storage fees, real Seller Central JP file in the current spaced layout (../shared)', () => {
  test('`Month of charge` 2023-08, `通貨` JPY names Japan; fractional yen kept; the total equals DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-storage-fees', 'brussliu_storage_fees_JP_2023-08_cp932.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 668, marketplace: 'JP', from: '2023-08-01', to: '2023-08-31' });
      const [mine] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(fee)::DECIMAL(18,4)::VARCHAR AS fee, min(currency) AS currency,
        min(kind) AS kind FROM storage_fees`);
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("Monthly storage fee (est.)"::DECIMAL(18,4))::VARCHAR AS fee`,
        'header = true, all_varchar = true', 'shift_jis');
      // 4,884.0014 yen estimated over 668 rows (440 ASINs × their fulfilment centres); summed unrounded, as Amazon does
      expect(mine).toEqual({ ...theirs, fee: '4884.0014', currency: 'JPY', kind: 'monthly' });
    }));
});

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

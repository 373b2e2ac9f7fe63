import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, sharedFixture, withTempDb } from '../testing.ts';

describe.skipIf(!haveSharedFixtures)('Inventory age, real 2019 file with the `avaliable` typo (../shared)', () => {
  test('rows, available units and 0–90-day units equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-inventory-age', 'xvr_fba_inventory_age_US_2019.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_inventory_age', rows: 40, marketplace: 'US', from: '2019-11-20' });
      const [mine] = await db.all('SELECT count(*)::VARCHAR AS n, sum(available)::VARCHAR AS available, sum(age_0_90)::VARCHAR AS young FROM inventory_snapshots');
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("avaliable-quantity(sellable)")::VARCHAR AS available,
        sum("inv-age-0-to-90-days")::VARCHAR AS young`);
      expect(mine).toEqual(theirs);
    }));
});

import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaInventoryHealth } from './family.ts';

familyContract(fbaInventoryHealth, { good: ownFixture('fba-inventory-health/health.csv'), other: ownFixture('fba-restock/restock.csv') });

test('T08:00:00+00:00 is midnight Pacific: the snapshot day is 2019-12-11; USD says US', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-inventory-health/health.csv')])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2019-12-11', to: '2019-12-11' });
    const [row] = await db.all('SELECT available, unfulfillable, total, inbound_shipped, units_shipped_30d FROM inventory_snapshots');
    expect(row).toEqual({ available: '40', unfulfillable: '4', total: '44', inbound_shipped: '6', units_shipped_30d: '9' });
  }));

describe.skipIf(!haveSharedFixtures)('Inventory health, real 2019 file (../shared)', () => {
  test('rows, sellable and inbound units equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-inventory-health', 'xvr_fba_inventory_health_US_2019-12.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 40, from: '2019-12-11', marketplace: 'US' });
      const [mine] = await db.all('SELECT count(*)::VARCHAR AS n, sum(available)::VARCHAR AS available, sum(inbound_shipped)::VARCHAR AS inbound FROM inventory_snapshots');
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("sellable-quantity")::VARCHAR AS available,
        sum("in-bound-quantity")::VARCHAR AS inbound`);
      expect(mine).toEqual(theirs);
    }));
});

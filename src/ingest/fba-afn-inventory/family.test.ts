import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaAfnInventory } from './family.ts';

const us = { marketplace: 'US', date: '2019-11-23' };

familyContract(fbaAfnInventory, {
  good: ownFixture('fba-afn-inventory/afn.txt'), options: us, other: ownFixture('fba-restock/restock.csv'),
});

test('SELLABLE units are available, UNSELLABLE ones unfulfillable', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-afn-inventory/afn.txt')], us)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 3, from: '2019-11-23' });
    // MAT-1: 10 sellable + 2 unsellable; MAT-2: 0 sellable
    const [sums] = await db.all('SELECT sum(available) AS available, sum(unfulfillable) AS unfulfillable, count(*) AS n FROM inventory_snapshots');
    expect(sums).toEqual({ available: '10', unfulfillable: '2', n: '3' });
  }));

describe.skipIf(!haveSharedFixtures)('AFN inventory, real 2019 files (../shared)', () => {
  for (const name of ['xvr_amazon_fulfilled_inventory_US.csv', 'xvr_amazon_fulfilled_inventory_report_US_2019-11-23.txt']) {
    test(`${name}: rows and sellable units equal DuckDB read_csv`, () =>
      withTempDb(async (db, dir) => {
        const file = sharedFixture('fba-afn-inventory', name);
        const [r] = (await importFiles(db, [file], us)).files;
        expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_afn_inventory' });
        const [mine] = await db.all('SELECT count(*)::VARCHAR AS n, sum(available)::VARCHAR AS available, sum(total)::VARCHAR AS total FROM inventory_snapshots');
        const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n,
          sum(CASE WHEN "Warehouse-Condition-code" = 'SELLABLE' THEN "Quantity Available" END)::VARCHAR AS available,
          sum("Quantity Available")::VARCHAR AS total`);
        expect(mine).toEqual(theirs);
      }));
  }
});

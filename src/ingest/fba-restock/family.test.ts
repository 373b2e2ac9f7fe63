import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaRestock } from './family.ts';

const dated = { date: '2019-12-20' };

familyContract(fbaRestock, { good: ownFixture('fba-restock/restock.csv'), options: dated, other: ownFixture('fba-inventory-health/health.csv') });

test('Country names the marketplace; reserved sums its given parts; `365+` days of supply is kept as 365', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-restock/restock.csv')], dated)).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', from: '2019-12-20' });
    const [row] = await db.all(`SELECT available, inbound_shipped, reserved, unfulfillable, total, units_shipped_30d,
      CAST(days_of_supply AS VARCHAR) AS dos, recommended_order_qty FROM inventory_snapshots`);
    // reserved = 1 (FC transfer) + 2 (FC processing) + empty customer order
    expect(row).toEqual({ available: '35', inbound_shipped: '10', reserved: '3', unfulfillable: '2', total: '50', units_shipped_30d: '30', dos: '365.00', recommended_order_qty: '0' });
  }));

describe.skipIf(!haveSharedFixtures)('Restock, real 2019 file (../shared)', () => {
  test('rows, available and inbound units equal DuckDB read_csv', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('fba-restock', 'xvr_restock_inventory_US_2019-12-20.csv');
      const [r] = (await importFiles(db, [file], dated)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 43, marketplace: 'US' });
      const [mine] = await db.all('SELECT count(*)::VARCHAR AS n, sum(available)::VARCHAR AS available, sum(inbound_shipped)::VARCHAR AS inbound FROM inventory_snapshots');
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("Available Inventory")::VARCHAR AS available,
        sum("Inbound Inventory")::VARCHAR AS inbound`);
      expect(mine).toEqual(theirs);
    }));
});

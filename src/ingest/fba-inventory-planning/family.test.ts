import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaInventoryPlanning } from './family.ts';

familyContract(fbaInventoryPlanning, {
  good: ownFixture('fba-inventory-planning/planning-uk.tsv'), other: ownFixture('fba-afn-inventory/afn.txt'),
});

test('the marketplace column names the marketplace; `--` is unknown, not 0', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('fba-inventory-planning/planning-uk.tsv')])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'UK', from: '2026-03-02', rows: 1 });
    const [row] = await db.all(`SELECT available, inbound_working, inbound_shipped, inbound_receiving, reserved, unfulfillable,
      age_0_90, age_91_180, age_365_plus, units_shipped_30d, CAST(days_of_supply AS VARCHAR) AS dos, currency FROM inventory_snapshots`);
    expect(row).toEqual({
      available: '40', inbound_working: '2', inbound_shipped: '3', inbound_receiving: '4', reserved: '1', unfulfillable: null,
      age_0_90: '35', age_91_180: '5', age_365_plus: null, units_shipped_30d: '12', dos: '100.00', currency: 'GBP',
    });
  }));

describe.skipIf(!haveSharedFixtures)('FBA Inventory planning header fixture (../shared)', () => {
  test('recognised, and refused because it has no rows', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('_header-only-fixtures', 'airbyte_GET_FBA_INVENTORY_PLANNING_DATA_header.tsv');
      const [r] = (await importFiles(db, [file], { marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'fba_inventory_planning' });
      expect(r?.error).toMatch(/header but no rows/);
    }));
});

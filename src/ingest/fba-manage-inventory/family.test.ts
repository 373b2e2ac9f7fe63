import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { fbaManageInventory } from './family.ts';

const us = { marketplace: 'US', date: '2020-03-15' };

familyContract(fbaManageInventory, {
  good: ownFixture('fba-manage-inventory/manage-inventory-api.txt'),
  options: us,
  badValue: { file: ownFixture('fba-manage-inventory/manage-inventory-api-bad.txt'), line: 2, column: 'afn-fulfillable-quantity' },
  other: ownFixture('fba-afn-inventory/afn.txt'),
});

describe('Manage FBA Inventory', () => {
  test('cp1252 CSV: en dash decoded, "1,019.50" exact, unquoted empty MFN field, dated by --date', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('fba-manage-inventory/manage-inventory-cp1252.csv')], us)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 2, from: '2020-03-15', to: '2020-03-15', marketplace: 'US' });
      const rows = await db.all(`SELECT sku, available, inbound_working, inbound_shipped, inbound_receiving, reserved, unfulfillable, total,
        CAST(your_price AS VARCHAR) AS price, currency, source FROM inventory_snapshots ORDER BY sku`);
      expect(rows).toEqual([
        { sku: 'MAT-1', available: '10', inbound_working: '5', inbound_shipped: '4', inbound_receiving: '1', reserved: '1',
          unfulfillable: '1', total: '22', price: '29.9900', currency: 'USD', source: 'fba_manage_inventory' },
        { sku: 'MAT-2', available: '0', inbound_working: '0', inbound_shipped: '30', inbound_receiving: '0', reserved: '0',
          unfulfillable: '0', total: '30', price: '1019.5000', currency: 'USD', source: 'fba_manage_inventory' },
      ]);
    }));

  test('the product name keeps the cp1252 en dash (0x96 → "–")', async () => {
    const { readSourceFile } = await import('../source-file.ts');
    const source = await readSourceFile(ownFixture('fba-manage-inventory/manage-inventory-cp1252.csv'));
    expect(source.encoding).toBe('windows-1252');
    expect(source.text).toContain('Door Mat –60 x 90 cm');
  });

  test('a file without afn-fulfillable-quantity is refused, naming it', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('fba-manage-inventory/manage-inventory-missing-fulfillable.txt')], us)).files;
      expect(r).toMatchObject({ status: 'error', type: 'fba_manage_inventory' });
      expect(r?.error).toMatch(/required column "afn-fulfillable-quantity"( or "[^"]+")* is missing/);
    }));

  test('Seller Central JP (cp932, Japanese header): read by the same columns, yen price exact', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('fba-manage-inventory/manage-inventory-ja-cp932.csv')], { marketplace: 'JP', date: '2024-05-01' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'fba_manage_inventory', rows: 2, marketplace: 'JP' });
      // available 12 + 0 = 12; inbound (3 + 2 + 0) + (0 + 8 + 0) = 13; total 20 + 8 = 28
      const [sums] = await db.all(`SELECT sum(available) AS available, sum(inbound_working + inbound_shipped + inbound_receiving) AS inbound,
        sum(total) AS total FROM inventory_snapshots`);
      expect(sums).toEqual({ available: '12', inbound: '13', total: '28' });
      const rows = await db.all(`SELECT sku, reserved, unfulfillable, CAST(your_price AS VARCHAR) AS price, currency FROM inventory_snapshots ORDER BY sku`);
      expect(rows).toEqual([
        { sku: 'BOX-B-S', reserved: '0', unfulfillable: '0', price: '2480.0000', currency: 'JPY' },
        { sku: 'BOX-W-L', reserved: '2', unfulfillable: '1', price: '1980.0000', currency: 'JPY' },
      ]);
    }));

  test('without --date the snapshot is today in the marketplace time zone', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('fba-manage-inventory/manage-inventory-api.txt')], { marketplace: 'US' })).files;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
      expect(r?.from).toBe(today);
    }));
});

describe.skipIf(!haveSharedFixtures)('Manage FBA Inventory, real 2020 file (../shared)', () => {
  const file = sharedFixture('fba-manage-inventory', 'xvr_manage_fba_inventory_US_2020-03.csv');
  test('rows, available and inbound units equal DuckDB read_csv on the file', () =>
    withTempDb(async (db, dir) => {
      const [r] = (await importFiles(db, [file], us)).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 40 });
      const [mine] = await db.all(`SELECT count(*) AS n, sum(available) AS available,
        sum(inbound_working + inbound_shipped + inbound_receiving) AS inbound FROM inventory_snapshots`);
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, sum("afn-fulfillable-quantity")::VARCHAR AS available,
        sum("afn-inbound-working-quantity" + "afn-inbound-shipped-quantity" + "afn-inbound-receiving-quantity")::VARCHAR AS inbound`);
      expect(mine).toEqual(theirs);
      const { readSourceFile } = await import('../source-file.ts');
      expect((await readSourceFile(file)).text).toContain('Desiderare Thick Fluffy Cute Rugs –63"" x 27.5""');
    }));
});

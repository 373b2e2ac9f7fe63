import type { FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { currencyColumn, detectWith, inventoryTarget, itemKeys, snapshotOutput, snapshotZone } from '../fba-snapshot/snapshot.ts';

/** Legacy Inventory Age (REAL 2019): Amazon's own typo `avaliable` is the spelling to match. */
export const inventoryAgeAliases = {
  snapshot_date: ['snapshot-date'],
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name'], condition: ['condition'],
  available: ['avaliable-quantity(sellable)', 'available-quantity(sellable)'],
  pending_removal: ['qty-with-removals-in-progress'],
  age_0_90: ['inv-age-0-to-90-days'], age_91_180: ['inv-age-91-to-180-days'], age_181_270: ['inv-age-181-to-270-days'],
  age_271_365: ['inv-age-271-to-365-days'], age_365_plus: ['inv-age-365-plus-days'],
  currency: ['currency'],
  units_shipped_30d: ['units-shipped-last-30-days'],
  your_price: ['your-price'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(inventoryAgeAliases);

export const fbaInventoryAge: TableFamily = {
  type: 'fba_inventory_age',
  name: { en: 'FBA Inventory Age (legacy)', zh: '库龄报告（旧版）' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['snapshot_date', 'sku', 'available', 'age_0_90'],
  filled: { snapshot_date: 'refuse', sku: 'refuse', available: 'refuse' },
  detect: detectWith(aliases, ['snapshot_date', 'available', 'age_0_90']),
  read,
};

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const evidence = { currencies: currencyColumn(input, 'currency') };
  const timeZone = snapshotZone(context, evidence);
  return snapshotOutput(input, 'fba_inventory_age', evidence, (row) => ({
    snapshot_date: row.date('snapshot_date', { timeZone }), ...itemKeys(row),
    available: row.int('available'),
    age_0_90: row.int('age_0_90'), age_91_180: row.int('age_91_180'), age_181_270: row.int('age_181_270'),
    age_271_365: row.int('age_271_365'), age_365_plus: row.int('age_365_plus'),
    units_shipped_30d: row.int('units_shipped_30d'),
    your_price: row.money('your_price')?.amount ?? null, currency: row.text('currency'),
  }));
}

import type { FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { currencyColumn, detectWith, inventoryTarget, itemKeys, snapshotOutput, snapshotZone } from '../fba-snapshot/snapshot.ts';

/** Legacy Inventory Health (GET_FBA_FULFILLMENT_INVENTORY_HEALTH_DATA, REAL 2019; FORMATS §7.3). */
export const inventoryHealthAliases = {
  snapshot_date: ['snapshot-date'],
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name'], condition: ['condition'],
  total: ['total-quantity'],
  available: ['sellable-quantity'],
  unfulfillable: ['unsellable-quantity'],
  age_0_90: ['inv-age-0-to-90-days'], age_91_180: ['inv-age-91-to-180-days'], age_181_270: ['inv-age-181-to-270-days'],
  age_271_365: ['inv-age-271-to-365-days'], age_365_plus: ['inv-age-365-plus-days'],
  units_shipped_24h: ['units-shipped-last-24-hrs'],
  units_shipped_30d: ['units-shipped-last-30-days'],
  currency: ['currency'],
  your_price: ['your-price'],
  inbound_total: ['in-bound-quantity'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(inventoryHealthAliases);

export const fbaInventoryHealth: TableFamily = {
  type: 'fba_inventory_health',
  name: { en: 'FBA Inventory Health (legacy)', zh: '库存状况报告（旧版）' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['snapshot_date', 'sku', 'available'],
  filled: { snapshot_date: 'refuse', sku: 'refuse', available: 'refuse' },
  detect: detectWith(aliases, ['snapshot_date', 'available', 'units_shipped_24h']),
  read,
};

/**
 * Snapshot dates are written `2019-12-11T08:00:00+00:00`, i.e. midnight Pacific: read in the
 * marketplace's zone they are the calendar day of the snapshot. The report gives inbound only as a
 * total; it goes into inbound_shipped so inbound_units (the sum of the three) is right.
 */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const evidence = { currencies: currencyColumn(input, 'currency') };
  const timeZone = snapshotZone(context, evidence);
  return snapshotOutput(input, 'fba_inventory_health', evidence, (row) => ({
    snapshot_date: row.date('snapshot_date', { timeZone }), ...itemKeys(row),
    available: row.int('available'), unfulfillable: row.int('unfulfillable'), total: row.int('total'),
    inbound_shipped: row.int('inbound_total'),
    age_0_90: row.int('age_0_90'), age_91_180: row.int('age_91_180'), age_181_270: row.int('age_181_270'),
    age_271_365: row.int('age_271_365'), age_365_plus: row.int('age_365_plus'),
    units_shipped_30d: row.int('units_shipped_30d'),
    your_price: row.money('your_price')?.amount ?? null, currency: row.text('currency'),
  }));
}

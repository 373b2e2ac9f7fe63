import type { FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { countryEvidence, detectWith, inventoryTarget, itemKeys, snapshotOutput, snapshotZone } from '../fba-snapshot/snapshot.ts';

/** FBA Inventory (GET_FBA_INVENTORY_PLANNING_DATA, FORMATS §7.3): one row per SKU with its own snapshot date. */
export const inventoryPlanningAliases = {
  snapshot_date: ['snapshot-date'],
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name'], condition: ['condition'],
  available: ['available'],
  pending_removal: ['pending-removal-quantity'],
  age_0_90: ['inv-age-0-to-90-days'], age_91_180: ['inv-age-91-to-180-days'], age_181_270: ['inv-age-181-to-270-days'],
  age_271_365: ['inv-age-271-to-365-days'], age_365_plus: ['inv-age-365-plus-days'],
  currency: ['currency'],
  units_shipped_30d: ['units-shipped-t30'],
  your_price: ['your-price'],
  marketplace: ['marketplace'],
  days_of_supply: ['days-of-supply'],
  inbound_total: ['inbound-quantity'],
  inbound_working: ['inbound-working'], inbound_shipped: ['inbound-shipped'], inbound_receiving: ['inbound-received'],
  reserved: ['reserved-quantity'],
  unfulfillable: ['unfulfillable-quantity'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(inventoryPlanningAliases);

export const fbaInventoryPlanning: TableFamily = {
  type: 'fba_inventory_planning',
  name: { en: 'FBA Inventory (inventory planning)', zh: '亚马逊物流库存（库存规划）' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['snapshot_date', 'sku', 'available'],
  filled: { snapshot_date: 'refuse', sku: 'refuse', available: 'refuse' },
  detect: detectWith(aliases, ['snapshot_date', 'available', 'pending_removal']),
  read,
};

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const first = input.rows.map((r) => input.fields.row(r));
  const evidence = {
    amazonIds: countryEvidence(first.map((r) => r.text('marketplace'))),
    currencies: [...new Set(first.map((r) => r.text('currency')).filter((c): c is string => c !== null))],
  };
  const timeZone = snapshotZone(context, evidence);
  return snapshotOutput(input, 'fba_inventory_planning', evidence, (row) => ({
    snapshot_date: row.date('snapshot_date', { timeZone }), ...itemKeys(row),
    available: row.int('available'), reserved: row.int('reserved'), unfulfillable: row.int('unfulfillable'),
    inbound_working: row.int('inbound_working'), inbound_shipped: row.int('inbound_shipped'), inbound_receiving: row.int('inbound_receiving'),
    age_0_90: row.int('age_0_90'), age_91_180: row.int('age_91_180'), age_181_270: row.int('age_181_270'),
    age_271_365: row.int('age_271_365'), age_365_plus: row.int('age_365_plus'),
    units_shipped_30d: row.int('units_shipped_30d'), days_of_supply: row.decimal('days_of_supply'),
    your_price: row.money('your_price')?.amount ?? null, currency: row.text('currency'),
  }));
}

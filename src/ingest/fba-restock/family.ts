import type { FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import type { RowFields } from '../row-fields.ts';
import {
  countryEvidence, currencyColumn, detectWith, inventoryTarget, snapshotOutput, sumGiven, undatedSnapshotDay,
} from '../fba-snapshot/snapshot.ts';

/** Restock Inventory (GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT, 2019 UI CSV; FORMATS §7.4). */
export const restockAliases = {
  country: ['Country'],
  product_name: ['Product Description'],
  fnsku: ['FNSKU'], sku: ['SKU', 'Merchant SKU'], asin: ['ASIN'], condition: ['Condition'],
  currency: ['Currency Code'],
  price: ['Price'],
  units_shipped_30d: ['Sales last 30 days (units)', 'Units Sold Last 30 Days'],
  total: ['Total Inventory', 'Total Units'],
  inbound_total: ['Inbound Inventory', 'Inbound'],
  available: ['Available Inventory', 'Available'],
  reserved_fc_transfer: ['Reserved - FC transfer', 'FC transfer'],
  reserved_fc_processing: ['Reserved - FC processing', 'FC Processing'],
  reserved_customer_order: ['Reserved - Customer Order', 'Customer Order'],
  unfulfillable: ['Unfulfillable'],
  days_of_supply: ['Days of Supply', 'Total Days of Supply (including units from open shipments)'],
  recommended_order_qty: ['Recommended Order Quantity', 'Recommended replenishment qty'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(restockAliases);

export const fbaRestock: TableFamily = {
  type: 'fba_restock',
  name: { en: 'FBA Restock Inventory', zh: '补货建议' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['sku', 'available'],
  filled: { sku: 'refuse', available: 'refuse' },
  detect: detectWith(aliases, ['available', 'recommended_order_qty']),
  read,
};

/** No date inside (the file name's date is not evidence): --date, else today in the marketplace. */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const countries = input.rows.map((r) => input.fields.row(r).text('country'));
  const evidence = { amazonIds: countryEvidence(countries), currencies: currencyColumn(input, 'currency') };
  const day = undatedSnapshotDay(context, evidence);
  return snapshotOutput(input, 'fba_restock', evidence, (row) => ({
    snapshot_date: day, sku: row.text('sku'), fnsku: row.text('fnsku'), asin: row.text('asin'), condition: row.text('condition'),
    available: row.int('available'), unfulfillable: row.int('unfulfillable'), total: row.int('total'),
    // only a total is given; inbound_units sums the three parts, so it stands in inbound_shipped
    inbound_shipped: row.int('inbound_total'),
    reserved: sumGiven(row.int('reserved_fc_transfer'), row.int('reserved_fc_processing'), row.int('reserved_customer_order')),
    units_shipped_30d: row.int('units_shipped_30d'), days_of_supply: daysOfSupply(row),
    recommended_order_qty: row.int('recommended_order_qty'),
    your_price: row.money('price')?.amount ?? null, currency: row.text('currency'),
  }));
}

/** `365+` is Amazon's cap ("a year or more"): kept as 365, the least it means, rather than lost. */
function daysOfSupply(row: RowFields): string | null {
  const text = row.text('days_of_supply');
  if (text && /^\d+\+$/.test(text)) return text.slice(0, -1);
  return row.decimal('days_of_supply');
}

import type { TableFamily, TableInput, FamilyContext, FamilyOutput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith, inventoryTarget, itemKeys, snapshotOutput, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';

/** Manage FBA Inventory (FORMATS §7.1): the UI's quoted cp1252 CSV and the API's TAB file share these names. */
export const manageInventoryAliases = {
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name'], condition: ['condition'],
  your_price: ['your-price'],
  available: ['afn-fulfillable-quantity'],
  unfulfillable: ['afn-unsellable-quantity'],
  reserved: ['afn-reserved-quantity'],
  total: ['afn-total-quantity'],
  warehouse: ['afn-warehouse-quantity'],
  inbound_working: ['afn-inbound-working-quantity'],
  inbound_shipped: ['afn-inbound-shipped-quantity'],
  inbound_receiving: ['afn-inbound-receiving-quantity'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(manageInventoryAliases);

export const fbaManageInventory: TableFamily = {
  type: 'fba_manage_inventory',
  name: { en: 'Manage FBA Inventory', zh: '管理亚马逊库存' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['sku', 'available'],
  filled: { sku: 'refuse', available: 'refuse' },
  detect: detectWith(aliases, ['total', 'warehouse', 'inbound_shipped']),
  read,
};

/** The file has no date inside: it is the stock on the day it was downloaded (--date, else today). */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const day = undatedSnapshotDay(context, {});
  return snapshotOutput(input, 'fba_manage_inventory', {}, (row) => ({
    snapshot_date: day, ...itemKeys(row),
    available: row.int('available'), unfulfillable: row.int('unfulfillable'), reserved: row.int('reserved'), total: row.int('total'),
    inbound_working: row.int('inbound_working'), inbound_shipped: row.int('inbound_shipped'), inbound_receiving: row.int('inbound_receiving'),
    your_price: row.money('your_price')?.amount ?? null, currency: null,
  }));
}

import type { FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith, inventoryTarget, snapshotOutput, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';

/** Amazon-fulfilled inventory GET_AFN_INVENTORY_DATA (FORMATS §7.2): TSV .txt or quoted CSV. */
export const afnInventoryAliases = {
  sku: ['seller-sku'],
  fnsku: ['fulfillment-channel-sku'],
  asin: ['asin'],
  condition: ['condition-type'],
  warehouse_condition: ['Warehouse-Condition-code'],
  quantity: ['Quantity Available'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(afnInventoryAliases);

export const fbaAfnInventory: TableFamily = {
  type: 'fba_afn_inventory',
  name: { en: 'FBA Amazon-fulfilled inventory', zh: '亚马逊配送库存' },
  format: 'table',
  writes: [inventoryTarget],
  aliases,
  required: ['sku', 'warehouse_condition', 'quantity'],
  filled: { sku: 'refuse', warehouse_condition: 'refuse', quantity: 'refuse' },
  detect: detectWith(aliases, ['fnsku', 'warehouse_condition']),
  read,
};

/** One row per SKU and warehouse condition: SELLABLE units are available, UNSELLABLE ones unfulfillable. */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const day = undatedSnapshotDay(context, {});
  return snapshotOutput(input, 'fba_afn_inventory', {}, (row) => {
    const quantity = row.int('quantity');
    const sellable = row.text('warehouse_condition')?.toUpperCase() === 'SELLABLE';
    return {
      snapshot_date: day, sku: row.text('sku'), fnsku: row.text('fnsku'), asin: row.text('asin'), condition: row.text('condition'),
      available: sellable ? quantity : null, unfulfillable: sellable ? null : quantity, total: quantity,
    };
  });
}

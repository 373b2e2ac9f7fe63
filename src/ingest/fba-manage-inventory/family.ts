import type { TableFamily, TableInput, FamilyContext, FamilyOutput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith, inventoryTarget, itemKeys, snapshotOutput, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';

/**
 * Manage FBA Inventory (FORMATS §7.1): the UI's quoted cp1252 CSV and the API's TAB file share these names.
 * ja, Seller Central JP's FBA在庫管理レポート (cp932 CSV): the same 21 columns in the same order, named in Japanese
 * (`出品者SKU, FNSKU, ASIN, 商品名, コンディション, 価格, 出品者出荷在庫, 出品者出荷在庫(出荷可), Amazon出荷在庫,
 * Amazon出荷在庫(配送センター内), Amazon出荷在庫(出荷可), Amazon出荷在庫(販売不可), Amazon出荷在庫(引当済み), Amazon出荷在庫(合計),
 * 容積, Amazon納品数(準備中), Amazon納品数(発送済み), Amazon納品数(受領中), afn-researching-qty, …`): find_string 38994378944
 * (a JS reader's column list, decoded from SJIS); `Amazon出荷在庫(合計)`, `Amazon出荷在庫(引当済み)`, `価格` 62907205071;
 * `Amazon出荷在庫(出荷可)`, `Amazon出荷在庫(引当済み)`, `Amazon納品数(発送済み)`, `Amazon納品数(受領中)` 59444102806;
 * read as CP932 with commas 52925696921. Matched to the English names by position in that list.
 */
export const manageInventoryAliases = {
  sku: ['sku', '出品者SKU'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name', '商品名'], condition: ['condition', 'コンディション'],
  your_price: ['your-price', '価格'],
  available: ['afn-fulfillable-quantity', 'Amazon出荷在庫(出荷可)'],
  unfulfillable: ['afn-unsellable-quantity', 'Amazon出荷在庫(販売不可)'],
  reserved: ['afn-reserved-quantity', 'Amazon出荷在庫(引当済み)'],
  total: ['afn-total-quantity', 'Amazon出荷在庫(合計)'],
  warehouse: ['afn-warehouse-quantity', 'Amazon出荷在庫(配送センター内)'],
  inbound_working: ['afn-inbound-working-quantity', 'Amazon納品数(準備中)'],
  inbound_shipped: ['afn-inbound-shipped-quantity', 'Amazon納品数(発送済み)'],
  inbound_receiving: ['afn-inbound-receiving-quantity', 'Amazon納品数(受領中)'],
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

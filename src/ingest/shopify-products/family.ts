import { marketplaceByCode } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import type { MasterDataFamily } from '../master-data/family.ts';
import { fileProblem } from '../problems.ts';

/**
 * Shopify admin → Products → Export (one row per variant; a product's own columns, Title among them, on its first row,
 * its later rows repeat `Handle`). Spellings from an importer's matcher of the whole header (find_string id 38857112271:
 * `Handle,Title,…,Variant SKU,…,Variant Price,…,Cost per item,…,Status`) and jiulingyun/shopify-lingxin-sync
 * `src/converter.py` (Shopify's product CSV read into 领星's format). Loaded as master data: each variant SKU's product
 * name (sku_map), its handle, options and price on Shopify (channel_listings) and, where `Cost per item` is filled, its unit cost in the shop's currency (costs; the export writes no
 * currency, so it takes `--marketplace`'s, else the costs are left out with a warning).
 */
const aliases = new AliasIndex({
  handle: ['Handle'],
  title: ['Title'],
  sku: ['Variant SKU'],
  price: ['Variant Price'],
  option1: ['Option1 Value'],
  option2: ['Option2 Value'],
  option3: ['Option3 Value'],
  cost: ['Cost per item'],
  status: ['Status'],
});

export const shopifyProducts: MasterDataFamily = {
  type: 'shopify_products', name: { en: 'Shopify product export (master data)', zh: 'Shopify 商品导出（主数据）' },
  format: 'table', masterData: 'products',
  writes: [{ table: 'sku_map', dateFrom: 'NULL', dateTo: 'NULL' }, { table: 'costs', dateFrom: 'NULL', dateTo: 'NULL' }, { table: 'channel_listings', dateFrom: 'NULL', dateTo: 'NULL' }],
  aliases, required: ['handle', 'sku'], filled: { handle: 'refuse', sku: 'warn' },
  detect(header) {
    const columns = aliases.resolve(header);
    return columns.has('handle') && columns.has('sku') && columns.has('price') ? columns.size : false;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const state = context.batch?.state ?? {};
  const currency = context.options.marketplace ? marketplaceByCode(context.options.marketplace)?.currency ?? null : null;
  const skus: CanonicalRow[] = [];
  const costs: CanonicalRow[] = [];
  const listings: CanonicalRow[] = [];
  let uncosted = 0;
  for (const source of rows) {
    const row = fields.row(source);
    const handle = row.text('handle');
    const title = row.text('title');
    // a product's title is on its first row only: carried to its other variants (and across batches)
    if (handle !== null && title !== null) state[`title:${handle}`] = title;
    const sku = row.text('sku');
    if (sku === null) continue; // an image-only row, or a variant without a SKU
    skus.push({ sku, product_name: (handle === null ? null : (state[`title:${handle}`] as string | undefined)) ?? null, fnsku: null, asin: null, parent_asin: null, product_code: null, image_url: null });
    // what Shopify's product CSV matches a variant by (its handle and option values), for price files (app/price-export.ts)
    listings.push({ channel: 'shopify', sku, handle, option1_value: row.text('option1'), option2_value: row.text('option2'), option3_value: row.text('option3'), price: row.decimal('price'), currency });
    const cost = row.decimal('cost');
    if (cost === null) continue;
    if (currency === null) uncosted++;
    else costs.push({ sku, effective_from: '1970-01-01', currency, unit_cost: cost, freight_per_unit: null, duty_rate: null, marketplace: null });
  }
  const problems = [...fields.problems];
  if (uncosted > 0) problems.push(fileProblem('shopify_cost_needs_marketplace', { count: uncosted }, { code: 'needs_marketplace', severity: 'warning', file: context.file }));
  return { rows: rows.length, tables: { sku_map: skus, costs, channel_listings: listings }, period: null, evidence: {}, problems };
}

import type { CanonicalRow, FamilyContext, FamilyOutput, TableInput } from '../family.ts';
import { fileProblem } from '../problems.ts';
import { AliasIndex } from '../header.ts';
import type { MasterDataFamily } from '../master-data/family.ts';

/**
 * 领星 (LingXing) ERP's MSKU pairing file (MSKU配对): each row pairs a channel's SKU (`*MSKU`) with the seller's own
 * product (`*SKU`, 领星's local SKU) in a shop written `[Platform].shop name`, e.g. `[Shopify].MyStore`. Spellings from
 * jiulingyun/shopify-lingxin-sync src/matcher.py (`_convert_to_lingxin_format`: the columns `*MSKU`, `*SKU`, `店铺`, on
 * the workbook's first sheet, which 领星's import reads). Loaded as master data: each MSKU's product code (sku_map), so
 * one product code gathers its SKUs on Amazon, Walmart and Shopify (`--by product`). The shop names no marketplace
 * and no Asterism store: the file is loaded into the import's store.
 */
const aliases = new AliasIndex({
  msku: ['*MSKU', 'MSKU'],
  product_code: ['*SKU'],
  shop: ['店铺'],
});

export const lingxingPairing: MasterDataFamily = {
  type: 'lingxing_msku_pairing', name: { en: 'LingXing MSKU pairing (master data)', zh: '领星 MSKU 配对（主数据）' },
  format: 'table', masterData: 'products',
  writes: [{ table: 'sku_map', dateFrom: 'NULL', dateTo: 'NULL' }],
  aliases, required: ['msku', 'product_code'], filled: { msku: 'refuse', product_code: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    // the starred spellings are the template's own: `*MSKU` with `*SKU` (a plain `SKU` column is every other report's)
    return columns.has('msku') && columns.has('product_code') ? columns.size : false;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const pairs: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const sku = row.text('msku');
    const code = row.text('product_code');
    if (sku === null && code === null) continue;
    if (sku === null || code === null) {
      const column = sku === null ? '*MSKU' : '*SKU';
      fields.problems.push(fileProblem('value_required', { line: row.line, column }, { code: 'missing_value', file: context.file, line: row.line, column }));
      continue;
    }
    pairs.push({ sku, product_code: code, fnsku: null, asin: null, parent_asin: null, product_name: null, image_url: null });
  }
  return { rows: rows.length, tables: { sku_map: pairs }, period: null, evidence: {}, problems: fields.problems };
}

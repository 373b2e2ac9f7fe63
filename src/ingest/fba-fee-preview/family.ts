import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { currencyColumn, detectWith, noRows, undatedSnapshotDay } from '../fba-snapshot/snapshot.ts';

/**
 * FBA fee preview GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA (FORMATS §11), US and EU spellings. Names are
 * matched exactly: a loose `fulfil?ment` match once picked up `sales-price` in another parser.
 * ja: Seller Central JP's `手数料見積り額レポート` (English `sku`/`fnsku`/`asin`, the rest Japanese, mixed
 * half- and full-width brackets), real downloads in brussliu/smartinfo2
 * `WEB-INF/efw/storage/Smart-Bear/import/BACKUP_FILE/13.手数料見積り額レポート/file13_20230906_000346.csv`
 * (and `file13_20231113_003258.csv`, which adds `Amazonストア`). `価格` is the your-price column (`販売価格`,
 * the sales price, is a separate column equal to it in both files).
 */
export const feePreviewAliases = {
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name', '商品名'],
  your_price: ['your-price', '価格'],
  size_tier: ['product-size-tier', 'product-size-weight-band'],
  currency: ['currency', '通貨'],
  total_fee: ['estimated-fee-total', '手数料見積り額'],
  referral_fee: ['estimated-referral-fee-per-unit', '販売手数料見積り額(個数あたり)'],
  // US: `fulfillment`; EU/UK: `domestic fulfilment` (the EFN columns are cross-border and often `--`); ja: `配送代行手数料`
  fulfillment_fee: ['expected-fulfillment-fee-per-unit', 'expected-domestic-fulfilment-fee-per-unit', '配送代行手数料見積り額（個数あたり）'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(feePreviewAliases);

export const fbaFeePreview: TableFamily = {
  type: 'fba_fee_preview',
  name: { en: 'FBA fee preview', zh: '亚马逊物流费用预览' },
  format: 'table',
  writes: [{ table: 'fee_estimates', dateFrom: 'snapshot_date', dateTo: 'snapshot_date', guardKey: 'sku' }],
  aliases,
  required: ['sku', 'referral_fee', 'fulfillment_fee'],
  filled: { sku: 'refuse' },
  detect: detectWith(aliases, ['total_fee', 'referral_fee']),
  read,
};

/** The preview has no date inside: it is dated by --date, else the day of the import. */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(context.file);
  const evidence = { currencies: currencyColumn(input, 'currency') };
  const day = undatedSnapshotDay(context, evidence);
  const out: CanonicalRow[] = rows.map((source) => {
    const row = fields.row(source);
    return {
      snapshot_date: day, sku: row.text('sku'), asin: row.text('asin'),
      price: row.money('your_price')?.amount ?? null, size_tier: row.text('size_tier'),
      referral_fee: row.money('referral_fee')?.amount ?? null, fulfillment_fee: row.money('fulfillment_fee')?.amount ?? null,
      total_fee: row.money('total_fee')?.amount ?? null, currency: row.text('currency'),
    };
  });
  return {
    rows: rows.length, tables: { fee_estimates: out }, period: { from: day, to: day },
    evidence: { currencies: [...new Set([...evidence.currencies, ...fields.currencies])] }, problems: fields.problems,
  };
}

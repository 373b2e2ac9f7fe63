import type { CanonicalRow, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { decodeEntities, periodOf, requireValue } from '../report-helpers/row-values.ts';
import { mfnReturnsAliases } from './aliases.ts';

const aliases = new AliasIndex(mfnReturnsAliases);

/**
 * Seller-fulfilled (MFN) returns TSV: one row per return request, dated by its request date
 * (`07-Sep-2019`, already a local day). Empty cells are a lone space and text carries `&quot;`.
 */
export const mfnReturns: TableFamily = {
  type: 'mfn_returns',
  name: { en: 'Seller-fulfilled returns', zh: '卖家自配送退货报告' },
  format: 'table',
  writes: [{ table: 'returns', dateFrom: 'return_date', dateTo: 'return_date', guardKey: 'sku' }],
  splitsByMarketplace: true,
  placedByOrder: true,
  aliases,
  required: ['order_id', 'return_request_date', 'quantity'],
  filled: { order_id: 'refuse', return_request_date: 'refuse', quantity: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('return_request_date') || !columns.has('order_id')) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput): FamilyOutput {
  const returns: CanonicalRow[] = [];
  const currencies = new Set<string>();
  for (const source of rows) {
    const row = fields.row(source);
    const date = row.date('return_request_date');
    if (!requireValue(fields, row, 'return_request_date', date)) continue;
    const currency = row.text('currency')?.toUpperCase() ?? null;
    if (currency) currencies.add(currency);
    returns.push({
      return_date: date, channel: 'FBM',
      order_id: row.text('order_id'), sku: decodeEntities(row.text('sku')), asin: row.text('asin'), fnsku: null,
      quantity: row.int('quantity'),
      reason: decodeEntities(row.text('reason')), disposition: null, status: row.text('status'),
      customer_comment: null,
      refunded_amount: row.decimal('refunded_amount'), currency,
    });
  }
  return { rows: rows.length, tables: { returns }, period: periodOf(returns, 'return_date'), evidence: { currencies: [...currencies] }, problems: fields.problems };
}

import { type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { periodOf, requireValue } from '../report-helpers/row-values.ts';
import { readTimestamp, timeZoneOf } from '../report-helpers/timestamps.ts';
import { fbaReturnsAliases } from './aliases.ts';

const aliases = new AliasIndex(fbaReturnsAliases);
/** columns only this report has: `return-date` alone could be another returns file */
const ownColumns = ['disposition', 'fulfillment_center', 'license_plate', 'fnsku'] as const;

/**
 * FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA; UI CSV, API TSV, sometimes
 * Windows-1252, which source-file decodes). return-date is a UTC timestamp: the row is dated by its
 * local day in the marketplace, which the file does not name: a row whose order is stored for the store is placed and
 * dated in that order's marketplace (a unified account's report: returns-by-order.ts); --marketplace takes the rest.
 */
export const fbaReturns: TableFamily = {
  type: 'fba_customer_returns',
  name: { en: 'FBA customer returns', zh: 'FBA 买家退货报告' },
  format: 'table',
  writes: [{ table: 'returns', dateFrom: 'return_date', dateTo: 'return_date', guardKey: 'sku' }],
  splitsByMarketplace: true,
  placedByOrder: true,
  aliases,
  required: ['return_date', 'order_id', 'sku', 'quantity'],
  filled: { return_date: 'refuse', order_id: 'refuse', sku: 'refuse', quantity: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('return_date') || !ownColumns.some((c) => columns.has(c))) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  // without --marketplace a return is dated by its UTC day until its order places and dates it (returns-by-order.ts);
  // one whose order is not stored then refuses the file, asking for --marketplace
  const timeZone = timeZoneOf(context) ?? 'UTC';
  const returns: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const { date, at } = readTimestamp(row, 'return_date', timeZone);
    if (!requireValue(fields, row, 'return_date', date)) continue;
    returns.push({
      return_date: date, returned_at: at ? at.toISOString() : null, channel: 'FBA',
      order_id: row.text('order_id'), sku: row.text('sku'), asin: row.text('asin'), fnsku: row.text('fnsku'),
      quantity: row.int('quantity'),
      reason: row.text('reason'), disposition: row.text('disposition'), status: row.text('status'),
      customer_comment: row.text('customer_comment'),
      // the report carries no refund amount
      refunded_amount: null, currency: null,
    });
  }
  return { rows: rows.length, tables: { returns }, period: periodOf(returns, 'return_date'), evidence: {}, problems: fields.problems };
}

import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { periodOf, requireValue } from '../report-helpers/row-values.ts';
import { columnByAmountType, fulfillmentOf, otherType, payoutType, typeOf, walmartReconAliases } from './aliases.ts';

const aliases = new AliasIndex(walmartReconAliases);

/**
 * Walmart's reconciliation report (aliases.ts) into `transactions`, channel `walmart`: each line one money event,
 * dated by its posted day, in the column its Amount Type names (product price → sales, commission → selling fees, a
 * fee or reimbursement such as the shipping label charge → other transaction fees; other amount types → other). The
 * order is the purchase order (Purchase Order #), as Walmart's order report keys it. The period's payout line
 * (PaymentSummary) is the transfer, not a money event: not written.
 */
export const walmartRecon: TableFamily = {
  type: 'walmart_recon',
  name: { en: 'Walmart reconciliation report', zh: '沃尔玛对账报告' },
  format: 'table',
  writes: [{ table: 'transactions', dateFrom: 'posted_date', dateTo: 'posted_date', guardKey: 'order_id', sameScope: ['channel'] }],
  aliases,
  required: ['posted', 'transaction_type', 'amount', 'amount_type'],
  filled: { transaction_type: 'refuse', amount: 'refuse' },
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('posted') || !columns.has('amount_type') || !columns.has('purchase_order')) return false;
    return columns.size;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  void context;
  const lines: CanonicalRow[] = [];
  const currencies = new Set<string>();
  for (const source of rows) {
    const row = fields.row(source);
    const written = row.text('transaction_type');
    // a note line (`Number of Lines in file 81`) has no transaction
    if (written === null && row.text('posted') === null) continue;
    const currency = row.text('currency')?.toUpperCase();
    if (currency) currencies.add(currency);
    if (written?.toLowerCase() === payoutType) continue;
    const posted = row.date('posted');
    if (!requireValue(fields, row, 'posted', posted)) continue;
    const amount = row.decimal('amount');
    if (!requireValue(fields, row, 'amount', amount)) continue;
    const column = columnByAmountType[row.text('amount_type')?.toLowerCase() ?? ''] ?? 'other';
    const type = typeOf[written?.toLowerCase() ?? ''] ?? (written === null ? null : otherType(written));
    lines.push({
      channel: 'walmart', source: 'walmart_recon', posted_at: null, posted_date: posted,
      settlement_id: null, type, order_id: row.text('purchase_order'), sku: row.text('sku'),
      description: row.text('description') ?? row.text('amount_type'),
      // the quantity belongs to the sale: written on its fee lines too, counted once (on the price line)
      quantity: column === 'product_sales' ? row.int('quantity') : null,
      fulfillment: fulfillmentOf(row.text('fulfillment_type')),
      product_sales: null, selling_fees: null, other_transaction_fees: null, other: null,
      [column]: amount, total: amount, currency: currency ?? null,
    });
  }
  return {
    rows: rows.length,
    tables: { transactions: lines },
    period: periodOf(lines, 'posted_date'),
    evidence: { currencies: [...currencies] },
    problems: [...fields.problems],
  };
}


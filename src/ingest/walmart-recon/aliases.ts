import type { AliasTable } from '../header.ts';

/**
 * Walmart Marketplace reconciliation (recon) report, V1 (Seller Center → Payments, or
 * GET /v3/report/reconreport/reconFile?reportVersion=v1): one line per money event of an order line. Spellings as the
 * report writes them, seen in:
 * - https://developer.walmart.com/us-marketplace/docs/recon-report-json (the JSON response sample's keys: Period Start
 *   Date, Period End Date, Currency, Transaction Type `PaymentSummary`, Total Payable, Transaction Description);
 * - a recon V1 file's full header with sample lines (tab-separated; `Sale`/`Adjustment`, `Product Price`, `Commission on
 *   Product`, `Fee/Reimbursement`, `Walmart Shipping Label Service Charge`), find_string id 65753589358;
 * - the same columns read by a Java model (`@JsonProperty("Transaction Posted Timestamp")`, `"Amount Type"`,
 *   `"Partner Item Id"`, `"Ship Qty"`), find_string id 10960648042.
 * Ship to City / State / Zipcode are not read (addresses are never kept).
 */
export const walmartReconAliases = {
  period_start: ['Period Start Date'],
  period_end: ['Period End Date'],
  total_payable: ['Total Payable'],
  currency: ['Currency'],
  transaction_key: ['Transaction Key'],
  posted: ['Transaction Posted Timestamp'],
  transaction_type: ['Transaction Type'],
  description: ['Transaction Description'],
  customer_order: ['Customer Order #'],
  purchase_order: ['Purchase Order #'],
  amount: ['Amount'],
  amount_type: ['Amount Type'],
  quantity: ['Ship Qty'],
  sku: ['Partner Item Id'],
  item_name: ['Partner Item Name'],
  fulfillment_type: ['Fulfillment Type'],
} as const satisfies AliasTable;

/**
 * Transaction Type → the transaction type profit reads (src/domain/transaction-types.ts): a sale and a refund are order
 * lines. Walmart's other types keep their words behind `Walmart `, so none is read as Amazon's type of the same name
 * (Amazon's `Adjustment` is a reimbursement; Walmart's is mostly a charge, such as the shipping label): profit counts
 * them in other fees, by their amount.
 */
export const typeOf: Readonly<Record<string, string>> = { sale: 'Order', refund: 'Refund' };
export const otherType = (written: string): string => `Walmart ${written}`;

/** Amount Type → the transactions column it is summed in; any other amount type is `other` (named, never lost). */
export const columnByAmountType: Readonly<Record<string, string>> = {
  'product price': 'product_sales',
  'commission on product': 'selling_fees',
  'fee/reimbursement': 'other_transaction_fees',
};

/** the payout line of a report period: the transfer of the money the other lines add up to, not a money event */
export const payoutType = 'paymentsummary';

/** Fulfillment Type → the FBA/FBM split: Walmart Fulfillment Services (WFS) is Walmart's, seller fulfilled the seller's */
export const fulfillmentOf = (written: string | null): string | null => {
  const t = written?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  if (t === 'sellerfulfilled') return 'FBM';
  if (t.startsWith('wfs') || t === 'walmartfulfilled') return 'WFS';
  return written;
};

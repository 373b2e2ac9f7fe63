import type { AliasTable } from '../header.ts';

/**
 * Settlement report, flat file V2 (`GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2`): one line per amount, and a first
 * line per settlement with only its id, dates, deposit date, total and currency. Column names are the same in every
 * marketplace (flat-file names). Sources: src/ingest/README.md "Settlement report V2".
 */
export const settlementV2Aliases = {
  settlement_id: ['settlement-id'],
  settlement_start: ['settlement-start-date'],
  settlement_end: ['settlement-end-date'],
  deposit_date: ['deposit-date'],
  total_amount: ['total-amount'],
  currency: ['currency'],
  transaction_type: ['transaction-type'],
  order_id: ['order-id'],
  marketplace: ['marketplace-name'],
  amount_type: ['amount-type'],
  amount_description: ['amount-description'],
  amount: ['amount'],
  fulfillment: ['fulfillment-id'],
  posted_date: ['posted-date'],
  posted_at: ['posted-date-time'],
  sku: ['sku'],
  quantity: ['quantity-purchased'],
} satisfies AliasTable;

/**
 * Where an amount goes among the transaction columns (the Payments report's columns, which the profit measures
 * read), by `amount-type` and `amount-description`; an amount named nowhere here goes to `other`.
 */
export const amountColumns: Readonly<Record<string, Readonly<Record<string, string>> & { '*'?: string }>> = {
  ItemPrice: {
    Principal: 'product_sales', Tax: 'product_sales_tax', Shipping: 'shipping_credits', ShippingTax: 'shipping_credits_tax',
    GiftWrap: 'gift_wrap_credits', GiftWrapTax: 'gift_wrap_credits_tax', '*': 'other',
  },
  ItemWithheldTax: { '*': 'marketplace_withheld_tax' },
  Promotion: { '*': 'promotional_rebates' },
  ItemFees: {
    Commission: 'selling_fees', RefundCommission: 'selling_fees', VariableClosingFee: 'selling_fees', FixedClosingFee: 'selling_fees',
    FBAPerUnitFulfillmentFee: 'fba_fees', FBAPerOrderFulfillmentFee: 'fba_fees', FBAWeightBasedFee: 'fba_fees',
    '*': 'other_transaction_fees',
  },
};

/** `transaction-type` → the stored type (transaction-types.ts) where the settlement spells it otherwise; others kept as written. */
export const settlementTypes: Readonly<Record<string, string>> = {
  Order: 'Order',
  Refund: 'Refund',
  'Chargeback Refund': 'Refund',
  'A-to-z Guarantee Refund': 'Refund',
  ServiceFee: 'Service Fee',
};

/** `other-transaction` lines, by `amount-type`: reimbursements are adjustments; reserves and card charges move money (transfers). */
export const otherTransactionTypes: Readonly<Record<string, string>> = {
  'FBA Inventory Reimbursement': 'Adjustment',
  'Current Reserve Amount': 'Transfer',
  'Previous Reserve Amount Balance': 'Transfer',
  'Successful charge': 'Transfer',
  'Payable to Amazon': 'Transfer',
};

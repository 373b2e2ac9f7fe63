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
  // the older flat file (`GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE`): several type/amount pairs per line
  price_type: ['price-type'],
  price_amount: ['price-amount'],
  item_fee_type: ['item-related-fee-type'],
  item_fee_amount: ['item-related-fee-amount'],
  shipment_fee_type: ['shipment-fee-type'],
  shipment_fee_amount: ['shipment-fee-amount'],
  order_fee_type: ['order-fee-type'],
  order_fee_amount: ['order-fee-amount'],
  promotion_type: ['promotion-type'],
  promotion_amount: ['promotion-amount'],
  direct_payment_type: ['direct-payment-type'],
  direct_payment_amount: ['direct-payment-amount'],
  misc_fee_amount: ['misc-fee-amount'],
  other_fee_amount: ['other-fee-amount'],
  other_fee_reason: ['other-fee-reason-description'],
  other_amount: ['other-amount'],
} satisfies AliasTable;

/**
 * The older flat file's amount columns, each with the column naming its kind (or a fixed description) and the
 * amount-type of the V2 layout it is: one transaction line per filled amount.
 */
export const flatFilePairs: readonly { amount: string; kind: string; amountType: string }[] = [
  { amount: 'price_amount', kind: 'price_type', amountType: 'ItemPrice' },
  { amount: 'item_fee_amount', kind: 'item_fee_type', amountType: 'ItemFees' },
  { amount: 'shipment_fee_amount', kind: 'shipment_fee_type', amountType: 'ItemFees' },
  { amount: 'order_fee_amount', kind: 'order_fee_type', amountType: 'ItemFees' },
  { amount: 'promotion_amount', kind: 'promotion_type', amountType: 'Promotion' },
  { amount: 'direct_payment_amount', kind: 'direct_payment_type', amountType: 'DirectPayment' },
  { amount: 'misc_fee_amount', kind: '', amountType: 'MiscFee' },
  { amount: 'other_fee_amount', kind: 'other_fee_reason', amountType: 'OtherFee' },
  { amount: 'other_amount', kind: '', amountType: 'Other' },
];

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

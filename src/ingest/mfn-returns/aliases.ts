import type { AliasTable } from '../header.ts';

/** Seller-fulfilled returns, GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (FORMATS §8): Title Case names. */
export const mfnReturnsAliases = {
  order_id: ['Order ID'],
  order_date: ['Order date'],
  return_request_date: ['Return request date'],
  status: ['Return request status'],
  amazon_rma_id: ['Amazon RMA ID'],
  merchant_rma_id: ['Merchant RMA ID'],
  label_type: ['Label type'],
  label_cost: ['Label cost'],
  currency: ['Currency code'],
  a_to_z_claim: ['A to z claim', 'A-to-z claim'],
  is_prime: ['Is prime'],
  asin: ['ASIN'],
  sku: ['Merchant SKU'],
  item_name: ['Item name'],
  quantity: ['Return quantity'],
  reason: ['Return reason'],
  in_policy: ['In policy'],
  return_type: ['Return type'],
  resolution: ['Resolution'],
  return_delivery_date: ['Return delivery date'],
  order_amount: ['Order amount'],
  order_quantity: ['Order quantity'],
  refunded_amount: ['Refunded amount'],
  category: ['Category'],
} as const satisfies AliasTable;

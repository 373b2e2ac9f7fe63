import type { AliasTable } from '../header.ts';

/** FBA customer returns (FORMATS §8): the same names in the UI CSV and the API TSV. */
export const fbaReturnsAliases = {
  return_date: ['return-date'],
  order_id: ['order-id'],
  sku: ['sku'],
  asin: ['asin'],
  fnsku: ['fnsku'],
  product_name: ['product-name'],
  quantity: ['quantity'],
  fulfillment_center: ['fulfillment-center-id'],
  disposition: ['detailed-disposition'],
  reason: ['reason'],
  status: ['status'],
  license_plate: ['license-plate-number'],
  customer_comment: ['customer-comments'],
} as const satisfies AliasTable;

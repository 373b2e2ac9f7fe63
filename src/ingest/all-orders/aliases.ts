import type { AliasTable } from '../header.ts';

/**
 * All Orders flat file (FORMATS §9). Flat-file column names are the same in every marketplace and
 * UI language; `price-designation ` carries a trailing space that header normalisation trims.
 * Later versions append columns: unknown ones are ignored, so map by name only.
 */
export const allOrdersAliases = {
  order_id: ['amazon-order-id'],
  merchant_order_id: ['merchant-order-id'],
  purchase_date: ['purchase-date'],
  last_updated_date: ['last-updated-date'],
  order_status: ['order-status'],
  fulfillment_channel: ['fulfillment-channel'],
  sales_channel: ['sales-channel'],
  order_channel: ['order-channel'],
  ship_service_level: ['ship-service-level'],
  product_name: ['product-name'],
  sku: ['sku'],
  asin: ['asin'],
  item_status: ['item-status'],
  quantity: ['quantity'],
  currency: ['currency'],
  item_price: ['item-price'],
  item_tax: ['item-tax'],
  shipping_price: ['shipping-price'],
  shipping_tax: ['shipping-tax'],
  gift_wrap_price: ['gift-wrap-price'],
  gift_wrap_tax: ['gift-wrap-tax'],
  item_promotion_discount: ['item-promotion-discount'],
  ship_promotion_discount: ['ship-promotion-discount'],
  ship_city: ['ship-city'],
  ship_state: ['ship-state'],
  ship_postal_code: ['ship-postal-code'],
  ship_country: ['ship-country'],
  promotion_ids: ['promotion-ids'],
  is_business_order: ['is-business-order'],
  purchase_order_number: ['purchase-order-number'],
  price_designation: ['price-designation'],
} as const satisfies AliasTable;

/** fulfillment-channel → how the metric layer splits FBA and FBM */
export const fulfillmentByChannel: Readonly<Record<string, string>> = { amazon: 'FBA', merchant: 'FBM' };

/** sales-channel of Multi-Channel Fulfilment orders: FBA shipping an order sold elsewhere */
export const mcfSalesChannel = 'non-amazon';

import type { AliasTable } from '../header.ts';

/**
 * Shopify admin → Orders → Export (CSV, one row per line item; the order's own columns are filled on its first
 * line, its later lines repeat `Name`). Spellings as the export writes them, seen in:
 * - jadwro/allegro_csv_parser src/Shopify/types/ShopifyOrderTypeCSV.ts (the full header, `ShopifyHeaderMap`);
 * - laplace-live/shopify-csv-converter src/types/index.d.ts (`ShopifyOrderExportItem`: first-line-only columns optional);
 * Personal columns (Billing/Shipping Name, Street, Address1/2, City, Zip, Phone) are not read at all: addresses
 * are dropped, and the e-mail is read only to become a keyed hash (FamilyContext.pseudonym).
 */
export const shopifyOrderAliases = {
  order_name: ['Name'],
  email: ['Email'],
  financial_status: ['Financial Status'],
  paid_at: ['Paid at'],
  currency: ['Currency'],
  subtotal: ['Subtotal'],
  shipping: ['Shipping'],
  taxes: ['Taxes'],
  total: ['Total'],
  discount_amount: ['Discount Amount'],
  created_at: ['Created at'],
  lineitem_quantity: ['Lineitem quantity'],
  lineitem_name: ['Lineitem name'],
  lineitem_price: ['Lineitem price'],
  lineitem_sku: ['Lineitem sku'],
  lineitem_discount: ['Lineitem discount'],
  shipping_country: ['Shipping Country'],
  cancelled_at: ['Cancelled at'],
  refunded_amount: ['Refunded Amount'],
  source: ['Source'],
} as const satisfies AliasTable;

/** Financial Status values (Shopify's order `financial_status`): those that mean no sale took place. */
export const noSaleStatuses: ReadonlySet<string> = new Set(['voided']);

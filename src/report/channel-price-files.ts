import { Decimal } from 'decimal.js';
import { neutraliseText } from '../domain/formula-cells.ts';

export interface ChannelPriceRow {
  sku: string;
  /** the approved price, a decimal string */
  price: string;
  currency: string;
}

/**
 * Walmart's bulk price feed (POST /v3/feeds?feedType=price, "Update bulk prices (Legacy)":
 * https://developer.walmart.com/us-marketplace/reference/pricebulkuploads): `PriceHeader` version 1.7 and one `Price`
 * entry per SKU with its `BASE` price. The entry's shape is the price API's (sku, pricing[currentPriceType,
 * currentPrice{currency, amount}]: highsidelabs/walmart-api-php docs/Models/MP/US/Prices/UpdatePriceRequest.md and
 * UpdatePriceRequestPricingInner.md); the header and list as sellers' tools send them (find_string ids 51864725881,
 * 4430179304: `{"PriceHeader": {"version": "1.7"}, "Price": [...]}`). Amounts are numbers with two decimals, as the API takes.
 */
export function walmartPriceFeed(rows: readonly ChannelPriceRow[]): string {
  const price = rows.map((r) => ({
    sku: r.sku,
    pricing: [{ currentPriceType: 'BASE', currentPrice: { currency: r.currency, amount: Number(new Decimal(r.price).toFixed(2)) } }],
  }));
  return `${JSON.stringify({ PriceHeader: { version: '1.7' }, Price: price }, null, 2)}\n`;
}

/** Shopify's product CSV columns a price update needs: the handle and option values it matches a variant by, its SKU and price. */
export const shopifyPriceColumns = ['Handle', 'Option1 Value', 'Option2 Value', 'Option3 Value', 'Variant SKU', 'Variant Price'] as const;

export interface ShopifyPriceRow extends ChannelPriceRow {
  handle: string;
  options: readonly (string | null)[];
}

/**
 * Shopify's product CSV (the columns of its product export: src/ingest/shopify-products), only those that find a variant
 * and set its price. Text a spreadsheet would run as a formula is written as text (domain/formula-cells.ts).
 */
export function shopifyPriceCsv(rows: readonly ShopifyPriceRow[]): string {
  const cell = (v: string | null | undefined) => {
    const s = neutraliseText(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [shopifyPriceColumns.join(','), ...rows.map((r) => [r.handle, r.options[0], r.options[1], r.options[2], r.sku, new Decimal(r.price).toFixed(2)].map(cell).join(','))];
  return `${lines.join('\n')}\n`;
}

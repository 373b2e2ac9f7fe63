import type { AliasTable } from '../header.ts';

/**
 * Search Query Performance console CSV, ASIN View (FORMATS §6.1; from parsers, no real file seen).
 * `Basket Adds:` is an older naming one parser uses. Share and rate columns (0–100 here, fractions
 * in the JSON) are not listed: search_funnel stores counts and derives shares from them.
 */
export const sqpCsvAliases = {
  asin: ['ASIN'],
  search_query: ['Search Query'],
  search_query_score: ['Search Query Score'],
  search_query_volume: ['Search Query Volume'],
  market_impressions: ['Impressions: Total Count'],
  impressions: ['Impressions: ASIN Count'],
  market_clicks: ['Clicks: Total Count'],
  clicks: ['Clicks: ASIN Count'],
  click_median_price: ['Clicks: ASIN Price (Median)'],
  market_cart_adds: ['Cart Adds: Total Count', 'Basket Adds: Total Count'],
  cart_adds: ['Cart Adds: ASIN Count', 'Basket Adds: ASIN Count'],
  market_purchases: ['Purchases: Total Count'],
  purchases: ['Purchases: ASIN Count'],
  purchase_median_price: ['Purchases: ASIN Price (Median)'],
  reporting_date: ['Reporting Date'],
} as const satisfies AliasTable;

export const sqpCsvRequired = [
  'search_query', 'search_query_volume', 'impressions', 'market_impressions', 'clicks', 'market_clicks',
  'cart_adds', 'market_cart_adds', 'purchases', 'market_purchases',
] as const;

import type { JsonFamily } from '../family.ts';
import { objectAt } from '../report-helpers/json-fields.ts';
import { byAsinRows, detectByAsinReport, readByAsin } from './report-document.ts';

/**
 * Brand Analytics Search Catalog Performance (GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT):
 * the ASIN's search funnel over all queries → search_funnel with source 'scp' and no search_query.
 */
export const scpJson: JsonFamily = {
  type: 'brand_analytics_scp',
  name: { en: 'Brand Analytics Search Catalog Performance (SP-API)', zh: '品牌分析 搜索目录表现（SP-API）' },
  format: 'json',
  rowsIn: byAsinRows,
  writes: [{ table: 'search_funnel', dateFrom: 'date_from', dateTo: 'date_to', sameKey: 'asin' }],
  detect: (doc) => detectByAsinReport(doc, 'GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT',
    (e) => 'impressionData' in e && !('searchQueryData' in e)),
  read: (doc, context) => readByAsin(doc, context, 'search_funnel', (e, at, f) => {
    const [impressions, clicks, cartAdds, purchases] = ['impressionData', 'clickData', 'cartAddData', 'purchaseData'].map((k) => objectAt(e, k));
    const sales = f.money(purchases ?? {}, 'searchTrafficSales', `${at}.purchaseData`);
    const clickPrice = f.money(clicks ?? {}, 'clickedMedianPrice', `${at}.clickData`);
    const purchasePrice = f.money(purchases ?? {}, 'purchaseMedianPrice', `${at}.purchaseData`);
    return {
      source: 'scp', search_query: null, search_query_score: null, search_query_volume: null,
      impressions: f.int(impressions ?? {}, 'impressionCount', `${at}.impressionData`),
      clicks: f.int(clicks ?? {}, 'clickCount', `${at}.clickData`),
      cart_adds: f.int(cartAdds ?? {}, 'cartAddCount', `${at}.cartAddData`),
      purchases: f.int(purchases ?? {}, 'purchaseCount', `${at}.purchaseData`),
      market_impressions: null, market_clicks: null, market_cart_adds: null, market_purchases: null,
      search_sales: sales?.amount ?? null,
      click_median_price: clickPrice?.amount ?? null, purchase_median_price: purchasePrice?.amount ?? null,
      currency: sales?.currency ?? clickPrice?.currency ?? purchasePrice?.currency ?? null,
    };
  }),
};

import type { JsonFamily } from '../family.ts';
import { objectAt, text } from '../report-helpers/json-fields.ts';
import { byAsinRows, detectByAsinReport, readByAsin } from './report-document.ts';

/**
 * Brand Analytics Search Query Performance (GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT):
 * one search_funnel row per (ASIN, query), source 'sqp': the ASIN's counts and the query's market totals.
 * Median prices are the ASIN's own, the same meaning SCP's give those columns.
 */
export const sqpJson: JsonFamily = {
  type: 'brand_analytics_sqp',
  name: { en: 'Brand Analytics Search Query Performance (SP-API)', zh: '品牌分析 搜索查询表现（SP-API）' },
  format: 'json',
  rowsIn: byAsinRows,
  writes: [{ table: 'search_funnel', dateFrom: 'date_from', dateTo: 'date_to', sameKey: 'asin' }],
  detect: (doc) => detectByAsinReport(doc, 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT', (e) => 'searchQueryData' in e),
  read: (doc, context) => readByAsin(doc, context, 'search_funnel', (e, at, f) => {
    const query = objectAt(e, 'searchQueryData');
    const searchQuery = text(query.searchQuery);
    if (!searchQuery) {
      f.missing(`${at}.searchQueryData.searchQuery`, 'every Search Query Performance row is for one query');
      return null;
    }
    const i = objectAt(e, 'impressionData');
    const c = objectAt(e, 'clickData');
    const a = objectAt(e, 'cartAddData');
    const p = objectAt(e, 'purchaseData');
    const clickPrice = f.money(c, 'asinMedianClickPrice', `${at}.clickData`);
    const purchasePrice = f.money(p, 'asinMedianPurchasePrice', `${at}.purchaseData`);
    return {
      source: 'sqp', search_query: searchQuery,
      search_query_score: f.int(query, 'searchQueryScore', `${at}.searchQueryData`),
      search_query_volume: f.int(query, 'searchQueryVolume', `${at}.searchQueryData`),
      impressions: f.int(i, 'asinImpressionCount', `${at}.impressionData`),
      clicks: f.int(c, 'asinClickCount', `${at}.clickData`),
      cart_adds: f.int(a, 'asinCartAddCount', `${at}.cartAddData`),
      purchases: f.int(p, 'asinPurchaseCount', `${at}.purchaseData`),
      market_impressions: f.int(i, 'totalQueryImpressionCount', `${at}.impressionData`),
      market_clicks: f.int(c, 'totalClickCount', `${at}.clickData`),
      market_cart_adds: f.int(a, 'totalCartAddCount', `${at}.cartAddData`),
      market_purchases: f.int(p, 'totalPurchaseCount', `${at}.purchaseData`),
      search_sales: null,
      click_median_price: clickPrice?.amount ?? null, purchase_median_price: purchasePrice?.amount ?? null,
      currency: clickPrice?.currency ?? purchasePrice?.currency ?? null,
    };
  }),
};

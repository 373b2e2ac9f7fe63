import type { Dialect } from '../store/dialect.ts';
import type { DimensionId } from './dimensions.ts';
import { adCosts, landedCosts, payoutCosts, profitLines, storageAllocated } from './profit-facts.ts';
import { notCancelled } from './order-status.ts';
import { offersDaily, salesRanksDaily } from './market-facts.ts';

/**
 * Fact sources: where base measures come from, each with its date basis and native grain.
 * A derived source is SQL over the canonical tables; the source precedence of SPEC §8 lives here
 * and only here (Business Report before order items, SCP before SQP, one ads report level).
 */
export type FactId =
  | 'traffic' | 'br_sales' | 'sales' | 'orders' | 'order_items' | 'ads' | 'search_funnel' | 'repeat_purchase'
  | 'reviews' | 'seller_feedback' | 'returns' | 'returns_matched' | 'transactions' | 'storage_fees' | 'landed_costs' | 'ad_costs' | 'payout_costs'
  | 'inventory' | 'account_health' | 'sales_trailing_30' | 'sales_trailing_90' | 'inventory_trailing_90'
  | 'sales_ranks' | 'offers' | 'inventory_age';

export type DateBasis = 'report' | 'order' | 'click' | 'search' | 'posted' | 'return' | 'snapshot' | 'review' | 'month';

/** Columns a source offers for the non-time dimensions; store and marketplace are on every source. */
/** `channel` (amazon, walmart, shopify): a source without the column is Amazon's (fact-query.ts). */
export type FactColumn = 'asin' | 'parent_asin' | 'sku' | 'fulfillment' | 'ad_type' | 'campaign' | 'search_term' | 'return_reason' | 'channel';

export interface FactContext {
  dialect: Dialect;
  dims: ReadonlySet<DimensionId>;
  /** ads: restrict to the advertised-product level (asked by ASIN or SKU) */
  needsProductKeys: boolean;
  /** SQL saying that a range row (alias.date_from..date_to) can answer this question: inside the period, in one bucket */
  rangeFits: (alias: string) => string;
  /** SQL saying that a row overlaps the period: derived sources filter their scans with it, so
   * precedence and level choices only look at the days asked about */
  overlaps: (alias: string, from?: string, to?: string) => string;
  /** profit: date fees and costs by the order they belong to (matched by order id) or by posting (cash view) */
  basis: ProfitBasis;
  /** the period's first and last day as SQL (bound parameters), where the question has them: a derived
   * source may filter early on columns other than its date (a line ordered in the period posts later) */
  bounds: { from?: string | undefined; to?: string | undefined };
  /** profit, order basis: per-unit fees estimated from the fee tables for unsettled orders, as a subquery
   * (a function: its values become parameters only when a source reads them, as DuckDB refuses unused ones) */
  tableFeeEstimates?: () => string;
}

export type ProfitBasis = 'order' | 'posted';

export interface Fact {
  id: FactId;
  name: { en: string; zh: string };
  /** a table name or a parenthesised subquery, aliased `f` by the compiler */
  source: (ctx: FactContext) => string;
  dateFrom: string;
  dateTo: string;
  dateBasis: DateBasis;
  /** `range` rows (a Business Report for a month) answer only buckets and periods that contain them whole */
  nativeGrain: 'day' | 'range';
  columns: Partial<Record<FactColumn, string>>;
  /** currency of money measures; sources without money take the marketplace's */
  currency?: string;
  /** labels of the sources a row may come from, recorded on every answer row */
  sources?: { column: string; labels: string[] };
  /** measured over the trailing N days that end at the period's end, not over the period */
  trailingDays?: number;
  /** Brand Analytics comes in Amazon weeks (Sunday–Saturday), months and quarters, never days: it
   * cannot answer a period that starts on another weekday and is not a whole month */
  amazonWeeks?: true;
}

/** (All Orders writes discounts as positive amounts, some exports as negative: abs() takes either.)
 * Order items stand in wherever no Business Report row that can answer this question covers the
 * ASIN and day: a weekly report straddling the period's first day leaves those days to the orders. */
const salesByPrecedence = (ctx: FactContext) => `(
  SELECT source, store, marketplace, date_from, date_to, parent_asin, asin, sku, NULL AS fulfillment,
         units, order_items, sales, currency, 'amazon' AS channel
  FROM br_sales b WHERE ${ctx.overlaps('b')}
  UNION ALL
  SELECT 'order_items', o.store, o.marketplace, o.order_date, o.order_date, NULL, o.asin, o.sku, o.fulfillment,
         o.quantity, 1, o.item_price - abs(coalesce(o.item_promotion_discount, 0)), o.currency, o.channel
  FROM order_items o
  WHERE ${notCancelled('o')} AND ${ctx.overlaps('o', 'order_date', 'order_date')}
    AND NOT EXISTS (SELECT 1 FROM br_sales b WHERE b.store = o.store AND b.marketplace = o.marketplace
                    AND b.asin = o.asin AND o.order_date BETWEEN b.date_from AND b.date_to AND ${ctx.rangeFits('b')})
)`;

const ordersByPrecedence = (ctx: FactContext) => `(
  SELECT 'order_items' AS source, store, marketplace, order_date AS date_from, order_date AS date_to,
         NULL AS parent_asin, asin, sku, fulfillment, order_id, NULL AS approx_orders, channel
  FROM order_items o WHERE ${notCancelled()} AND ${ctx.overlaps('o', 'order_date', 'order_date')}
  UNION ALL
  SELECT source || ' (approximate)', store, marketplace, date_from, date_to, parent_asin, asin, sku, NULL, NULL, order_items, 'amazon'
  FROM br_sales b
  WHERE ${ctx.overlaps('b')} AND NOT EXISTS (SELECT 1 FROM order_items o WHERE o.store = b.store AND o.marketplace = b.marketplace
                    AND o.asin = b.asin AND o.order_date BETWEEN b.date_from AND b.date_to)
)`;

const searchFunnelByPrecedence = (ctx: FactContext) =>
  ctx.dims.has('search_term')
    ? `(SELECT * FROM search_funnel s WHERE source = 'sqp' AND ${ctx.overlaps('s')})`
    : `(
  SELECT * FROM search_funnel s WHERE source = 'scp' AND ${ctx.overlaps('s')}
  UNION ALL
  SELECT * FROM search_funnel q WHERE q.source = 'sqp' AND ${ctx.overlaps('q')}
    AND NOT EXISTS (SELECT 1 FROM search_funnel c WHERE c.source = 'scp' AND c.store = q.store
                    AND c.marketplace = q.marketplace AND c.asin = q.asin
                    AND c.date_from <= q.date_to AND c.date_to >= q.date_from)
)`;

/** Levels of one ads report family, most complete first. Search-term reports list only terms
 * with clicks and purchased-product reports only halo sales: never summed with the others (SPEC §6). */
const adsLevelRank = `CASE level WHEN 'campaign' THEN 1 WHEN 'placement' THEN 2 WHEN 'ad_group' THEN 3
  WHEN 'advertised_product' THEN 4 WHEN 'targeting' THEN 5 WHEN 'search_term' THEN 6 ELSE 9 END`;

const adsOneLevel = (ctx: FactContext) => {
  const levels = ctx.dims.has('search_term')
    ? `'search_term'`
    : ctx.needsProductKeys
      ? `'advertised_product'`
      : `'campaign', 'placement', 'ad_group', 'advertised_product', 'targeting', 'search_term'`;
  return `(
  SELECT * FROM (
    SELECT a.*, ${adsLevelRank} AS level_rank,
           MIN(${adsLevelRank}) OVER (PARTITION BY store, marketplace, ad_type, date_from, date_to) AS best_rank
    FROM ads a WHERE level IN (${levels}) AND ${ctx.overlaps('a')}
  ) ranked WHERE level_rank = best_rank
)`;
};

/** One inventory report per store, marketplace and day (Manage FBA Inventory first). */
const inventoryRank = `CASE source WHEN 'fba_manage_inventory' THEN 1 WHEN 'fba_inventory_planning' THEN 2
  WHEN 'fba_afn_inventory' THEN 3 WHEN 'fba_inventory_health' THEN 4 WHEN 'fba_restock' THEN 5 ELSE 9 END`;
const inventoryOneReport = (ctx: FactContext) => `(
  SELECT * FROM (
    SELECT i.*, ${inventoryRank} AS source_rank,
           MIN(${inventoryRank}) OVER (PARTITION BY store, marketplace, snapshot_date) AS best_rank
    FROM inventory_snapshots i WHERE ${ctx.overlaps('i', 'snapshot_date', 'snapshot_date')}
  ) ranked WHERE source_rank = best_rank
)`;

/** Inventory age (issue 22): only the reports with age buckets, one per store, marketplace and day (the age report first). */
const ageRank = `CASE source WHEN 'fba_inventory_age' THEN 1 WHEN 'fba_inventory_health' THEN 2 WHEN 'fba_inventory_planning' THEN 3 ELSE 9 END`;
const inventoryAgeOneReport = (ctx: FactContext) => `(
  SELECT * FROM (
    SELECT i.*, ${ageRank} AS source_rank,
           MIN(${ageRank}) OVER (PARTITION BY store, marketplace, snapshot_date) AS best_rank
    FROM inventory_snapshots i WHERE ${ctx.overlaps('i', 'snapshot_date', 'snapshot_date')}
      AND coalesce(i.age_0_90, i.age_91_180, i.age_181_270, i.age_271_365, i.age_365_plus) IS NOT NULL
  ) ranked WHERE source_rank = best_rank
)`;

const returnsMatched = `(
  SELECT r.store, r.marketplace, o.order_date, r.sku, r.asin, o.fulfillment, r.quantity, r.reason
  FROM returns r
  JOIN (SELECT store, order_id, sku, min(order_date) AS order_date, min(fulfillment) AS fulfillment
        FROM order_items GROUP BY store, order_id, sku) o
    ON o.store = r.store AND o.order_id = r.order_id AND o.sku = r.sku
)`;

/** where a profit line comes from: settled, or estimated for an unsettled order (and from which fee data) */
export const profitLineSources = ['settled', 'estimated: fee preview', 'estimated: fee tables', 'estimated: no fee data'];

const salesColumns = { asin: 'asin', parent_asin: 'parent_asin', sku: 'sku', fulfillment: 'fulfillment', channel: 'channel' } as const;

export const facts: Record<FactId, Fact> = {
  traffic: {
    id: 'traffic', name: { en: 'Business Report traffic', zh: '业务报告流量' },
    source: () => 'traffic', dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'report', nativeGrain: 'range',
    columns: { asin: 'asin', parent_asin: 'parent_asin' },
    sources: { column: 'source', labels: ['business_report', 'sales_traffic_api'] },
  },
  br_sales: {
    id: 'br_sales', name: { en: 'Business Report sales', zh: '业务报告销售' },
    source: () => 'br_sales', dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'report', nativeGrain: 'range',
    columns: { asin: 'asin', parent_asin: 'parent_asin', sku: 'sku' }, currency: 'currency',
    sources: { column: 'source', labels: ['business_report', 'sales_traffic_api'] },
  },
  sales: {
    id: 'sales', name: { en: 'Ordered sales (Business Report, else order items)', zh: '订单销售（业务报告优先，否则订单明细）' },
    source: salesByPrecedence, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'order', nativeGrain: 'range',
    columns: salesColumns, currency: 'currency',
    sources: { column: 'source', labels: ['business_report', 'sales_traffic_api', 'order_items'] },
  },
  orders: {
    id: 'orders', name: { en: 'Orders (order items, else Business Report order items)', zh: '订单数（订单明细优先）' },
    source: ordersByPrecedence, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'order', nativeGrain: 'range',
    columns: salesColumns,
    sources: { column: 'source', labels: ['order_items', 'business_report (approximate)', 'sales_traffic_api (approximate)'] },
  },
  order_items: {
    id: 'order_items', name: { en: 'Order items', zh: '订单明细' },
    source: () => `(SELECT * FROM order_items WHERE ${notCancelled()})`,
    dateFrom: 'order_date', dateTo: 'order_date', dateBasis: 'order', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku', fulfillment: 'fulfillment', channel: 'channel' }, currency: 'currency',
  },
  ads: {
    id: 'ads', name: { en: 'Advertising reports', zh: '广告报告' },
    source: adsOneLevel, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'click', nativeGrain: 'range',
    columns: { asin: 'advertised_asin', sku: 'advertised_sku', ad_type: 'ad_type', campaign: 'campaign', search_term: 'search_term' },
    currency: 'currency',
  },
  search_funnel: {
    id: 'search_funnel', name: { en: 'Brand Analytics search funnel (SCP, else SQP)', zh: '品牌分析搜索漏斗（SCP优先，否则SQP）' },
    source: searchFunnelByPrecedence, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'search', nativeGrain: 'range',
    columns: { asin: 'asin', search_term: 'search_query' }, currency: 'currency',
    sources: { column: 'source', labels: ['scp', 'sqp'] }, amazonWeeks: true,
  },
  repeat_purchase: {
    id: 'repeat_purchase', name: { en: 'Repeat Purchase Behavior', zh: '重复购买行为' },
    source: () => 'repeat_purchase', dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'order', nativeGrain: 'range',
    columns: { asin: 'asin' }, currency: 'currency', amazonWeeks: true,
  },
  reviews: {
    id: 'reviews', name: { en: 'Reviews', zh: '评论' },
    source: () => 'reviews',
    dateFrom: 'review_date', dateTo: 'review_date', dateBasis: 'review', nativeGrain: 'day', columns: { asin: 'asin' },
  },
  seller_feedback: {
    // feedback rates the seller on an order: no ASIN, so it answers by store, marketplace and time only
    id: 'seller_feedback', name: { en: 'Seller feedback', zh: '卖家反馈' },
    source: () => 'seller_feedback',
    dateFrom: 'feedback_date', dateTo: 'feedback_date', dateBasis: 'review', nativeGrain: 'day', columns: {},
  },
  returns: {
    id: 'returns', name: { en: 'Customer returns (return date)', zh: '退货（按退货日期）' },
    source: () => 'returns', dateFrom: 'return_date', dateTo: 'return_date', dateBasis: 'return', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku', return_reason: 'reason' },
  },
  returns_matched: {
    id: 'returns_matched', name: { en: 'Returns matched to their orders (order date)', zh: '退货（按原订单日期匹配）' },
    source: () => returnsMatched, dateFrom: 'order_date', dateTo: 'order_date', dateBasis: 'order', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku', fulfillment: 'fulfillment', return_reason: 'reason' },
  },
  transactions: {
    id: 'transactions', name: { en: 'Transactions (settled; estimated where unsettled, order basis)', zh: '结算交易（按订单日期时含未结算估算）' },
    source: profitLines, dateFrom: 'profit_date', dateTo: 'profit_date', dateBasis: 'posted', nativeGrain: 'day',
    columns: { asin: 'asin', parent_asin: 'parent_asin', sku: 'sku', fulfillment: 'fulfillment', channel: 'channel' }, currency: 'currency',
    sources: { column: 'source', labels: profitLineSources },
  },
  storage_fees: {
    id: 'storage_fees', name: { en: 'Storage charges allocated by the monthly storage fee report', zh: '仓储费（按月度仓储费报告分摊）' },
    source: storageAllocated, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'month', nativeGrain: 'range',
    columns: { asin: 'asin', sku: 'sku' }, currency: 'currency',
    sources: { column: 'source', labels: ['allocated', 'storage report estimate', 'unallocated'] },
  },
  landed_costs: {
    id: 'landed_costs', name: { en: 'Landed cost of units sold', zh: '已售商品落地成本' },
    source: landedCosts, dateFrom: 'profit_date', dateTo: 'profit_date', dateBasis: 'posted', nativeGrain: 'day',
    columns: { asin: 'asin', parent_asin: 'parent_asin', sku: 'sku', fulfillment: 'fulfillment', channel: 'channel' }, currency: 'currency',
    sources: { column: 'source', labels: profitLineSources },
  },
  ad_costs: {
    id: 'ad_costs', name: { en: 'Ad cost per SKU (advertised products; SB allocated)', zh: '广告成本（按SKU；SB分摊）' },
    source: adCosts, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'click', nativeGrain: 'range',
    columns: { asin: 'asin', sku: 'sku', ad_type: 'ad_type' }, currency: 'currency',
    sources: { column: 'source', labels: ['advertised product', 'campaign (no SKU)', 'SB allocated by sales', 'SB unallocated'] },
  },
  payout_costs: {
    id: 'payout_costs', name: { en: 'Payout costs (FX received, provider fee)', zh: '结汇成本（汇损与手续费）' },
    source: payoutCosts, dateFrom: 'date', dateTo: 'date', dateBasis: 'posted', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku' }, currency: 'currency',
    sources: { column: 'source', labels: ['allocated', 'unallocated'] },
  },
  inventory: {
    id: 'inventory', name: { en: 'FBA inventory snapshots', zh: 'FBA库存快照' },
    source: inventoryOneReport, dateFrom: 'snapshot_date', dateTo: 'snapshot_date', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku' },
  },
  account_health: {
    id: 'account_health', name: { en: 'Account health', zh: '账户健康' },
    // a rolling 60-day window is a snapshot dated by its last day
    source: () => 'account_health', dateFrom: 'date_to', dateTo: 'date_to', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { fulfillment: 'fulfillment' },
  },
  sales_trailing_30: {
    id: 'sales_trailing_30', name: { en: 'Units, trailing 30 days', zh: '近30天销量' },
    source: salesByPrecedence, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'order', nativeGrain: 'range',
    columns: salesColumns, trailingDays: 30,
  },
  sales_trailing_90: {
    id: 'sales_trailing_90', name: { en: 'Units, trailing 90 days', zh: '近90天销量' },
    source: salesByPrecedence, dateFrom: 'date_from', dateTo: 'date_to', dateBasis: 'order', nativeGrain: 'range',
    columns: salesColumns, trailingDays: 90,
  },
  inventory_age: {
    id: 'inventory_age', name: { en: 'FBA inventory by age', zh: 'FBA库龄' },
    source: inventoryAgeOneReport, dateFrom: 'snapshot_date', dateTo: 'snapshot_date', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku' },
  },
  inventory_trailing_90: {
    id: 'inventory_trailing_90', name: { en: 'FBA inventory, trailing 90 days', zh: '近90天FBA库存' },
    source: inventoryOneReport, dateFrom: 'snapshot_date', dateTo: 'snapshot_date', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { asin: 'asin', sku: 'sku' }, trailingDays: 90,
  },
  // the market around each ASIN (issue 18): SP-API Catalog Items and Product Pricing, Keepa exports
  sales_ranks: {
    id: 'sales_ranks', name: { en: 'Best Sellers Rank (SP-API catalog, else Keepa)', zh: '畅销排名（SP-API 目录优先，否则 Keepa）' },
    source: salesRanksDaily, dateFrom: 'date', dateTo: 'date', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { asin: 'asin' }, sources: { column: 'source', labels: ['sp_api', 'keepa'] },
  },
  offers: {
    id: 'offers', name: { en: 'Offers on own ASINs (SP-API product pricing)', zh: '自有 ASIN 的报价（SP-API 商品定价）' },
    source: offersDaily, dateFrom: 'date', dateTo: 'date', dateBasis: 'snapshot', nativeGrain: 'day',
    columns: { asin: 'asin' }, sources: { column: 'source', labels: ['sp_api'] },
  },
};

import type { Role } from '../domain/roles.ts';
import type { MeasureId } from './measures.ts';
import { rolesOfMetric } from './metric-roles.ts';

/**
 * The metric catalog (SPEC §8): every metric declared once, as data. The compiler turns these into
 * SQL, the CLI and API list them, the browser formats with `format`, KPIs judge by `direction`.
 */
export type Unit = 'count' | 'money' | 'ratio' | 'days' | 'score';
export type Format = 'int' | 'money' | 'pct1' | 'pct2' | 'dec1' | 'dec2';
export type Direction = 'higher' | 'lower' | 'neutral';

export type Aggregation =
  /** additive: a sum (or count) of a base measure */
  | { kind: 'sum'; measure: MeasureId }
  /** ratio of sums, never an average of ratios; null when the denominator is 0 or unknown */
  | { kind: 'ratio'; numerator: string; denominator: string; scale?: number }
  /** weighted average, e.g. Buy Box % by page views */
  | { kind: 'weighted'; measure: MeasureId }
  /** the last value in the period (inventory, account health) */
  | { kind: 'snapshot'; measure: MeasureId }
  /** distinct counts that cannot be added: null when one answer row would combine several native rows */
  | { kind: 'native'; measure: MeasureId }
  /** signed sum of other metrics. `missingAsZero`: a part with no data counts 0 and is named as missing;
   * the whole is null only when `requires` is null. Without it, any null part makes the whole null. */
  | { kind: 'formula'; terms: { metric: string; sign: 1 | -1 }[]; missingAsZero?: boolean; requires?: string };

export interface MetricDefinition {
  id: string;
  zh: string;
  en: string;
  unit: Unit;
  format: Format;
  direction: Direction;
  kind: 'result' | 'process';
  /** cost and profit metrics, for permissions */
  sensitive: boolean;
  aggregation: Aggregation;
  formula: string;
  /** what the number is based on, where that is not obvious (SPEC §8) */
  basis?: string;
  /** a building block of other metrics, not listed by default */
  internal?: boolean;
  /** the roles that can move it (SPEC §5; metric-roles.ts); null when none is declared */
  roles: readonly Role[] | null;
}

/** A metric as declared below; its roles come from metric-roles.ts. */
type Declared = Omit<MetricDefinition, 'roles'>;

type Meta = Pick<MetricDefinition, 'zh' | 'en' | 'unit' | 'format' | 'direction' | 'kind'> &
  Partial<Pick<MetricDefinition, 'sensitive' | 'basis' | 'internal'>>;

const count = (zh: string, en: string, direction: Direction = 'higher', kind: 'result' | 'process' = 'process'): Meta =>
  ({ zh, en, unit: 'count', format: 'int', direction, kind });
const money = (zh: string, en: string, direction: Direction, kind: 'result' | 'process' = 'result', sensitive = false): Meta =>
  ({ zh, en, unit: 'money', format: 'money', direction, kind, sensitive });
const rate = (zh: string, en: string, direction: Direction, format: Format = 'pct2', kind: 'result' | 'process' = 'process'): Meta =>
  ({ zh, en, unit: 'ratio', format, direction, kind });

function sumOf(id: string, meta: Meta, measure: MeasureId = id as MeasureId): Declared {
  return { id, sensitive: false, ...meta, aggregation: { kind: 'sum', measure }, formula: `sum(${measure})` };
}
function ratioOf(id: string, meta: Meta, numerator: string, denominator: string, scale?: number): Declared {
  const formula = `${numerator} / ${denominator}${scale ? ` × ${scale}` : ''}`;
  return { id, sensitive: false, ...meta, aggregation: { kind: 'ratio', numerator, denominator, ...(scale ? { scale } : {}) }, formula };
}
function other(id: string, meta: Meta, aggregation: Aggregation, formula: string): Declared {
  return { id, sensitive: false, ...meta, aggregation, formula };
}

/** costs subtracted from revenue for net profit (reimbursements are added); ads last but one so "before ads" drops them */
const costsBeforeAds = ['referral_fees', 'refund_admin_fees', 'fba_fees', 'promotions', 'other_fees', 'storage_fees', 'refunds', 'cogs', 'freight', 'duties', 'payout_costs'];
const profitTerms = (costs: readonly string[]) => [
  { metric: 'revenue', sign: 1 as const }, { metric: 'reimbursements', sign: 1 as const }, ...costs.map((metric) => ({ metric, sign: -1 as const })),
];
const profitParts = [...costsBeforeAds, 'ad_cost'];

const declared: readonly Declared[] = [
  // search funnel (Brand Analytics SCP, else SQP)
  sumOf('impressions', count('曝光量', 'Impressions')),
  sumOf('clicks', count('点击量', 'Clicks')),
  ratioOf('ctr', rate('点击率', 'CTR', 'higher'), 'clicks', 'impressions'),
  sumOf('cart_adds', count('加购数', 'Cart adds')),
  ratioOf('cart_add_rate', rate('加购率', 'Cart-add rate', 'higher'), 'cart_adds', 'clicks'),
  sumOf('purchases', count('搜索购买数', 'Search purchases')),
  ratioOf('order_rate', rate('下单率', 'Order rate (click → order)', 'higher'), 'purchases', 'clicks'),
  ratioOf('cart_to_order_rate', rate('加购转化率', 'Cart-to-order rate', 'higher'), 'purchases', 'cart_adds'),
  sumOf('market_impressions', count('市场总曝光', 'Market impressions', 'neutral'), 'market_impressions'),
  sumOf('market_clicks', count('市场总点击', 'Market clicks', 'neutral'), 'market_clicks'),
  sumOf('market_cart_adds', count('市场总加购', 'Market cart adds', 'neutral'), 'market_cart_adds'),
  sumOf('market_purchases', count('市场总购买', 'Market purchases', 'neutral'), 'market_purchases'),
  ratioOf('market_ctr', rate('市场点击率', 'Market CTR', 'neutral'), 'market_clicks', 'market_impressions'),
  ratioOf('market_cart_add_rate', rate('市场加购率', 'Market cart-add rate', 'neutral'), 'market_cart_adds', 'market_clicks'),
  ratioOf('market_order_rate', rate('市场下单率', 'Market order rate', 'neutral'), 'market_purchases', 'market_clicks'),

  // detail-page traffic and sales (Business Report; order items where it does not cover)
  sumOf('sessions', count('会话数', 'Sessions')),
  sumOf('sessions_mobile', count('移动端会话数', 'Sessions – mobile app')),
  sumOf('sessions_browser', count('浏览器会话数', 'Sessions – browser')),
  sumOf('sessions_b2b', count('B2B会话数', 'Sessions – B2B')),
  sumOf('page_views', count('页面浏览量', 'Page views')),
  other('buy_box_pct', { ...rate('购物车获得率', 'Buy Box %', 'higher', 'pct1'), basis: 'weighted by page views' },
    { kind: 'weighted', measure: 'buy_box' }, 'Σ(buy box % × page views) / Σ page views'),
  sumOf('units', { ...count('销量', 'Units ordered', 'higher', 'result'), basis: 'Business Report where it covers the ASIN and day, else order items (cancelled excluded)' }),
  sumOf('order_items', { ...count('订单商品数', 'Order items'), basis: 'Business Report where it covers the ASIN and day, else order items' }),
  sumOf('sales', { ...money('销售额', 'Sales (ordered product sales)', 'higher'), basis: 'Business Report where it covers the ASIN and day, else order items (cancelled excluded)' }),
  other('orders', { ...count('订单数', 'Orders', 'higher', 'result'), basis: 'distinct orders from order items; Business Report order items where there are none (approximate)' },
    { kind: 'formula', terms: [{ metric: 'orders_counted', sign: 1 }, { metric: 'orders_approximate', sign: 1 }], missingAsZero: true },
    'distinct order ids (+ Business Report order items where no order file covers)'),
  sumOf('orders_counted', { ...count('订单数（明细）', 'Orders (from order items)'), internal: true }),
  sumOf('orders_approximate', { ...count('订单数（业务报告近似）', 'Orders (Business Report, approximate)'), internal: true }),
  sumOf('units_br', { ...count('业务报告销量', 'Units (Business Report)'), internal: true }),
  sumOf('order_items_br', { ...count('业务报告订单商品数', 'Order items (Business Report)'), internal: true }),
  ratioOf('unit_session_pct', { ...rate('单位会话转化率', 'Unit session %', 'higher'), basis: 'Business Report units / its sessions (one source)' }, 'units_br', 'sessions'),
  ratioOf('order_item_session_pct', { ...rate('订单商品会话转化率', 'Order item session %', 'higher'), basis: 'Business Report order items / its sessions' }, 'order_items_br', 'sessions'),
  ratioOf('aov', { ...money('客单价', 'Average order value', 'higher', 'process') }, 'sales', 'orders'),
  ratioOf('average_selling_price', { ...money('平均售价', 'Average selling price', 'neutral', 'process'), basis: 'sales ÷ units (what decides an ASIN\'s price band)' }, 'sales', 'units'),

  // advertising (one report level per question)
  sumOf('ad_impressions', count('广告曝光量', 'Ad impressions')),
  sumOf('ad_clicks', count('广告点击量', 'Ad clicks')),
  sumOf('ad_spend', money('广告花费', 'Ad spend', 'lower', 'process', true)),
  sumOf('ad_sales', money('广告销售额', 'Ad sales', 'higher', 'process')),
  sumOf('ad_sales_same_sku', money('广告SKU销售额', 'Advertised-SKU ad sales', 'higher', 'process')),
  sumOf('ad_orders', count('广告订单数', 'Ad orders')),
  sumOf('ad_units', count('广告销量', 'Ad units')),
  ratioOf('cpc', { ...money('单次点击成本', 'CPC', 'lower', 'process'), sensitive: false }, 'ad_spend', 'ad_clicks'),
  ratioOf('ad_ctr', rate('广告点击率', 'Ad CTR', 'higher'), 'ad_clicks', 'ad_impressions'),
  ratioOf('ad_conversion_rate', rate('广告转化率', 'Ad conversion rate', 'higher'), 'ad_orders', 'ad_clicks'),
  ratioOf('acos', rate('广告销售成本比', 'ACoS', 'lower', 'pct1'), 'ad_spend', 'ad_sales'),
  ratioOf('roas', { ...rate('广告支出回报率', 'ROAS', 'higher', 'dec2'), unit: 'score' }, 'ad_sales', 'ad_spend'),
  ratioOf('tacos', rate('总广告销售成本比', 'TACoS', 'lower', 'pct1'), 'ad_spend', 'sales'),
  ratioOf('ad_sales_share', rate('广告销售占比', 'Ad sales share', 'neutral', 'pct1'), 'ad_sales', 'sales'),
  other('organic_sales', { ...money('自然销售额', 'Organic sales', 'higher'), basis: 'sales − advertised-SKU ad sales' },
    { kind: 'formula', terms: [{ metric: 'sales', sign: 1 }, { metric: 'ad_sales_same_sku', sign: -1 }], missingAsZero: true, requires: 'sales' },
    'sales − ad_sales_same_sku'),

  // reviews and customers
  sumOf('reviews_new', count('新增评论数', 'New reviews')),
  // the review stage as the source document counts it: an order that left feedback or a review (留下Feedback或Review);
  // feedback names no ASIN, so by ASIN it is the reviews alone (feedback named as missing)
  other('reviews_or_feedback', { ...count('留评或反馈数', 'Reviews or seller feedback'), basis: 'reviews and seller feedback dated in the period' },
    { kind: 'formula', terms: [{ metric: 'reviews_new', sign: 1 }, { metric: 'feedback_count', sign: 1 }], missingAsZero: true }, 'reviews_new + feedback_count'),
  ratioOf('review_rate', { ...rate('留评率', 'Review rate', 'higher'), basis: 'reviews and seller feedback dated in the period / all orders of the period (feedback only where the answer is not by product)' }, 'reviews_or_feedback', 'orders'),
  ratioOf('rating_avg', { ...rate('平均评分', 'Average rating', 'higher', 'dec2'), unit: 'score', basis: 'reviews dated in the period' }, 'rating_sum', 'ratings'),
  sumOf('rating_sum', { ...count('评分合计', 'Sum of ratings', 'neutral'), internal: true }),
  sumOf('ratings', { ...count('评分数', 'Ratings', 'neutral'), internal: true }),
  // seller feedback (Feedback Manager): about the seller and the order, not a product, so no ASIN
  sumOf('feedback_count', { ...count('卖家反馈数', 'Seller feedback'), basis: 'feedback dated in the period (Feedback Manager report)' }),
  sumOf('feedback_positive', { ...count('好评反馈数（4–5星）', 'Positive feedback (4–5 stars)'), basis: 'feedback dated in the period' }),
  sumOf('feedback_negative', { ...count('差评反馈数（1–2星）', 'Negative feedback (1–2 stars)', 'lower'), basis: 'feedback dated in the period' }),
  ratioOf('feedback_negative_rate', { ...rate('负面反馈率', 'Negative feedback rate', 'lower'), basis: 'negative feedback / all feedback dated in the period' }, 'feedback_negative', 'feedback_count'),
  ratioOf('feedback_rating_avg', { ...rate('反馈平均评分', 'Average feedback rating', 'higher', 'dec2'), unit: 'score', basis: 'feedback dated in the period' }, 'feedback_rating_sum', 'feedback_ratings'),
  sumOf('feedback_rating_sum', { ...count('反馈评分合计', 'Sum of feedback ratings', 'neutral'), internal: true }),
  sumOf('feedback_ratings', { ...count('反馈评分数', 'Feedback ratings', 'neutral'), internal: true }),
  other('customers', { ...count('独立顾客数', 'Unique customers', 'higher', 'result'), basis: 'Brand Analytics distinct count: only at its own period and ASIN' },
    { kind: 'native', measure: 'customers' }, 'uniqueCustomers'),
  other('repeat_customers', { ...count('复购顾客数', 'Repeat customers', 'higher', 'result'), basis: 'round(unique customers × repeat %), native grain only' },
    { kind: 'native', measure: 'repeat_customers' }, 'round(uniqueCustomers × repeatCustomersPctTotal)'),
  ratioOf('repeat_rate', rate('复购率', 'Repeat rate', 'higher'), 'repeat_customers', 'customers'),

  // returns
  sumOf('returned_units', { ...count('退货数量', 'Returned units', 'lower', 'result'), basis: 'return date' }),
  sumOf('returned_units_matched', { ...count('退货数量（按订单）', 'Returned units (matched to orders)', 'lower'), basis: 'returns matched to their orders by order id, order date', internal: true }),
  sumOf('order_item_units', { ...count('订单明细销量', 'Units (order items)', 'higher'), internal: true }),
  ratioOf('return_rate', { ...rate('退货率', 'Return rate', 'lower'), basis: 'returns matched to their orders by order id ÷ units of those orders (order date)' },
    'returned_units_matched', 'order_item_units'),

  // profit (settled transactions, posted date)
  sumOf('revenue', { ...money('收入', 'Revenue', 'higher'), basis: 'product sales of order lines (settled; estimated where unsettled on the order basis), net of VAT where prices include it' }),
  sumOf('refunds', { ...money('退款', 'Refunds', 'lower', 'result', true), basis: 'refunded product sales, net of VAT' }),
  sumOf('referral_fees', { ...money('佣金', 'Referral fees', 'lower', 'process', true), basis: 'selling fees of order and refund lines; the fee preview where unsettled' }),
  sumOf('refund_admin_fees', { ...money('退款管理费', 'Refund administration fees', 'lower', 'process', true), basis: 'original referral − referral refunded (matched by order id), else ¼ of the refunded referral' }),
  sumOf('fba_fees', money('FBA配送费', 'FBA fees', 'lower', 'process', true)),
  sumOf('promotions', { ...money('促销折扣', 'Promotions', 'lower', 'process', true), basis: 'promotional rebates and Amazon points the seller pays for (JP), net of VAT' }),
  sumOf('reimbursements', { ...money('赔偿收入', 'Reimbursements', 'higher', 'process', true), basis: 'adjustment lines (FBA inventory reimbursements)' }),
  sumOf('other_fees', { ...money('其他费用', 'Other fees', 'lower', 'process', true), basis: 'other transaction fees, account-level charges other than storage and advertising' }),
  sumOf('storage_fees', { ...money('仓储费', 'Storage fees', 'lower', 'process', true), basis: "the storage charge allocated by each SKU's share of the monthly storage fee report; the report's estimate until charged" }),
  sumOf('ad_cost', { ...money('广告成本', 'Ad cost (per SKU)', 'lower', 'process', true), basis: 'ads reports, advertised-product level; SB spend allocated by same-day ordered sales share; settlement "Cost of Advertising" lines not counted' }),
  sumOf('payout_costs', { ...money('结汇成本', 'Payout costs', 'lower', 'process', true), basis: '(mid-market FX × amount − received) + provider fee, allocated by settled sales share since the previous payout' }),
  sumOf('cogs', { ...money('商品成本', 'COGS', 'lower', 'process', true), basis: 'units on revenue lines × effective unit cost, converted at the dated FX rate' }),
  sumOf('freight', { ...money('头程运费', 'First-leg freight', 'lower', 'process', true), basis: "the latest shipment's cost per unit (by volume, weight or units), else the costs file's freight per unit" }),
  sumOf('duties', { ...money('关税', 'Duties', 'lower', 'process', true), basis: 'US: rate × unit cost; EU: rate × (unit cost + freight)' }),
  other('net_profit', { ...money('净利润', 'Net profit', 'higher', 'result', true), basis: 'a cost with no data counts 0 and is named as missing' },
    { kind: 'formula', terms: profitTerms(profitParts), missingAsZero: true, requires: 'revenue' },
    `revenue + reimbursements − ${profitParts.join(' − ')}`),
  ratioOf('net_margin', { ...rate('净利润率', 'Net margin', 'higher', 'pct1', 'result'), sensitive: true }, 'net_profit', 'revenue'),
  other('profit_before_ads', { ...money('广告前利润', 'Profit before ads', 'higher', 'process', true), internal: true },
    { kind: 'formula', terms: profitTerms(costsBeforeAds), missingAsZero: true, requires: 'revenue' },
    `revenue + reimbursements − ${costsBeforeAds.join(' − ')}`),
  other('landed_cost', { ...money('采购与头程成本', 'Unit cost + freight', 'lower', 'process', true), internal: true },
    { kind: 'formula', terms: [{ metric: 'cogs', sign: 1 }, { metric: 'freight', sign: 1 }], missingAsZero: true, requires: 'cogs' }, 'cogs + freight'),
  ratioOf('roi', { ...rate('投资回报率', 'ROI', 'higher', 'pct1', 'result'), sensitive: true, basis: 'net profit ÷ (unit cost + freight)' }, 'net_profit', 'landed_cost'),
  ratioOf('break_even_acos', { ...rate('盈亏平衡ACoS', 'Break-even ACoS', 'higher', 'pct1'), sensitive: true, basis: 'profit before ads ÷ revenue' }, 'profit_before_ads', 'revenue'),

  // inventory
  other('available_units', { ...count('可售库存', 'Available units (FBA fulfillable)', 'neutral'), basis: 'last snapshot in the period' },
    { kind: 'snapshot', measure: 'available_units' }, 'afn-fulfillable-quantity at the last snapshot'),
  other('inbound_units', { ...count('在途库存', 'Inbound units', 'neutral'), basis: 'working + shipped + receiving, last snapshot' },
    { kind: 'snapshot', measure: 'inbound_units' }, 'working + shipped + receiving at the last snapshot'),
  sumOf('stockout_days', { ...count('断货天数', 'Stock-out days', 'lower'), basis: 'SKU-days with 0 available in the snapshots' }),
  sumOf('units_30d', { ...count('近30天销量', 'Units, trailing 30 days'), basis: 'the 30 days ending at the period end' }),
  sumOf('units_90d', { ...count('近90天销量', 'Units, trailing 90 days'), internal: true }),
  sumOf('available_sum_90d', { ...count('近90天库存合计', 'Available units summed over 90 days of snapshots', 'neutral'), internal: true }),
  sumOf('inventory_days_90d', { ...count('近90天快照天数', 'Snapshot days in the trailing 90 days', 'neutral'), internal: true }),
  ratioOf('avg_available_90d', { ...count('近90天平均库存', 'Average available units, trailing 90 days', 'neutral'), format: 'dec1', internal: true },
    'available_sum_90d', 'inventory_days_90d'),
  ratioOf('days_of_cover', { zh: '库存可售天数', en: 'Days of cover', unit: 'days', format: 'dec1', direction: 'neutral', kind: 'process', basis: 'available units ÷ average daily units of the trailing 30 days' },
    'available_units', 'units_30d', 30),
  ratioOf('sell_through', { ...rate('售罄率', 'Sell-through (90 days)', 'higher', 'dec2'), basis: "Amazon's: units of the trailing 90 days ÷ average available units" },
    'units_90d', 'avg_available_90d'),
  // stock22 (issue 22): inventory health
  other('aged_0_90_units', { ...count('库龄0-90天', 'Units aged 0–90 days', 'neutral'), basis: 'inventory age report, last snapshot' }, { kind: 'snapshot', measure: 'aged_0_90_units' }, 'inv-age-0-to-90-days at the last snapshot'),
  other('aged_91_180_units', { ...count('库龄91-180天', 'Units aged 91–180 days', 'lower'), basis: 'inventory age report, last snapshot' }, { kind: 'snapshot', measure: 'aged_91_180_units' }, 'inv-age-91-to-180-days at the last snapshot'),
  other('aged_181_270_units', { ...count('库龄181-270天', 'Units aged 181–270 days', 'lower'), basis: 'inventory age report, last snapshot' }, { kind: 'snapshot', measure: 'aged_181_270_units' }, 'inv-age-181-to-270-days at the last snapshot'),
  other('aged_271_365_units', { ...count('库龄271-365天', 'Units aged 271–365 days', 'lower'), basis: 'inventory age report, last snapshot' }, { kind: 'snapshot', measure: 'aged_271_365_units' }, 'inv-age-271-to-365-days at the last snapshot'),
  other('aged_365_plus_units', { ...count('库龄365天以上', 'Units aged over 365 days', 'lower'), basis: 'inventory age report, last snapshot' }, { kind: 'snapshot', measure: 'aged_365_plus_units' }, 'inv-age-365-plus-days at the last snapshot'),
  other('aged_0_180_units', { ...count('库龄180天内', 'Units aged 0–180 days', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'aged_0_180_units' }, 'aged 0–90 + 91–180 at the last snapshot'),
  other('aged_units', { ...count('有库龄库存', 'Units with an age', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'aged_units' }, 'every age bucket at the last snapshot'),
  ratioOf('effective_stock_ratio', { ...rate('有效库存比', 'Effective stock ratio', 'higher'), basis: 'units aged 180 days or less ÷ all aged units (last snapshot)' },
    'aged_0_180_units', 'aged_units'),
  other('unfulfillable_units', { ...count('不可售库存', 'Unfulfillable units', 'lower'), basis: 'last snapshot' }, { kind: 'snapshot', measure: 'unfulfillable_units' }, 'afn-unsellable-quantity at the last snapshot'),
  ratioOf('stock_to_sales', { ...rate('存销比', 'Stock-to-sales ratio', 'lower', 'dec2'), basis: 'available units ÷ units of the trailing 30 days' },
    'available_units', 'units_30d'),
  ratioOf('turnover_days', { zh: '库存周转天数', en: 'Inventory turnover days', unit: 'days', format: 'dec1', direction: 'lower', kind: 'process', basis: 'average available units of the trailing 90 days ÷ average daily units of those 90 days' },
    'avg_available_90d', 'units_90d', 90),
  sumOf('in_stock_sku_days', { ...count('有货SKU天数', 'SKU-days in stock', 'neutral'), internal: true }),
  sumOf('sku_days', { ...count('SKU快照天数', 'SKU-days with a snapshot', 'neutral'), internal: true }),
  ratioOf('in_stock_rate', { ...rate('有货率', 'In-stock rate', 'higher'), basis: 'SKU-days with units available ÷ SKU-days with a snapshot' }, 'in_stock_sku_days', 'sku_days'),

  // account health
  other('odr_defects', { ...count('缺陷订单数', 'Orders with defects', 'lower'), internal: true }, { kind: 'snapshot', measure: 'odr_defects' }, 'last 60-day window'),
  other('odr_orders', { ...count('ODR订单数', 'Orders in the ODR window', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'odr_orders' }, 'last 60-day window'),
  other('a_to_z_claims', { ...count('A-to-z索赔数', 'A-to-z claims', 'lower'), internal: true }, { kind: 'snapshot', measure: 'a_to_z_claims' }, 'last 60-day window'),
  other('late_shipments', { ...count('迟发订单数', 'Late shipments', 'lower'), internal: true }, { kind: 'snapshot', measure: 'late_shipments' }, 'last 60-day window'),
  other('late_shipment_orders', { ...count('迟发率订单数', 'Orders in the late-shipment window', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'late_shipment_orders' }, 'last 60-day window'),
  ratioOf('odr', { ...rate('订单缺陷率', 'Order defect rate', 'lower'), kind: 'result', basis: 'last 60-day window in the period' }, 'odr_defects', 'odr_orders'),
  ratioOf('late_shipment_rate', rate('迟发率', 'Late shipment rate', 'lower'), 'late_shipments', 'late_shipment_orders'),
  ratioOf('a_to_z_rate', rate('A-to-z索赔率', 'A-to-z claim rate', 'lower'), 'a_to_z_claims', 'odr_orders'),

  // the market around each ASIN (issue 18): Best Sellers Rank and offers, daily (SP-API; Keepa exports for ranks)
  ratioOf('bsr', { ...count('大类排名（BSR）', 'Best Sellers Rank (top category)', 'lower'), format: 'int',
    basis: "the rank in the top-level category on the period's last day with one; across several ASINs their average" }, 'bsr_sum', 'bsr_asins'),
  ratioOf('bsr_category', { ...count('小类排名', 'Best Sellers Rank (best subcategory)', 'lower'), format: 'int',
    basis: "the best of the browse-node ranks on the period's last day with one; across several ASINs their average" }, 'bsr_category_sum', 'bsr_category_asins'),
  other('bsr_sum', { ...count('排名合计', 'Sum of ranks', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'bsr_sum' }, 'top-category ranks on the last day'),
  other('bsr_asins', { ...count('有排名的ASIN数', 'ASINs with a rank', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'bsr_asins' }, 'ASINs ranked on the last day'),
  other('bsr_category_sum', { ...count('小类排名合计', 'Sum of subcategory ranks', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'bsr_category_sum' }, 'best browse-node ranks on the last day'),
  other('bsr_category_asins', { ...count('有小类排名的ASIN数', 'ASINs with a subcategory rank', 'neutral'), internal: true }, { kind: 'snapshot', measure: 'bsr_category_asins' }, 'ASINs ranked on the last day'),
  other('offer_count', { ...count('报价数', 'Offers (new)', 'neutral'), basis: "Amazon's TotalOfferCount on the period's last day checked" },
    { kind: 'snapshot', measure: 'offer_count' }, 'TotalOfferCount at the last snapshot'),
  other('other_seller_offers', { ...count('他人报价数（跟卖）', 'Other sellers\' offers (hijackers)', 'lower'), basis: "offers that are not the seller's own, on the period's last day checked" },
    { kind: 'snapshot', measure: 'other_seller_offers' }, 'TotalOfferCount − own offers at the last snapshot'),
  sumOf('buy_box_lost_days', { ...count('购物车丢失天数', 'Days the Buy Box was another seller\'s', 'lower'), basis: 'ASIN-days checked on which another seller\'s offer held the Buy Box' }),
  sumOf('buy_box_checked_days', { ...count('购物车检查天数', 'ASIN-days the Buy Box was checked', 'neutral'), internal: true }),
  ratioOf('buy_box_lost_share', { ...rate('购物车丢失天数占比', 'Share of days the Buy Box was lost', 'lower', 'pct1'), basis: 'days lost ÷ days checked (Product Pricing API offers)' },
    'buy_box_lost_days', 'buy_box_checked_days'),
];

export const catalog: readonly MetricDefinition[] = declared.map((m) => ({ ...m, roles: rolesOfMetric(m.id) }));

export const metricById: ReadonlyMap<string, MetricDefinition> = new Map(catalog.map((m) => [m.id, m]));

import type { Role } from '../domain/roles.ts';

/**
 * Who can move which metric (SPEC §5: every KPI is a catalog metric with the roles that can move
 * it; seeds: "过度量化非可控环节：将物流时效归责于运营人员，不合理"), as data: groups of catalog metrics
 * and their roles. The catalog gives each metric its `roles` from here; the manager (店长) answers
 * for everything. A metric in no group has `roles: null` (no role guard fires for it).
 */
export interface MetricRoleGroup {
  name: { zh: string; en: string };
  metrics: readonly string[];
  roles: readonly Role[];
}

export const metricRoleGroups: readonly MetricRoleGroup[] = [
  {
    name: { zh: '流量与转化', en: 'Traffic and conversion' },
    metrics: ['impressions', 'clicks', 'ctr', 'cart_adds', 'cart_add_rate', 'purchases', 'order_rate', 'cart_to_order_rate',
      'sessions', 'sessions_mobile', 'sessions_browser', 'sessions_b2b', 'page_views', 'buy_box_pct', 'unit_session_pct', 'order_item_session_pct',
      // the market around each ASIN (issue 18)
      'bsr', 'bsr_category', 'other_seller_offers', 'buy_box_lost_days', 'buy_box_lost_share'],
    roles: ['operator', 'ads', 'manager'],
  },
  {
    name: { zh: '销售', en: 'Sales' },
    metrics: ['units', 'orders', 'order_items', 'sales', 'aov', 'average_selling_price', 'organic_sales', 'revenue'],
    roles: ['operator', 'manager'],
  },
  {
    name: { zh: '广告', en: 'Advertising' },
    metrics: ['ad_impressions', 'ad_clicks', 'ad_spend', 'ad_sales', 'ad_sales_same_sku', 'ad_orders', 'ad_units', 'cpc', 'ad_ctr',
      'ad_conversion_rate', 'acos', 'roas', 'tacos', 'ad_sales_share'],
    roles: ['ads', 'operator', 'manager'],
  },
  {
    name: { zh: '评论与复购', en: 'Reviews and repeat customers' },
    metrics: ['reviews_new', 'reviews_or_feedback', 'review_rate', 'rating_avg', 'feedback_count', 'feedback_positive', 'feedback_negative', 'feedback_negative_rate', 'feedback_rating_avg', 'customers', 'repeat_customers', 'repeat_rate'],
    roles: ['operator', 'customer_service', 'manager'],
  },
  {
    name: { zh: '退货', en: 'Returns' },
    metrics: ['returned_units', 'return_rate', 'refunds'],
    roles: ['operator', 'customer_service', 'manager'],
  },
  {
    name: { zh: '利润与费用', en: 'Profit and fees' },
    metrics: ['net_profit', 'net_margin', 'roi', 'break_even_acos', 'referral_fees', 'refund_admin_fees', 'fba_fees', 'promotions', 'reimbursements',
      'other_fees', 'ad_cost', 'payout_costs'],
    roles: ['operator', 'manager'],
  },
  {
    name: { zh: '库存与采购成本', en: 'Inventory and purchasing cost' },
    metrics: ['available_units', 'inbound_units', 'stockout_days', 'days_of_cover', 'sell_through', 'units_30d', 'storage_fees', 'cogs', 'freight', 'duties',
      'aged_91_180_units', 'aged_181_270_units', 'aged_271_365_units', 'aged_365_plus_units', 'effective_stock_ratio', 'unfulfillable_units', 'stock_to_sales', 'turnover_days', 'in_stock_rate'],
    roles: ['warehouse', 'operator', 'manager'],
  },
  {
    name: { zh: '账户健康（客服）', en: 'Account health (customer service)' },
    metrics: ['odr', 'a_to_z_rate'],
    roles: ['customer_service', 'manager'],
  },
  {
    // shipping on time is the warehouse's (FBM) or Amazon's (FBA), never the operator's
    name: { zh: '发货时效', en: 'Shipping on time' },
    metrics: ['late_shipment_rate'],
    roles: ['warehouse', 'manager'],
  },
];

/** The roles that can move a metric, from the groups; null when no group names it. */
export function rolesOfMetric(metric: string): readonly Role[] | null {
  return metricRoleGroups.find((g) => g.metrics.includes(metric))?.roles ?? null;
}

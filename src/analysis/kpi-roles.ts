import type { Text } from './benchmark-table.ts';

/**
 * Who can move which KPI (SPEC §5, seeds: "过度量化非可控环节：将物流时效归责于运营人员，不合理"),
 * as data: roles × groups of catalog metrics. The manager (店长) answers for everything.
 */
export const roles = ['operator', 'ads', 'customer_service', 'warehouse', 'manager'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, Text & { also: readonly string[] }> = {
  operator: { zh: '运营', en: 'Operator', also: ['运营专员', '运营负责人', 'ops'] },
  ads: { zh: '广告', en: 'Ads specialist', also: ['广告专员', '广告优化', 'ppc', 'advertising'] },
  customer_service: { zh: '客服', en: 'Customer service', also: ['客服专员', 'cs', 'customer service', 'support'] },
  warehouse: { zh: '仓储', en: 'Warehouse / purchasing', also: ['仓库', '采购', '物流', 'purchasing', 'logistics'] },
  manager: { zh: '店长', en: 'Store manager', also: ['主管', '经理', '组长', 'lead', 'store manager'] },
};

interface MetricGroup {
  name: Text;
  metrics: readonly string[];
  roles: readonly Role[];
}

export const roleGroups: readonly MetricGroup[] = [
  {
    name: { zh: '流量与转化', en: 'Traffic and conversion' },
    metrics: ['impressions', 'clicks', 'ctr', 'cart_adds', 'cart_add_rate', 'purchases', 'order_rate', 'cart_to_order_rate',
      'sessions', 'sessions_mobile', 'sessions_browser', 'sessions_b2b', 'page_views', 'buy_box_pct', 'unit_session_pct', 'order_item_session_pct'],
    roles: ['operator', 'ads', 'manager'],
  },
  {
    name: { zh: '销售', en: 'Sales' },
    metrics: ['units', 'orders', 'order_items', 'sales', 'aov', 'organic_sales', 'revenue'],
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
    metrics: ['reviews_new', 'review_rate', 'rating_avg', 'customers', 'repeat_customers', 'repeat_rate'],
    roles: ['operator', 'customer_service', 'manager'],
  },
  {
    name: { zh: '退货', en: 'Returns' },
    metrics: ['returned_units', 'return_rate', 'refunds'],
    roles: ['operator', 'customer_service', 'manager'],
  },
  {
    name: { zh: '利润与费用', en: 'Profit and fees' },
    metrics: ['net_profit', 'net_margin', 'referral_fees', 'fba_fees'],
    roles: ['operator', 'manager'],
  },
  {
    name: { zh: '库存与采购成本', en: 'Inventory and purchasing cost' },
    metrics: ['available_units', 'inbound_units', 'stockout_days', 'days_of_cover', 'sell_through', 'units_30d', 'storage_fees', 'cogs', 'freight', 'duties'],
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

/** The role a targets file names, in English or Chinese, or null when it is none of ours. */
export function roleOf(text: string | null | undefined): Role | null {
  if (!text) return null;
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const role of roles) {
    const n = roleNames[role];
    const names = [role, n.zh, n.en, ...n.also].map((s) => s.toLowerCase().replace(/[\s-]+/g, '_'));
    if (names.includes(t)) return role;
  }
  return null;
}

/** The roles that can move a metric; null when the table does not know the metric (then no guard fires). */
export function rolesThatMove(metric: string): readonly Role[] | null {
  return roleGroups.find((g) => g.metrics.includes(metric))?.roles ?? null;
}

/**
 * Which parts of "why was this KPI missed" (SPEC §5) apply to which KPI, as data. Every explanation
 * shows the KPI's own parts now and before (drivers), the funnel findings and the events of the
 * period; these rules add the sales decomposition (traffic × conversion × price), the stock-outs
 * with the sales they likely cost, and ads vs organic sales, and name more drivers to show.
 * A KPI in no rule gets the common parts only.
 */
export type ExplainSection = 'sales_change' | 'stockouts' | 'ads_vs_organic';

export interface ExplainRule {
  name: string;
  metrics: readonly string[];
  sections: readonly ExplainSection[];
  /** catalog metrics shown beside the KPI's own parts */
  drivers: readonly string[];
}

export const explainRules: readonly ExplainRule[] = [
  {
    name: 'sales',
    metrics: ['sales', 'units', 'orders', 'order_items', 'organic_sales', 'revenue', 'net_profit', 'net_margin', 'aov', 'sessions', 'page_views'],
    sections: ['sales_change', 'stockouts', 'ads_vs_organic'],
    drivers: ['sessions', 'unit_session_pct', 'units', 'sales'],
  },
  {
    name: 'conversion',
    metrics: ['unit_session_pct', 'order_item_session_pct', 'buy_box_pct', 'cart_adds', 'cart_add_rate', 'purchases', 'order_rate', 'cart_to_order_rate'],
    sections: ['stockouts'],
    drivers: ['buy_box_pct'],
  },
  {
    name: 'ads',
    metrics: ['ad_impressions', 'ad_clicks', 'ad_spend', 'ad_sales', 'ad_sales_same_sku', 'ad_orders', 'ad_units', 'cpc', 'ad_ctr',
      'ad_conversion_rate', 'acos', 'roas', 'tacos', 'ad_sales_share'],
    sections: ['ads_vs_organic'],
    drivers: ['ad_spend', 'ad_sales', 'ad_clicks', 'cpc', 'ad_conversion_rate'],
  },
  {
    name: 'inventory',
    metrics: ['stockout_days', 'available_units', 'inbound_units', 'days_of_cover', 'sell_through'],
    sections: ['stockouts'],
    drivers: ['units'],
  },
];

export const explainRuleFor = (metric: string): ExplainRule | undefined => explainRules.find((r) => r.metrics.includes(metric));

/** The facts every explanation asks for, per ASIN, beside the KPI's parts and its rule's drivers. */
export const explainMetrics = ['sessions', 'units', 'sales', 'ad_sales_same_sku', 'stockout_days'] as const;

import type { FactId } from './facts.ts';
import { inList, profitRules } from './profit-rules.ts';

/**
 * Base measures: what is summed (or counted, or taken as the last snapshot) from one fact source.
 * Catalog metrics are built from these; nobody re-types the SQL of a measure.
 * `expr` is SQL over the fact row `f` and its marketplace row `mk`.
 */
export type MeasureAggregation = 'sum' | 'count' | 'count_distinct' | 'weighted' | 'snapshot' | 'native';

export interface Measure {
  fact: FactId;
  aggregation: MeasureAggregation;
  expr: string;
  /** weighted: the weight (Buy Box % by page views) */
  weight?: string;
  /** only rows where this holds */
  where?: string;
  money?: boolean;
}

const sum = (fact: FactId, expr: string, more: Partial<Measure> = {}): Measure => ({ fact, aggregation: 'sum', expr, ...more });
const money = (fact: FactId, expr: string, more: Partial<Measure> = {}): Measure => sum(fact, expr, { money: true, ...more });
const snapshot = (fact: FactId, expr: string, where?: string): Measure => ({ fact, aggregation: 'snapshot', expr, ...(where ? { where } : {}) });
const native = (fact: FactId, expr: string): Measure => ({ fact, aggregation: 'native', expr });

/**
 * An amount as profit counts it against tax (the line's `tax_mode`, src/metrics/profit-facts.ts), given the amount and
 * the tax the report writes beside it (same sign), if any:
 * - 'eu': prices include VAT, taken out at the marketplace's rate (EU, UK);
 * - 'net' (a JP store counting revenue net of consumption tax): an amount the report writes with its tax beside it
 *   (商品売上 and 商品の売上税, the settlement reports of a taxable seller) is already net; one written without
 *   (tax 0 or no column: prices before the tax was shown, points) includes it, taken out at the line's rate;
 * - 'gross' (a JP store that keeps the tax, 税込経理): the amount with the tax written beside it;
 * - else the amount as the report writes it.
 * One amount per call, the whole expression in brackets (a sum passed unbracketed once divided only its last term);
 * each line divided on its own in DECIMAL, so the sum stays decimal and is rounded only when shown.
 */
const exVat = (expr: string, tax?: string) => {
  const divided = `CAST((${expr}) / (1 + f.tax_out_rate) AS DECIMAL(38,10))`;
  const taxed = tax ? `coalesce(${tax}, 0)` : '0';
  return `CASE f.tax_mode WHEN 'eu' THEN ${divided}
    WHEN 'net' THEN CASE WHEN ${taxed} = 0 THEN ${divided} ELSE (${expr}) END
    WHEN 'gross' THEN (${expr}) + ${taxed} ELSE (${expr}) END`;
};

// which types are sales lines, reimbursements …: one table (profit-rules.ts → src/domain/transaction-types.ts)
const orderOrRefund = inList('f.type', profitRules.transactionTypes.sales);
// a line with an empty type is no reimbursement (`f.type NOT IN …` would be NULL for it and drop the line)
const reimbursement = inList("coalesce(f.type, '')", profitRules.transactionTypes.reimbursement);

export const measures = {
  sessions: sum('traffic', 'f.sessions'),
  sessions_mobile: sum('traffic', 'f.sessions_mobile'),
  sessions_browser: sum('traffic', 'f.sessions_browser'),
  sessions_b2b: sum('traffic', 'f.sessions_b2b'),
  page_views: sum('traffic', 'f.page_views'),
  buy_box: { fact: 'traffic', aggregation: 'weighted', expr: 'f.buy_box_pct', weight: 'f.page_views' },

  // detail-page conversion divides the Business Report's own units by its own sessions (one source per rate)
  units_br: sum('br_sales', 'f.units'),
  order_items_br: sum('br_sales', 'f.order_items'),
  units: sum('sales', 'f.units'),
  order_items: sum('sales', 'f.order_items'),
  sales: money('sales', 'f.sales'),
  orders_counted: { fact: 'orders', aggregation: 'count_distinct', expr: 'f.order_id' },
  orders_approximate: sum('orders', 'f.approx_orders'),
  order_item_units: sum('order_items', 'f.quantity'),

  impressions: sum('search_funnel', 'f.impressions'),
  clicks: sum('search_funnel', 'f.clicks'),
  cart_adds: sum('search_funnel', 'f.cart_adds'),
  purchases: sum('search_funnel', 'f.purchases'),
  market_impressions: sum('search_funnel', 'f.market_impressions'),
  market_clicks: sum('search_funnel', 'f.market_clicks'),
  market_cart_adds: sum('search_funnel', 'f.market_cart_adds'),
  market_purchases: sum('search_funnel', 'f.market_purchases'),

  ad_impressions: sum('ads', 'f.impressions'),
  ad_clicks: sum('ads', 'f.clicks'),
  ad_spend: money('ads', 'f.spend'),
  ad_sales: money('ads', 'f.sales'),
  ad_sales_same_sku: money('ads', 'f.sales_same_sku'),
  ad_orders: sum('ads', 'f.orders'),
  ad_units: sum('ads', 'f.units'),

  reviews_new: { fact: 'reviews', aggregation: 'count', expr: 'f.review_key' },
  rating_sum: sum('reviews', 'f.rating'),
  ratings: { fact: 'reviews', aggregation: 'count', expr: 'f.rating' },

  customers: native('repeat_purchase', 'f.unique_customers'),
  repeat_customers: native('repeat_purchase', 'f.repeat_customers'),

  returned_units: sum('returns', 'f.quantity'),
  returned_units_matched: sum('returns_matched', 'f.quantity'),

  // profit: lines of the transaction report (line_kind 'line': not storage, advertising or transfers, which
  // have their own sources or are no cost); a part is 0, not unknown, where settled lines exist
  revenue: money('transactions', exVat('f.product_sales', 'f.product_sales_tax'), { where: "f.type = 'Order'" }),
  refunds: money('transactions', `CASE WHEN f.type = 'Refund' THEN ${exVat('-f.product_sales', '-f.product_sales_tax')} ELSE 0 END`),
  // the referral refunded with a refund counts in full here; what Amazon keeps is the refund administration fee
  referral_fees: money('transactions', `CASE WHEN ${orderOrRefund} THEN -f.selling_fees - f.refund_admin_fee ELSE 0 END`),
  refund_admin_fees: money('transactions', 'f.refund_admin_fee'),
  fba_fees: money('transactions', `CASE WHEN ${orderOrRefund} THEN -f.fba_fees ELSE 0 END`),
  // the Amazon points a Japanese seller pays for are a discount the seller funds, like a promotion
  promotions: money('transactions', `CASE WHEN ${orderOrRefund} THEN ${exVat('-coalesce(f.promotional_rebates, 0)', '-f.promotional_rebates_tax')}
    - ${exVat('coalesce(f.points_cost, 0)')} ELSE 0 END`),
  reimbursements: money('transactions', `CASE WHEN ${reimbursement} THEN f.total ELSE 0 END`),
  // other transaction fees and "other" of order lines (shipping credits net against FBA's shipping chargebacks),
  // and account-level charges that are not storage, advertising or transfers (subscription, removals …)
  other_fees: money('transactions', `CASE WHEN ${orderOrRefund} THEN -coalesce(f.other_transaction_fees, 0) - coalesce(f.other, 0)
      - ${exVat('coalesce(f.shipping_credits, 0)', 'f.shipping_credits_tax')} - ${exVat('coalesce(f.gift_wrap_credits, 0)', 'f.gift_wrap_credits_tax')}
    WHEN f.line_kind = 'line' AND NOT ${reimbursement} THEN -coalesce(f.total, 0) ELSE 0 END`),
  storage_fees: money('storage_fees', 'f.fee'),
  ad_cost: money('ad_costs', 'f.spend'),
  payout_costs: money('payout_costs', 'f.cost'),
  cogs: money('landed_costs', 'f.cogs'),
  freight: money('landed_costs', 'f.freight'),
  duties: money('landed_costs', 'f.duties'),

  available_units: snapshot('inventory', 'f.available'),
  inbound_units: snapshot('inventory', 'coalesce(f.inbound_working, 0) + coalesce(f.inbound_shipped, 0) + coalesce(f.inbound_receiving, 0)'),
  stockout_days: sum('inventory', 'CASE WHEN f.available = 0 THEN 1 ELSE 0 END'),
  units_30d: sum('sales_trailing_30', 'f.units'),
  units_90d: sum('sales_trailing_90', 'f.units'),
  available_sum_90d: sum('inventory_trailing_90', 'f.available'),
  inventory_days_90d: { fact: 'inventory_trailing_90', aggregation: 'count_distinct', expr: 'f.snapshot_date' },

  odr_defects: snapshot('account_health', 'f.defects', "f.metric = 'odr'"),
  odr_orders: snapshot('account_health', 'f.orders', "f.metric = 'odr'"),
  a_to_z_claims: snapshot('account_health', 'f.defects', "f.metric = 'a_to_z'"),
  late_shipments: snapshot('account_health', 'f.defects', "f.metric = 'late_shipment'"),
  late_shipment_orders: snapshot('account_health', 'f.orders', "f.metric = 'late_shipment'"),
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof measures;
export const measureById: Record<MeasureId, Measure> = measures;

import type { FactId } from './facts.ts';
import { profitRules } from './profit-rules.ts';
import { add, and, coalesce, col, decimal, div, eq, neg, num, not, oneOf, sub, text, when, type Expr } from './plan/expr.ts';

/**
 * Base measures: what is summed (or counted, or taken as the last snapshot) from one fact source.
 * Catalog metrics are built from these; nobody re-types the SQL of a measure.
 * `expr` is an expression tree over the fact row `f` (plan/expr.ts), spelled in SQL by the renderer.
 */
export type MeasureAggregation = 'sum' | 'count' | 'count_distinct' | 'weighted' | 'snapshot' | 'native';

export interface Measure {
  fact: FactId;
  aggregation: MeasureAggregation;
  expr: Expr;
  /** weighted: the weight (Buy Box % by page views) */
  weight?: Expr;
  /** only rows where this holds */
  where?: Expr;
  money?: boolean;
}

const sum = (fact: FactId, expr: Expr, more: Partial<Measure> = {}): Measure => ({ fact, aggregation: 'sum', expr, ...more });
const money = (fact: FactId, expr: Expr, more: Partial<Measure> = {}): Measure => sum(fact, expr, { money: true, ...more });
const snapshot = (fact: FactId, expr: Expr, where?: Expr): Measure => ({ fact, aggregation: 'snapshot', expr, ...(where ? { where } : {}) });
const native = (fact: FactId, expr: Expr): Measure => ({ fact, aggregation: 'native', expr });
const count = (fact: FactId, expr: Expr): Measure => ({ fact, aggregation: 'count', expr });
const distinct = (fact: FactId, expr: Expr): Measure => ({ fact, aggregation: 'count_distinct', expr });

/**
 * An amount as profit counts it against tax (the line's `tax_mode`, src/metrics/profit-facts.ts), given the amount and
 * the tax the report writes beside it (same sign), if any:
 * - 'eu': prices include VAT, taken out at the marketplace's rate (EU, UK);
 * - 'net' (a JP store counting revenue net of consumption tax): an amount the report writes with its tax beside it
 *   (商品売上 and 商品の売上税, the settlement reports of a taxable seller) is already net; one written without
 *   (tax 0 or no column: prices before the tax was shown, points) includes it, taken out at the line's rate;
 * - 'gross' (a JP store that keeps the tax, 税込経理): the amount with the tax written beside it;
 * - else the amount as the report writes it.
 * Each line divided on its own in DECIMAL, so the sum stays decimal and is rounded only when shown.
 */
const exVat = (amount: Expr, tax?: Expr): Expr => {
  const divided = decimal(div(amount, add(num(1), col('tax_out_rate'))));
  const taxed = tax ? coalesce(tax, num(0)) : num(0);
  const mode = col('tax_mode');
  return when([
    [eq(mode, text('eu')), divided],
    [eq(mode, text('net')), when([[eq(taxed, num(0)), divided]], amount)],
    [eq(mode, text('gross')), add(amount, taxed)],
  ], amount);
};

// which types are sales lines, reimbursements …: one table (profit-rules.ts → src/domain/transaction-types.ts)
const orderOrRefund = oneOf(col('type'), profitRules.transactionTypes.sales);
// a line with an empty type is no reimbursement (`f.type NOT IN …` would be NULL for it and drop the line)
const reimbursement = oneOf(coalesce(col('type'), text('')), profitRules.transactionTypes.reimbursement);
/** the amount on sales and refund lines, else 0 */
const onOrderOrRefund = (amount: Expr) => when([[orderOrRefund, amount]], num(0));
const orZero = (name: string) => coalesce(col(name), num(0));
const isMetric = (name: string) => eq(col('metric'), text(name));

export const measures = {
  sessions: sum('traffic', col('sessions')),
  sessions_mobile: sum('traffic', col('sessions_mobile')),
  sessions_browser: sum('traffic', col('sessions_browser')),
  sessions_b2b: sum('traffic', col('sessions_b2b')),
  page_views: sum('traffic', col('page_views')),
  buy_box: { fact: 'traffic', aggregation: 'weighted', expr: col('buy_box_pct'), weight: col('page_views') },

  // detail-page conversion divides the Business Report's own units by its own sessions (one source per rate)
  units_br: sum('br_sales', col('units')),
  order_items_br: sum('br_sales', col('order_items')),
  units: sum('sales', col('units')),
  order_items: sum('sales', col('order_items')),
  sales: money('sales', col('sales')),
  orders_counted: distinct('orders', col('order_id')),
  orders_approximate: sum('orders', col('approx_orders')),
  order_item_units: sum('order_items', col('quantity')),

  impressions: sum('search_funnel', col('impressions')),
  clicks: sum('search_funnel', col('clicks')),
  cart_adds: sum('search_funnel', col('cart_adds')),
  purchases: sum('search_funnel', col('purchases')),
  market_impressions: sum('search_funnel', col('market_impressions')),
  market_clicks: sum('search_funnel', col('market_clicks')),
  market_cart_adds: sum('search_funnel', col('market_cart_adds')),
  market_purchases: sum('search_funnel', col('market_purchases')),

  ad_impressions: sum('ads', col('impressions')),
  ad_clicks: sum('ads', col('clicks')),
  ad_spend: money('ads', col('spend')),
  ad_sales: money('ads', col('sales')),
  ad_sales_same_sku: money('ads', col('sales_same_sku')),
  ad_orders: sum('ads', col('orders')),
  ad_units: sum('ads', col('units')),

  reviews_new: count('reviews', col('review_key')),
  rating_sum: sum('reviews', col('rating')),
  ratings: count('reviews', col('rating')),
  // Feedback Manager's own split: positive 4–5 stars, negative 1–2 (3 is neutral)
  feedback_count: count('seller_feedback', col('feedback_key')),
  feedback_positive: sum('seller_feedback', when([[eq(col('rating'), num(4)), num(1)], [eq(col('rating'), num(5)), num(1)]], num(0))),
  feedback_negative: sum('seller_feedback', when([[eq(col('rating'), num(1)), num(1)], [eq(col('rating'), num(2)), num(1)]], num(0))),
  feedback_rating_sum: sum('seller_feedback', col('rating')),
  feedback_ratings: count('seller_feedback', col('rating')),

  customers: native('repeat_purchase', col('unique_customers')),
  repeat_customers: native('repeat_purchase', col('repeat_customers')),

  returned_units: sum('returns', col('quantity')),
  returned_units_matched: sum('returns_matched', col('quantity')),

  // profit: lines of the transaction report (line_kind 'line': not storage, advertising or transfers, which
  // have their own sources or are no cost); a part is 0, not unknown, where settled lines exist
  revenue: money('transactions', exVat(col('product_sales'), col('product_sales_tax')), { where: eq(col('type'), text('Order')) }),
  refunds: money('transactions', when([[eq(col('type'), text('Refund')), exVat(neg(col('product_sales')), neg(col('product_sales_tax')))]], num(0))),
  // the referral refunded with a refund counts in full here; what Amazon keeps is the refund administration fee
  referral_fees: money('transactions', onOrderOrRefund(sub(neg(col('selling_fees')), col('refund_admin_fee')))),
  refund_admin_fees: money('transactions', col('refund_admin_fee')),
  fba_fees: money('transactions', onOrderOrRefund(neg(col('fba_fees')))),
  // the Amazon points a Japanese seller pays for are a discount the seller funds, like a promotion
  promotions: money('transactions', onOrderOrRefund(sub(exVat(neg(orZero('promotional_rebates')), neg(col('promotional_rebates_tax'))), exVat(orZero('points_cost'))))),
  reimbursements: money('transactions', when([[reimbursement, col('total')]], num(0))),
  // other transaction fees and "other" of order lines (shipping credits net against FBA's shipping chargebacks),
  // and account-level charges that are not storage, advertising or transfers (subscription, removals …)
  other_fees: money('transactions', when([
    [orderOrRefund, sub(sub(sub(neg(orZero('other_transaction_fees')), orZero('other')),
      exVat(orZero('shipping_credits'), col('shipping_credits_tax'))), exVat(orZero('gift_wrap_credits'), col('gift_wrap_credits_tax')))],
    [and(eq(col('line_kind'), text('line')), not(reimbursement)), neg(orZero('total'))],
  ], num(0))),
  storage_fees: money('storage_fees', col('fee')),
  ad_cost: money('ad_costs', col('spend')),
  payout_costs: money('payout_costs', col('cost')),
  cogs: money('landed_costs', col('cogs')),
  freight: money('landed_costs', col('freight')),
  duties: money('landed_costs', col('duties')),

  available_units: snapshot('inventory', col('available')),
  inbound_units: snapshot('inventory', add(add(orZero('inbound_working'), orZero('inbound_shipped')), orZero('inbound_receiving'))),
  stockout_days: sum('inventory', when([[eq(col('available'), num(0)), num(1)]], num(0))),
  units_30d: sum('sales_trailing_30', col('units')),
  units_90d: sum('sales_trailing_90', col('units')),
  available_sum_90d: sum('inventory_trailing_90', col('available')),
  inventory_days_90d: distinct('inventory_trailing_90', col('snapshot_date')),
  // stock22 (issue 22): inventory health
  aged_0_90_units: snapshot('inventory_age', orZero('age_0_90')),
  aged_91_180_units: snapshot('inventory_age', orZero('age_91_180')),
  aged_181_270_units: snapshot('inventory_age', orZero('age_181_270')),
  aged_271_365_units: snapshot('inventory_age', orZero('age_271_365')),
  aged_365_plus_units: snapshot('inventory_age', orZero('age_365_plus')),
  aged_0_180_units: snapshot('inventory_age', add(orZero('age_0_90'), orZero('age_91_180'))),
  aged_units: snapshot('inventory_age', add(add(add(add(orZero('age_0_90'), orZero('age_91_180')), orZero('age_181_270')), orZero('age_271_365')), orZero('age_365_plus'))),
  unfulfillable_units: snapshot('inventory', col('unfulfillable')),
  in_stock_sku_days: sum('inventory', when([[eq(col('available'), num(0)), num(0)]], num(1))),
  sku_days: sum('inventory', num(1)),

  odr_defects: snapshot('account_health', col('defects'), isMetric('odr')),
  odr_orders: snapshot('account_health', col('orders'), isMetric('odr')),
  a_to_z_claims: snapshot('account_health', col('defects'), isMetric('a_to_z')),
  late_shipments: snapshot('account_health', col('defects'), isMetric('late_shipment')),
  late_shipment_orders: snapshot('account_health', col('orders'), isMetric('late_shipment')),

  // the market around each ASIN (issue 18): the last day's ranks, and how many ASINs have one (to average over)
  bsr_sum: snapshot('sales_ranks', col('bsr'), eq(col('has_bsr'), num(1))),
  bsr_asins: snapshot('sales_ranks', num(1), eq(col('has_bsr'), num(1))),
  bsr_category_sum: snapshot('sales_ranks', col('bsr_category'), eq(col('has_bsr_category'), num(1))),
  bsr_category_asins: snapshot('sales_ranks', num(1), eq(col('has_bsr_category'), num(1))),
  offer_count: snapshot('offers', col('offers')),
  other_seller_offers: snapshot('offers', col('other_offers')),
  buy_box_lost_days: sum('offers', col('lost_buy_box')),
  buy_box_checked_days: sum('offers', col('buy_box_known')),
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof measures;
export const measureById: Record<MeasureId, Measure> = measures;

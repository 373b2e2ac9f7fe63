import { consumptionTaxRates } from '../domain/consumption-tax.ts';
import { countedTransactions } from '../store/counted-transactions.ts';
import { allocatedSql } from './allocation-sql.ts';
import { notCancelled, unsettledAmazonLine } from './order-status.ts';
import type { FactContext } from './facts.ts';
import { fxAll, landedCostJoins, landedPerUnit } from './landed-cost.ts';
import { inMinorUnitSql } from './minor-unit-sql.ts';
import { inList, likeAny, lit, profitRules as rules } from './profit-rules.ts';

/**
 * SQL of the profit fact sources (SPEC §6). Every source has a `profit_date`: on the order basis the
 * order's date (matched by order id to the order files; without one the posted date stands in), on
 * the posted basis (cash view) the posted date. Rows carry `source` so each answer says what is
 * settled and what is estimated.
 */

const storageLike = likeAny(`lower(coalesce(t.description, ''))`, rules.storageCharge.like);
const advertisingLine = inList(`lower(trim(coalesce(t.description, '')))`, rules.advertisingCharge.equals);
// coalesce: a line with an empty type is no transfer (`NULL IN …` would drop it from every source)
const transferLine = inList("coalesce(t.type, '')", rules.transferTypes);

/** money of a derived source as DECIMAL(38,10): products of rates would otherwise grow the scale until a
 * union with other sources has too few integer digits left (DuckDB widens to the largest scale) */
const dec = (expr: string) => `CAST(${expr} AS DECIMAL(38,10))`;

/** an estimated amount of one line in its currency's minor unit (ISO 4217: JPY has none): it is a charge of its own */
const inMinorUnit = (expr: string) => inMinorUnitSql(expr, 't.currency');

/** the refund administration fee of an Amazon refund line (channel NULL: another channel keeps no such fee): the original order line's referral (pro rata
 * to the refunded units) less the referral refunded; unmatched, a quarter of the refunded referral */
const refundAdminFee = `CASE WHEN t.type = 'Refund' AND t.channel IS NULL AND coalesce(t.selling_fees, 0) > 0 THEN
    CASE WHEN orig.selling_fees IS NOT NULL AND orig.quantity > 0
      THEN greatest(CAST(${inMinorUnit('-orig.selling_fees * coalesce(t.quantity, orig.quantity) / orig.quantity')} AS DECIMAL(18,4)) - t.selling_fees, 0)
      ELSE CAST(${inMinorUnit(`least(t.selling_fees * ${rules.refundAdminShareOfRefundedReferral},
                            coalesce(cap.amount * coalesce(t.quantity, 1), t.selling_fees))`)} AS DECIMAL(18,4)) END
  ELSE 0 END`;

const adminCaps = `(SELECT * FROM (VALUES ${Object.entries(rules.refundAdminCapPerUnit)
  .map(([currency, amount]) => `(${lit(currency)}, CAST(${lit(amount)} AS DECIMAL(18,4)))`).join(', ')}) v(currency, amount))`;

/** An unsettled order line's product sales written as its settled line will be: in a consumption-tax marketplace (JP)
 * All Orders' item-price includes the tax and item-tax is the part of it that is tax (1,280 with 116), while the
 * settlement of a taxable seller writes sales without it and the tax beside (商品売上, 商品の売上税: see
 * src/domain/consumption-tax.ts); so the estimate is 1,164 with 116 beside, and the store's consumption-tax setting
 * (net, gross, as written) reads it as it reads the settled line. Without item-tax the price stays as written (with
 * the tax): "net" takes the rate out, "gross" keeps it. Elsewhere item-price is as the settlement writes it (US: without
 * sales tax; EU: with VAT, taken out by the marketplace's rate). */
const taxBeside = `oi.marketplace IN (${Object.keys(consumptionTaxRates).map(lit).join(', ')}) AND oi.item_tax IS NOT NULL`;
const estimatedSales = {
  sales: `CASE WHEN ${taxBeside} THEN oi.item_price - oi.item_tax ELSE oi.item_price END`,
  tax: `CASE WHEN ${taxBeside} THEN oi.item_tax END`,
};

/** Settled transaction lines (each money event once: src/store/counted-transactions.ts; not storage charges, "Cost of Advertising" or transfers: storage and ads have
 * their own sources, transfers are no cost), and (order basis) order items not yet settled, estimated. */
export const profitLines = (ctx: FactContext): string => {
  const orderBasis = ctx.basis === 'order';
  const orderDate = orderBasis ? 'coalesce(o.order_date, t.posted_date)' : 't.posted_date';
  // a line is posted on or after its order's date: the period's first day bounds both bases, its last day only the cash view
  const postedFrom = ctx.bounds.from ? ` AND t.posted_date >= ${ctx.bounds.from}` : '';
  const postedTo = ctx.bounds.to && !orderBasis ? ` AND t.posted_date <= ${ctx.bounds.to}` : '';
  // an order placed after the period cannot date a line into it (unmatched, its posted date is later still)
  const orderedBy = ctx.bounds.to ? ` WHERE order_date <= ${ctx.bounds.to}` : '';
  const ordered = [ctx.bounds.from ? ` AND oi.order_date >= ${ctx.bounds.from}` : '', ctx.bounds.to ? ` AND oi.order_date <= ${ctx.bounds.to}` : ''].join('');
  const settled = `
  SELECT t.store, t.marketplace, t.type, t.description, t.order_id, t.sku, m.asin, m.parent_asin, t.fulfillment, t.quantity,
         t.product_sales, t.selling_fees, t.fba_fees, t.promotional_rebates, t.points_cost, t.other_transaction_fees, t.other,
         t.shipping_credits, t.gift_wrap_credits, t.total, t.currency, ${refundAdminFee} AS refund_admin_fee,
         ${orderDate} AS profit_date, t.posted_date,
         'line' AS line_kind,
         'settled' AS source,
         t.product_sales_tax, t.shipping_credits_tax, t.gift_wrap_credits_tax, t.promotional_rebates_tax,
         coalesce(t.channel, 'amazon') AS channel
  FROM ${countedTransactions} t
  LEFT JOIN sku_map m ON m.store = t.store AND m.sku = t.sku
  LEFT JOIN ${adminCaps} cap ON cap.currency = t.currency
  LEFT JOIN (SELECT store, order_id, sku, sum(selling_fees) AS selling_fees, sum(quantity) AS quantity
             FROM ${countedTransactions} ot WHERE type = 'Order' AND order_id IN (SELECT order_id FROM transactions WHERE type = 'Refund')
             GROUP BY store, order_id, sku) orig
    ON t.type = 'Refund' AND orig.store = t.store AND orig.order_id = t.order_id AND orig.sku IS NOT DISTINCT FROM t.sku
  ${orderBasis ? `LEFT JOIN (SELECT store, order_id, min(order_date) AS order_date FROM order_items${orderedBy} GROUP BY store, order_id) o
    ON o.store = t.store AND o.order_id = t.order_id` : ''}
  WHERE NOT (${storageLike} OR ${advertisingLine} OR ${transferLine})${postedFrom}${postedTo}`;
  if (!orderBasis) return withTaxOutRate(`(${settled}\n)`, ctx);
  const channelLines = otherChannelLines(ordered);
  const tables = ctx.tableFeeEstimates?.() ?? `(SELECT NULL::VARCHAR AS store, NULL::VARCHAR AS marketplace, NULL::VARCHAR AS sku,
    NULL::DECIMAL(18,4) AS referral_fee, NULL::DECIMAL(18,4) AS fulfillment_fee WHERE FALSE)`;
  // the latest fee preview per SKU: it describes the fees in force, not those of a date
  const preview = `(SELECT store, marketplace, sku, referral_fee, fulfillment_fee FROM fee_estimates
    WHERE sku IS NOT NULL QUALIFY row_number() OVER (PARTITION BY store, marketplace, sku ORDER BY snapshot_date DESC) = 1)`;
  const fee = (column: string) => `coalesce(fp.${column}, tf.${column})`;
  return withTaxOutRate(`(${settled}
  UNION ALL
  SELECT oi.store, oi.marketplace, 'Order', NULL, oi.order_id, oi.sku, coalesce(oi.asin, m.asin), m.parent_asin, oi.fulfillment, oi.quantity,
         ${estimatedSales.sales}, CAST(-${fee('referral_fee')} * oi.quantity AS DECIMAL(18,4)),
         CAST(CASE WHEN oi.fulfillment = 'FBA' THEN -${fee('fulfillment_fee')} * oi.quantity ELSE 0 END AS DECIMAL(18,4)),
         -abs(coalesce(oi.item_promotion_discount, 0)), 0, 0, 0, 0, 0, NULL, oi.currency, 0,
         oi.order_date, NULL, 'line',
         CASE WHEN fp.sku IS NOT NULL THEN 'estimated: fee preview' WHEN tf.sku IS NOT NULL THEN 'estimated: fee tables'
              ELSE 'estimated: no fee data' END,
         ${estimatedSales.tax}, NULL, NULL, NULL, 'amazon'
  FROM order_items oi
  LEFT JOIN sku_map m ON m.store = oi.store AND m.sku = oi.sku
  LEFT JOIN ${preview} fp ON fp.store = oi.store AND fp.marketplace = oi.marketplace AND fp.sku = oi.sku
  LEFT JOIN ${tables} tf ON tf.store = oi.store AND tf.marketplace = oi.marketplace AND tf.sku = oi.sku
  WHERE ${unsettledAmazonLine('oi')}${ordered}
  ${channelLines}
)`, ctx);
};

/** Order lines of the other channels (Shopify, Walmart) that no settled line of their channel names: their sales,
 * shipping charged and discounts as the order export writes them; their fees unknown (NULL, named missing: 'estimated: no
 * fee data'), no FBA fee (not fulfilled by Amazon); and the
 * refunds their order exports write per order (channel_refunds, dated by the order), as refund lines. */
const otherChannelLines = (ordered: string): string => `
  UNION ALL
  SELECT oi.store, oi.marketplace, 'Order', NULL, oi.order_id, oi.sku, coalesce(oi.asin, m.asin), m.parent_asin, oi.fulfillment, oi.quantity,
         oi.item_price, NULL, 0, -abs(coalesce(oi.item_promotion_discount, 0)), 0, 0, 0, coalesce(oi.shipping_price, 0), 0, NULL, oi.currency, 0,
         oi.order_date, NULL, 'line', 'estimated: no fee data', NULL, NULL, NULL, NULL, oi.channel
  FROM order_items oi
  LEFT JOIN sku_map m ON m.store = oi.store AND m.sku = oi.sku
  WHERE oi.channel <> 'amazon' AND ${notCancelled('oi')} AND oi.item_price IS NOT NULL${ordered}
    AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.store = oi.store AND t.order_id = oi.order_id AND t.type = 'Order'
                      AND t.channel = oi.channel)
  UNION ALL
  SELECT r.store, r.marketplace, 'Refund', NULL, r.order_id, NULL, NULL, NULL, NULL, NULL,
         -r.refunded_amount, NULL, 0, 0, 0, 0, 0, 0, 0, NULL, r.currency, 0,
         r.order_date, NULL, 'line', 'estimated: no fee data', NULL, NULL, NULL, NULL, r.channel
  FROM channel_refunds r
  WHERE TRUE${ordered.replaceAll('oi.order_date', 'r.order_date')}`;

/** Each line with how its revenue, credits and promotions stand to tax (src/metrics/measures.ts): `tax_mode` 'eu'
 * (prices include VAT: taken out at `tax_out_rate`, the marketplace's), 'net' or 'gross' (a JP store's consumption-tax
 * setting; `tax_out_rate` the standard rate, or the reduced one for the product lines it names: food, the SKU's
 * product line on the line's date from the products file), else 'as_written'. */
const withTaxOutRate = (lines: string, ctx: FactContext): string => `(
  SELECT l.*, CASE WHEN mk.region = 'EU' THEN 'eu' WHEN ct.revenue_net THEN 'net' WHEN NOT ct.revenue_net THEN 'gross' ELSE 'as_written' END AS tax_mode,
    CASE WHEN mk.region = 'EU' THEN mk.vat_rate
    WHEN ct.store IS NOT NULL THEN CASE WHEN list_contains(list_transform(ct.reduced_product_lines, lambda x: lower(trim(x))), lower(trim(pl.product_line)))
                                  THEN ct.reduced_rate ELSE ct.standard_rate END
    ELSE 0 END AS tax_out_rate
  FROM ${lines} l
  LEFT JOIN marketplaces mk ON mk.code = l.marketplace
  LEFT JOIN consumption_tax_settings ct ON ct.store = l.store AND ct.marketplace = l.marketplace
  ${ctx.dialect.asofLeftJoin('(SELECT store, sku, effective_from, product_line FROM product_assignments WHERE product_line IS NOT NULL)', 'pl',
    ['pl.store = l.store', 'pl.sku = l.sku'], 'l.profit_date', 'pl.effective_from')}
)`;

/** Unit cost, first-leg freight and duty for the units on revenue lines, in the line's currency.
 * Freight: the latest shipment's actual per-unit cost, else the costs file's freight per unit. */
export const landedCosts = (ctx: FactContext): string => `(
  SELECT l.store, l.marketplace, l.profit_date, l.sku, l.asin, l.parent_asin, l.fulfillment, l.currency, l.source, l.channel,
         ${dec(`l.quantity * ${landedPerUnit.unitCost}`)} AS cogs,
         ${dec(`l.quantity * ${landedPerUnit.freight}`)} AS freight,
         ${dec(`l.quantity * ${landedPerUnit.duty}`)} AS duties
  FROM ${profitLines(ctx)} l
  ${landedCostJoins(ctx.dialect, { store: 'l.store', sku: 'l.sku', marketplace: 'l.marketplace', date: 'l.profit_date', currency: 'l.currency' })}
  WHERE l.type = 'Order' AND l.quantity IS NOT NULL
)`;

/**
 * The account-level storage charge allocated to SKUs by the monthly storage fee report: each SKU gets
 * the charge × its share of the report's estimated fee for that month (and kind: monthly, long-term).
 * A month the report covers but no charge has reached yet: the report's estimate. A charge without a
 * report: unallocated (no SKU). Order basis: dated by the storage month; posted basis: by the charge.
 */
export const storageAllocated = (ctx: FactContext): string => {
  const d = ctx.dialect;
  const kind = `CASE WHEN ${likeAny('lower(t.description)', rules.storageCharge.longTermLike)} THEN 'long_term' ELSE 'monthly' END`;
  const posted = ctx.basis === 'posted';
  return `(
  WITH charge AS (
    SELECT t.store, t.marketplace, CAST(date_trunc('month', t.posted_date) - INTERVAL (${rules.storageChargeLagMonths}) MONTH AS DATE) AS month,
           ${kind} AS kind, min(t.posted_date) AS posted_date, -sum(t.total) AS charge, min(t.currency) AS currency
    FROM ${countedTransactions} t WHERE ${storageLike} AND NOT (${transferLine})
    GROUP BY 1, 2, 3, 4
  ), report AS (
    SELECT s.store, s.marketplace, s.month, s.kind, coalesce(s.sku, fm.sku, am.sku) AS sku, coalesce(s.asin, fm.asin) AS asin,
           sum(s.fee) AS fee, min(s.currency) AS currency
    FROM storage_fees s
    LEFT JOIN sku_map fm ON fm.store = s.store AND fm.fnsku = s.fnsku
    LEFT JOIN (SELECT store, asin, min(sku) AS sku FROM sku_map GROUP BY store, asin) am ON am.store = s.store AND am.asin = s.asin
    GROUP BY 1, 2, 3, 4, 5, 6
  ), total AS (
    SELECT store, marketplace, month, kind, sum(fee) AS fee FROM report GROUP BY 1, 2, 3, 4
  )
  SELECT store, marketplace, sku, asin, currency, allocated AS fee, date_from, date_to, 'allocated' AS source
  FROM ${allocatedSql(`SELECT r.store, r.marketplace, r.month, r.kind, r.sku, r.asin, c.currency,
           ${posted ? 'c.posted_date' : 'r.month'} AS date_from, ${posted ? 'c.posted_date' : d.monthEnd('r.month')} AS date_to,
           c.charge AS alloc_total, r.fee AS alloc_weight, n.fee AS alloc_weights
    FROM report r JOIN total n USING (store, marketplace, month, kind) JOIN charge c USING (store, marketplace, month, kind)
    WHERE n.fee <> 0`, ['store', 'marketplace', 'month', 'kind'], ['sku', 'asin'])} storage_shares
  UNION ALL
  SELECT r.store, r.marketplace, r.sku, r.asin, r.currency, ${dec('r.fee')}, r.month, ${d.monthEnd('r.month')}, 'storage report estimate'
  FROM report r WHERE NOT EXISTS (SELECT 1 FROM charge c WHERE c.store = r.store AND c.marketplace = r.marketplace AND c.month = r.month AND c.kind = r.kind)
  UNION ALL
  SELECT c.store, c.marketplace, NULL, NULL, c.currency, ${dec('c.charge')},
         ${posted ? 'c.posted_date' : 'c.month'}, ${posted ? 'c.posted_date' : d.monthEnd('c.month')}, 'unallocated'
  FROM charge c WHERE NOT EXISTS (SELECT 1 FROM total n WHERE n.store = c.store AND n.marketplace = c.marketplace
                                    AND n.month = c.month AND n.kind = c.kind AND n.fee <> 0)
)`;
};

const adsLevelRank = `CASE level WHEN 'campaign' THEN 1 WHEN 'placement' THEN 2 WHEN 'ad_group' THEN 3
  WHEN 'advertised_product' THEN 4 WHEN 'targeting' THEN 5 WHEN 'search_term' THEN 6 ELSE 9 END`;

/**
 * Ad spend per SKU from the ads reports (never the settlement's "Cost of Advertising" lines): SP and
 * SD from the advertised-product level (one level: where a day has none, the most complete other level,
 * without SKU); SB, which has no child ASIN, allocated by the rule in profit-rules.ts.
 */
export const adCosts = (ctx: FactContext): string => `(
  WITH best AS (
    SELECT a.*, ${adsLevelRank} AS level_rank,
           MIN(${adsLevelRank}) OVER (PARTITION BY store, marketplace, ad_type, date_from, date_to) AS best_rank
    FROM ads a WHERE level IN ('campaign', 'placement', 'ad_group', 'advertised_product', 'targeting', 'search_term') AND ${ctx.overlaps('a')}
  ), sb AS (
    SELECT store, marketplace, date_from, date_to, sum(spend) AS spend, min(currency) AS currency
    FROM best WHERE ad_type = 'SB' AND level_rank = best_rank GROUP BY 1, 2, 3, 4
  ), sb_sales AS (
    SELECT sb.store, sb.marketplace, sb.date_from, sb.date_to, o.sku, min(o.asin) AS asin,
           sum(o.item_price - abs(coalesce(o.item_promotion_discount, 0))) AS sales
    FROM sb JOIN order_items o ON o.store = sb.store AND o.marketplace = sb.marketplace
      AND o.order_date BETWEEN sb.date_from AND sb.date_to AND ${notCancelled('o')} AND o.item_price IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
  ), sb_total AS (
    SELECT store, marketplace, date_from, date_to, sum(sales) AS sales FROM sb_sales GROUP BY 1, 2, 3, 4
  )
  SELECT store, marketplace, date_from, date_to, ad_type, advertised_sku AS sku, advertised_asin AS asin, ${dec('spend')} AS spend, currency, 'advertised product' AS source
  FROM best WHERE ad_type <> 'SB' AND level = 'advertised_product'
  UNION ALL
  SELECT store, marketplace, date_from, date_to, ad_type, NULL, NULL, ${dec('spend')}, currency, 'campaign (no SKU)'
  FROM best b WHERE ad_type <> 'SB' AND level_rank = best_rank
    -- only days no advertised-product row covers (a monthly campaign report beside daily product rows is not added)
    AND NOT EXISTS (SELECT 1 FROM ads p WHERE p.level = 'advertised_product' AND p.store = b.store AND p.marketplace = b.marketplace
                      AND p.ad_type = b.ad_type AND p.date_from <= b.date_to AND p.date_to >= b.date_from)
  UNION ALL
  SELECT store, marketplace, date_from, date_to, 'SB', sku, asin, allocated, currency, 'SB allocated by sales'
  FROM ${allocatedSql(`SELECT s.store, s.marketplace, s.date_from, s.date_to, s.sku, s.asin, b.currency,
           b.spend AS alloc_total, s.sales AS alloc_weight, t.sales AS alloc_weights
    FROM sb_sales s JOIN sb_total t USING (store, marketplace, date_from, date_to) JOIN sb b USING (store, marketplace, date_from, date_to)
    WHERE t.sales <> 0`, ['store', 'marketplace', 'date_from', 'date_to'], ['sku', 'asin'])} sb_shares
  UNION ALL
  SELECT b.store, b.marketplace, b.date_from, b.date_to, 'SB', NULL, NULL, ${dec('b.spend')}, b.currency, 'SB unallocated'
  FROM sb b WHERE NOT EXISTS (SELECT 1 FROM sb_total t WHERE t.store = b.store AND t.marketplace = b.marketplace
                                AND t.date_from = b.date_from AND t.date_to = b.date_to AND t.sales <> 0)
)`;

/**
 * Payout costs (结汇): (mid-market FX of the payout date × amount − received) + provider fee, turned back
 * into the payout's currency at that rate, allocated by the rule in profit-rules.ts. Dated by the payout.
 */
export const payoutCosts = (ctx: FactContext): string => {
  const d = ctx.dialect;
  return `(
  WITH p AS (
    SELECT p.store, p.marketplace, p.date, p.currency,
           coalesce(CAST(lag(p.date) OVER (PARTITION BY p.store, p.marketplace ORDER BY p.date) + INTERVAL 1 DAY AS DATE),
                    CAST(date_trunc('month', p.date) AS DATE)) AS period_from,
           CASE WHEN fx.rate IS NULL THEN NULL
                ELSE CAST(p.amount - (p.received - coalesce(p.provider_fee, 0)) / fx.rate AS DECIMAL(38,10)) END AS cost
    FROM payouts p
    ${d.asofLeftJoin(fxAll, 'fx', ['fx.base = p.currency', 'fx.quote = p.received_currency'], 'p.date', 'fx.date')}
  ), settled AS (
    SELECT p.store, p.marketplace, p.date, t.sku, min(m.asin) AS asin, sum(t.product_sales) AS sales
    FROM p JOIN ${countedTransactions} t ON t.store = p.store AND t.marketplace = p.marketplace AND t.type = 'Order'
      AND t.posted_date BETWEEN p.period_from AND p.date
    LEFT JOIN sku_map m ON m.store = t.store AND m.sku = t.sku
    GROUP BY 1, 2, 3, 4
  ), sales AS (
    SELECT * FROM settled
    UNION ALL
    -- no transaction report for the payout's period: ordered sales (cancelled excluded) stand in
    SELECT p.store, p.marketplace, p.date, o.sku, min(o.asin), sum(o.item_price)
    FROM p JOIN order_items o ON o.store = p.store AND o.marketplace = p.marketplace AND o.order_date BETWEEN p.period_from AND p.date
      AND ${notCancelled('o')} AND o.item_price IS NOT NULL
    WHERE NOT EXISTS (SELECT 1 FROM settled s WHERE s.store = p.store AND s.marketplace = p.marketplace AND s.date = p.date)
    GROUP BY 1, 2, 3, 4
  ), total AS (SELECT store, marketplace, date, sum(sales) AS sales FROM sales GROUP BY 1, 2, 3)
  SELECT store, marketplace, date, sku, asin, currency, allocated AS cost, 'allocated' AS source
  FROM ${allocatedSql(`SELECT s.store, s.marketplace, s.date, s.sku, s.asin, p.currency,
           p.cost AS alloc_total, s.sales AS alloc_weight, t.sales AS alloc_weights
    FROM sales s JOIN total t USING (store, marketplace, date) JOIN p USING (store, marketplace, date)
    WHERE t.sales <> 0`, ['store', 'marketplace', 'date'], ['sku', 'asin'])} payout_shares
  UNION ALL
  SELECT p.store, p.marketplace, p.date, NULL, NULL, p.currency, ${dec(inMinorUnitSql('p.cost', 'p.currency'))}, 'unallocated'
  FROM p WHERE NOT EXISTS (SELECT 1 FROM total t WHERE t.store = p.store AND t.marketplace = p.marketplace AND t.date = p.date AND t.sales <> 0)
)`;
};

import type { Database, SqlRow } from './database.ts';

/**
 * The ads workbench's reads (issue 21): one report level's rows summed over the period per ad type and attribution
 * window (never across them), each ad group's advertised SKUs, and the Budget report per campaign.
 */
export interface AdFactFilter {
  store: string;
  marketplace: string;
  from: string;
  to: string;
}

export interface AdFactRow {
  ad_type: string;
  attribution_days: number | null;
  currency: string | null;
  portfolio: string | null;
  campaign: string;
  ad_group: string | null;
  targeting: string | null;
  match_type: string | null;
  search_term: string | null;
  placement: string | null;
  advertised_sku: string | null;
  impressions: number | null;
  clicks: number;
  spend: string;
  sales: string;
  orders: number;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const count = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

function fact(r: SqlRow): AdFactRow {
  return {
    ad_type: String(r.ad_type), attribution_days: r.attribution_days === null ? null : Number(r.attribution_days), currency: text(r.currency),
    portfolio: text(r.portfolio), campaign: String(r.campaign), ad_group: text(r.ad_group), targeting: text(r.targeting), match_type: text(r.match_type),
    search_term: text(r.search_term), placement: text(r.placement), advertised_sku: text(r.advertised_sku),
    impressions: r.impressions === null ? null : Number(r.impressions), clicks: count(r.clicks),
    spend: text(r.spend) ?? '0', sales: text(r.sales) ?? '0', orders: count(r.orders),
  };
}

/** One level's rows (search_term, targeting, placement, advertised_product, campaign) within the period, summed over its days. */
export async function adLevelRows(db: Database, f: AdFactFilter, level: string): Promise<AdFactRow[]> {
  const rows = await db.all(
    `SELECT ad_type, attribution_days, any_value(currency) AS currency, portfolio, campaign, ad_group, targeting, match_type, search_term, placement, advertised_sku,
            sum(impressions) AS impressions, sum(clicks) AS clicks, CAST(sum(coalesce(spend, 0)) AS VARCHAR) AS spend,
            CAST(sum(coalesce(sales, 0)) AS VARCHAR) AS sales, sum(orders) AS orders
       FROM ads
      WHERE store = $1 AND marketplace = $2 AND level = $3 AND date_from >= CAST($4 AS DATE) AND date_to <= CAST($5 AS DATE) AND campaign IS NOT NULL
      GROUP BY ad_type, attribution_days, portfolio, campaign, ad_group, targeting, match_type, search_term, placement, advertised_sku
      ORDER BY ad_type, attribution_days, campaign, ad_group, targeting, search_term, placement, advertised_sku`,
    [f.store, f.marketplace, level, f.from, f.to],
  );
  return rows.map(fact);
}

/** The period the ads reports and the Budget report cover, per store and marketplace that has any. */
export async function adSpan(db: Database, store: string | null, marketplace: string | null): Promise<{ store: string; marketplace: string; from: string; to: string }[]> {
  const rows = await db.all(
    `SELECT store, marketplace, CAST(min(date_from) AS VARCHAR) AS "from", CAST(max(date_to) AS VARCHAR) AS "to"
       FROM (SELECT store, marketplace, date_from, date_to FROM ads UNION ALL SELECT store, marketplace, date_from, date_to FROM ad_budgets)
      WHERE (CAST($1 AS VARCHAR) IS NULL OR store = $1) AND (CAST($2 AS VARCHAR) IS NULL OR marketplace = $2) GROUP BY store, marketplace ORDER BY store, marketplace`,
    [store, marketplace],
  );
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), from: String(r.from), to: String(r.to) }));
}

export interface BudgetFact {
  portfolio: string | null;
  campaign: string;
  currency: string | null;
  attribution_days: number | null;
  budget: string | null;
  recommended_budget: string | null;
  avg_time_in_budget: number | null;
  spend: string | null;
  sales: string | null;
  missed_sales_min: string | null;
  missed_sales_max: string | null;
  days: number;
}

/** The Budget report per campaign: the latest budget and recommendation, time in budget weighted by days, sums of the rest. */
export async function budgetFacts(db: Database, f: AdFactFilter): Promise<BudgetFact[]> {
  const rows = await db.all(
    `SELECT any_value(portfolio) AS portfolio, campaign, any_value(currency) AS currency, any_value(attribution_days) AS attribution_days,
            CAST(arg_max(budget, date_to) AS VARCHAR) AS budget, CAST(arg_max(recommended_budget, date_to) AS VARCHAR) AS recommended_budget,
            sum(avg_time_in_budget * (date_to - date_from + 1)) FILTER (WHERE avg_time_in_budget IS NOT NULL)
              / sum(date_to - date_from + 1) FILTER (WHERE avg_time_in_budget IS NOT NULL) AS avg_time_in_budget,
            CAST(sum(spend) AS VARCHAR) AS spend, CAST(sum(sales) AS VARCHAR) AS sales,
            CAST(sum(missed_sales_min) AS VARCHAR) AS missed_sales_min, CAST(sum(missed_sales_max) AS VARCHAR) AS missed_sales_max,
            sum(date_to - date_from + 1) AS days
       FROM ad_budgets
      WHERE store = $1 AND marketplace = $2 AND date_from >= CAST($3 AS DATE) AND date_to <= CAST($4 AS DATE)
      GROUP BY campaign ORDER BY campaign`,
    [f.store, f.marketplace, f.from, f.to],
  );
  return rows.map((r) => ({
    portfolio: text(r.portfolio), campaign: String(r.campaign), currency: text(r.currency), attribution_days: r.attribution_days === null ? null : Number(r.attribution_days),
    budget: text(r.budget), recommended_budget: text(r.recommended_budget),
    avg_time_in_budget: r.avg_time_in_budget === null ? null : Math.round(Number(r.avg_time_in_budget) * 1e6) / 1e6,
    spend: text(r.spend), sales: text(r.sales), missed_sales_min: text(r.missed_sales_min), missed_sales_max: text(r.missed_sales_max), days: Number(r.days),
  }));
}

/** Target ACoS set per SKU, tier or for the store ('*'). */
export interface AdTarget {
  store: string;
  scope: 'sku' | 'tier' | 'store';
  key: string;
  target_acos: string;
  updated_at: string;
  updated_by: string | null;
}

export async function listAdTargets(db: Database, store: string | null): Promise<AdTarget[]> {
  const rows = await db.all(
    `SELECT store, scope, key, CAST(target_acos AS VARCHAR) AS target_acos, CAST(updated_at AS VARCHAR) AS updated_at, updated_by
       FROM ad_targets WHERE (CAST($1 AS VARCHAR) IS NULL OR store = $1) ORDER BY store, scope, key`,
    [store],
  );
  return rows.map((r) => ({
    store: String(r.store), scope: String(r.scope) as AdTarget['scope'], key: String(r.key),
    target_acos: String(r.target_acos).replace(/\.?0+$/, ''), updated_at: String(r.updated_at), updated_by: text(r.updated_by),
  }));
}

export async function setAdTarget(db: Database, t: { store: string; scope: AdTarget['scope']; key: string; target_acos: string; user: string | null }): Promise<void> {
  await db.run(
    `INSERT INTO ad_targets (store, scope, key, target_acos, updated_by) VALUES ($1, $2, $3, CAST($4 AS DECIMAL(9,6)), $5)
     ON CONFLICT (store, scope, key) DO UPDATE SET target_acos = excluded.target_acos, updated_at = CAST(now() AS TIMESTAMP), updated_by = excluded.updated_by`,
    [t.store, t.scope, t.key, t.target_acos, t.user],
  );
}

/** Each SKU's tier today (product assignments), for targets set per tier. */
export async function skuTiers(db: Database, store: string): Promise<Map<string, string>> {
  const rows = await db.all(
    `SELECT sku, arg_max(tier, effective_from) AS tier FROM product_assignments
      WHERE store = $1 AND effective_from <= current_date AND tier IS NOT NULL GROUP BY sku`,
    [store],
  );
  return new Map(rows.map((r) => [String(r.sku), String(r.tier)]));
}

import type { Database, SqlParam } from '../store/database.ts';
import { notCancelled } from './order-status.ts';

/**
 * Two facts event detection needs that the metric layer does not offer yet, read here directly.
 * Both belong in the catalog: a `promotion_orders` measure over order_items, and the date span an
 * ads source covers (so week-over-week compares whole weeks only).
 */
export interface FactScope {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
}

export interface PromotionDay {
  date: string;
  store: string;
  marketplace: string;
  asin: string;
  orders: number;
  promotionIds: string[];
}

/** Distinct orders per day and ASIN whose items carry a promotion id with an item discount
 * (a shipping-only promotion has none); cancelled orders excluded. */
export async function promotionOrders(db: Database, scope: FactScope): Promise<PromotionDay[]> {
  const { where, params } = filter(scope, 'order_date', 'asin', [
    notCancelled(), "coalesce(trim(promotion_ids), '') <> ''",
    'coalesce(item_promotion_discount, 0) <> 0', 'asin IS NOT NULL',
  ]);
  const rows = await db.all(
    `SELECT CAST(order_date AS VARCHAR) AS date, store, marketplace, asin, count(DISTINCT order_id) AS orders,
            string_agg(DISTINCT promotion_ids, ',') AS ids
     FROM order_items WHERE ${where} GROUP BY ALL`,
    params,
  );
  return rows.map((r) => ({
    date: String(r.date), store: String(r.store), marketplace: String(r.marketplace), asin: String(r.asin), orders: Number(r.orders),
    promotionIds: [...new Set(String(r.ids).split(',').map((s) => s.trim()).filter(Boolean))],
  }));
}

export interface AdsSpan {
  store: string;
  marketplace: string;
  first: string;
  last: string;
}

/** First and last day the ads reports cover, per store and marketplace. */
export async function adsSpans(db: Database, scope: FactScope): Promise<AdsSpan[]> {
  const { where, params } = filter({ ...scope, from: undefined, to: undefined, asin: undefined }, 'date_from', 'advertised_asin', []);
  const rows = await db.all(
    `SELECT store, marketplace, CAST(min(date_from) AS VARCHAR) AS first, CAST(max(date_to) AS VARCHAR) AS last
     FROM ads WHERE ${where} GROUP BY ALL`,
    params,
  );
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), first: String(r.first), last: String(r.last) }));
}

function filter(scope: FactScope, dateColumn: string, asinColumn: string, base: string[]): { where: string; params: SqlParam[] } {
  const where = [...base];
  const params: SqlParam[] = [];
  const add = (column: string, op: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} ${op} $${params.length}`);
  };
  add(dateColumn, '>=', scope.from);
  add(dateColumn, '<=', scope.to);
  add('store', '=', scope.store);
  add('marketplace', '=', scope.marketplace);
  add(asinColumn, '=', scope.asin);
  return { where: where.join(' AND ') || 'TRUE', params };
}

import type { Database, SqlParam } from './database.ts';

/**
 * Row-level records a review document lists beside the metrics: returns with their reasons, reviews
 * with their stars, and who owns which ASIN (product_assignments, effective-dated). The metric layer
 * answers sums; these answer "which ones".
 */
export interface RecordFilter {
  from: string;
  to: string;
  store?: string | undefined;
  marketplace?: string | undefined;
  /** only these ASINs (an owner's); undefined: all */
  asins?: readonly string[] | undefined;
}

export interface ReturnReason {
  marketplace: string;
  reason: string | null;
  units: number;
  returns: number;
}

export interface ReturnItem {
  date: string;
  marketplace: string;
  asin: string | null;
  sku: string | null;
  units: number;
  reason: string | null;
  disposition: string | null;
  comment: string | null;
}

export interface ReviewSummary {
  marketplace: string;
  reviews: number;
  /** exact sum of the stars, as text (DECIMAL): the average is taken from it */
  rating_sum: string;
  low_star: number;
}

export interface LowStarReview {
  date: string;
  marketplace: string;
  asin: string;
  rating: number;
  title: string | null;
  body: string | null;
}

/** Stars at or below this count as low (1 and 2 stars, as review tools count them). */
export const lowStarMax = 2;

function where(filter: RecordFilter, dateColumn: string): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [filter.from, filter.to];
  const parts = [`${dateColumn} BETWEEN $1::DATE AND $2::DATE`];
  if (filter.store) { params.push(filter.store); parts.push(`store = $${params.length}`); }
  if (filter.marketplace) { params.push(filter.marketplace); parts.push(`marketplace = $${params.length}`); }
  if (filter.asins) {
    if (filter.asins.length === 0) parts.push('FALSE');
    else parts.push(`asin IN (${filter.asins.map((a) => { params.push(a); return `$${params.length}`; }).join(', ')})`);
  }
  return { sql: parts.join(' AND '), params };
}

export async function returnReasons(db: Database, filter: RecordFilter): Promise<ReturnReason[]> {
  const w = where(filter, 'return_date');
  const rows = await db.all(
    `SELECT marketplace, reason, sum(coalesce(quantity, 0))::BIGINT AS units, count(*)::BIGINT AS returns FROM returns
     WHERE ${w.sql} GROUP BY marketplace, reason ORDER BY marketplace, units DESC, reason`, w.params);
  return rows.map((r) => ({ marketplace: String(r.marketplace), reason: (r.reason as string | null) ?? null, units: Number(r.units), returns: Number(r.returns) }));
}

export async function returnItems(db: Database, filter: RecordFilter, limit = 30): Promise<ReturnItem[]> {
  const w = where(filter, 'return_date');
  const rows = await db.all(
    `SELECT strftime(return_date, '%Y-%m-%d') AS date, marketplace, asin, sku, coalesce(quantity, 0)::BIGINT AS units, reason, disposition, customer_comment
     FROM returns WHERE ${w.sql} ORDER BY return_date DESC, marketplace, asin LIMIT ${Math.max(0, Math.floor(limit))}`, w.params);
  return rows.map((r) => ({
    date: String(r.date), marketplace: String(r.marketplace), asin: (r.asin as string | null) ?? null, sku: (r.sku as string | null) ?? null,
    units: Number(r.units), reason: (r.reason as string | null) ?? null, disposition: (r.disposition as string | null) ?? null,
    comment: (r.customer_comment as string | null) ?? null,
  }));
}

export async function reviewSummary(db: Database, filter: RecordFilter): Promise<ReviewSummary[]> {
  const w = where(filter, 'review_date');
  const rows = await db.all(
    `SELECT marketplace, count(rating)::BIGINT AS reviews, coalesce(sum(rating), 0)::DECIMAL(18,1) AS rating_sum,
       count(*) FILTER (WHERE rating <= ${lowStarMax})::BIGINT AS low_star
     FROM reviews WHERE ${w.sql} GROUP BY marketplace ORDER BY marketplace`, w.params);
  return rows.map((r) => ({ marketplace: String(r.marketplace), reviews: Number(r.reviews), rating_sum: String(r.rating_sum), low_star: Number(r.low_star) }));
}

export async function lowStarReviews(db: Database, filter: RecordFilter, limit = 20): Promise<LowStarReview[]> {
  const w = where(filter, 'review_date');
  const rows = await db.all(
    `SELECT strftime(review_date, '%Y-%m-%d') AS date, marketplace, asin, rating::DOUBLE AS rating, title, body FROM reviews
     WHERE ${w.sql} AND rating <= ${lowStarMax} ORDER BY review_date DESC, rating, asin LIMIT ${Math.max(0, Math.floor(limit))}`, w.params);
  return rows.map((r) => ({
    date: String(r.date), marketplace: String(r.marketplace), asin: String(r.asin), rating: Number(r.rating),
    title: (r.title as string | null) ?? null, body: (r.body as string | null) ?? null,
  }));
}

/** Every owner named in the products file, for the error that lists them. */
export async function listOwners(db: Database): Promise<string[]> {
  const rows = await db.all('SELECT DISTINCT owner FROM product_assignments WHERE owner IS NOT NULL ORDER BY owner');
  return rows.map((r) => String(r.owner));
}

/** The ASINs an owner held on `asOf` (the assignment in force that day, per store and SKU). */
export async function asinsOfOwner(db: Database, owner: string, asOf: string, store?: string): Promise<string[]> {
  const params: SqlParam[] = [owner, asOf];
  if (store) params.push(store);
  const rows = await db.all(
    `WITH current AS (
       SELECT store, sku, owner, row_number() OVER (PARTITION BY store, sku ORDER BY effective_from DESC) AS n
       FROM product_assignments WHERE effective_from <= $2::DATE${store ? ' AND store = $3' : ''})
     SELECT DISTINCT m.asin FROM current c JOIN sku_map m ON m.store = c.store AND m.sku = c.sku
     WHERE c.n = 1 AND c.owner = $1 AND m.asin IS NOT NULL ORDER BY m.asin`, params);
  return rows.map((r) => String(r.asin));
}

/** The last local day sales or traffic facts cover; `daily`: only facts by day (a Business Report
 * for a range says nothing about one day of it). The default period of a report ends here. */
export async function lastDataDay(db: Database, daily = false): Promise<string | null> {
  const byDay = daily ? ' WHERE date_from = date_to' : '';
  const rows = await db.all(
    `SELECT strftime(max(d), '%Y-%m-%d') AS day FROM (
       SELECT max(date_to) AS d FROM br_sales${byDay}
       UNION ALL SELECT max(date_to) FROM traffic${byDay}
       UNION ALL SELECT max(order_date) FROM order_items)`);
  return (rows[0]?.day as string | null | undefined) ?? null;
}

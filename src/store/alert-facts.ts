import type { Database } from './database.ts';

/**
 * Facts the alert detectors read outside the metric catalog: listings that went inactive between the
 * two latest All Listings reports on or before a day (Amazon's status "Inactive", as in its sample
 * output cited in ingest/listings-report/aliases.ts: a suppressed listing shows so), and the last day
 * each store and marketplace has Business Report or traffic data (a report that is late).
 */
export async function listingsTurnedInactive(db: Database, asOf: string): Promise<{ store: string; marketplace: string; sku: string; asin: string | null; day: string; previous: string }[]> {
  const rows = await db.all(
    `WITH days AS (
       SELECT store, marketplace, snapshot_date, dense_rank() OVER (PARTITION BY store, marketplace ORDER BY snapshot_date DESC) AS n
       FROM (SELECT DISTINCT store, marketplace, snapshot_date FROM listings WHERE snapshot_date <= $1::DATE)),
     latest AS (SELECT l.* FROM listings l JOIN days d USING (store, marketplace, snapshot_date) WHERE d.n = 1),
     before AS (SELECT l.* FROM listings l JOIN days d USING (store, marketplace, snapshot_date) WHERE d.n = 2)
     SELECT l.store, l.marketplace, l.sku, l.asin, strftime(l.snapshot_date, '%Y-%m-%d') AS day, strftime(b.snapshot_date, '%Y-%m-%d') AS previous
     FROM latest l JOIN before b ON b.store = l.store AND b.marketplace = l.marketplace AND b.sku = l.sku
     WHERE l.status = 'Inactive' AND b.status = 'Active'
     ORDER BY l.store, l.marketplace, l.sku`,
    [asOf],
  );
  return rows.map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), asin: r.asin === null ? null : String(r.asin), day: String(r.day), previous: String(r.previous),
  }));
}

export async function lastDataDays(db: Database): Promise<{ store: string; marketplace: string; last: string }[]> {
  const rows = await db.all(
    `SELECT store, marketplace, strftime(max(d), '%Y-%m-%d') AS last FROM (
       SELECT store, marketplace, date_to AS d FROM br_sales UNION ALL SELECT store, marketplace, date_to FROM traffic)
     GROUP BY store, marketplace ORDER BY store, marketplace`);
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), last: String(r.last) }));
}

/** Each store, marketplace, account-health metric and fulfilment channel's rate in its latest window ending by `asOf`. */
export async function accountHealthRates(db: Database, asOf: string, metrics: readonly string[]): Promise<{ store: string; marketplace: string; metric: string; fulfillment: string | null; rate: number; to: string }[]> {
  const rows = await db.all(
    `SELECT store, marketplace, metric, fulfillment, arg_max(rate, date_to)::DOUBLE AS rate, strftime(max(date_to), '%Y-%m-%d') AS "to"
     FROM account_health WHERE date_to <= $1::DATE AND rate IS NOT NULL AND list_contains(string_split($2, ','), metric)
     GROUP BY ALL ORDER BY store, marketplace, metric, fulfillment`,
    [asOf, metrics.join(',')],
  );
  return rows.map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), metric: String(r.metric), fulfillment: r.fulfillment === null ? null : String(r.fulfillment),
    rate: Number(r.rate), to: String(r.to),
  }));
}

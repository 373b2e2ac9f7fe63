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

/**
 * Stranded stock: SKUs with units available at Amazon in the latest inventory report on or before the day
 * (one report per store, marketplace and day: Manage FBA Inventory first, as the metric layer reads them)
 * whose listing is Inactive in the latest All Listings report on or before it. Amazon calls such stock
 * stranded: in a fulfilment centre without an active offer (it cannot sell and still pays storage).
 */
export async function strandedStock(db: Database, asOf: string): Promise<{
  store: string; marketplace: string; sku: string; asin: string | null; units: number; stockDay: string; listingDay: string; value: string | null; currency: string | null;
}[]> {
  const rows = await db.all(
    `WITH ranked AS (
       SELECT i.*, CASE source WHEN 'fba_manage_inventory' THEN 1 WHEN 'fba_inventory_planning' THEN 2 WHEN 'fba_afn_inventory' THEN 3
         WHEN 'fba_inventory_health' THEN 4 WHEN 'fba_restock' THEN 5 ELSE 9 END AS source_rank
       FROM inventory_snapshots i WHERE snapshot_date <= $1::DATE AND sku IS NOT NULL),
     latest AS (SELECT store, marketplace, max(snapshot_date) AS snapshot_date FROM ranked GROUP BY ALL),
     best AS (SELECT r.store, r.marketplace, r.snapshot_date, min(r.source_rank) AS source_rank FROM ranked r JOIN latest USING (store, marketplace, snapshot_date) GROUP BY ALL),
     stock AS (
       SELECT r.store, r.marketplace, r.snapshot_date, r.sku, min(r.asin) AS asin, sum(r.available) AS units, min(r.your_price) AS price, min(r.currency) AS currency
       FROM ranked r JOIN best USING (store, marketplace, snapshot_date, source_rank) GROUP BY ALL HAVING sum(r.available) > 0),
     listed AS (SELECT store, marketplace, max(snapshot_date) AS snapshot_date FROM listings WHERE snapshot_date <= $1::DATE GROUP BY ALL)
     SELECT s.store, s.marketplace, s.sku, coalesce(s.asin, l.asin) AS asin, s.units, strftime(s.snapshot_date, '%Y-%m-%d') AS stock_day,
       strftime(l.snapshot_date, '%Y-%m-%d') AS listing_day, CAST(s.units * s.price AS VARCHAR) AS value, s.currency
     FROM stock s
     JOIN listed d ON d.store = s.store AND d.marketplace = s.marketplace
     JOIN listings l ON l.store = s.store AND l.marketplace = s.marketplace AND l.snapshot_date = d.snapshot_date AND l.sku = s.sku
     WHERE l.status = 'Inactive'
     ORDER BY s.store, s.marketplace, s.sku`,
    [asOf],
  );
  return rows.map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), asin: r.asin === null ? null : String(r.asin), units: Number(r.units),
    stockDay: String(r.stock_day), listingDay: String(r.listing_day), value: r.value === null ? null : String(r.value), currency: r.currency === null ? null : String(r.currency),
  }));
}

/** Syncs whose last run of a report ended in an error (Amazon's FATAL among them): cleared by the next success. */
export async function failingSyncs(db: Database): Promise<{ store: string; marketplace: string; reportType: string; error: string; at: string | null }[]> {
  const rows = await db.all(
    `SELECT store, marketplace, report_type, last_error, strftime(last_error_at, '%Y-%m-%d %H:%M') AS at FROM sync_state
     WHERE last_error IS NOT NULL ORDER BY store, marketplace, report_type`);
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), reportType: String(r.report_type), error: String(r.last_error), at: r.at === null ? null : String(r.at) }));
}

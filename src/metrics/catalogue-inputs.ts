import type { Database, SqlParam } from '../store/database.ts';
import { notCancelled } from './order-status.ts';

/**
 * What catalogue health reads (issue 22) for a period: units and sales per SKU × marketplace (order items, not
 * cancelled; sales in the order's currency), the SKUs listed (the latest All Listings report, else any snapshot or
 * sale), and each order's distinct SKUs for market-basket pairs.
 */
export interface CatalogueScope {
  store?: string | undefined;
  marketplace?: string | undefined;
  from: string;
  to: string;
}

export interface SkuSales { store: string; marketplace: string; sku: string; units: number; sales: string; currency: string | null }

function where(scope: CatalogueScope, extra: string[]): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [scope.from, scope.to];
  const parts = ['order_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)', ...extra];
  if (scope.store !== undefined) { params.push(scope.store); parts.push(`store = $${params.length}`); }
  if (scope.marketplace !== undefined) { params.push(scope.marketplace); parts.push(`marketplace = $${params.length}`); }
  return { sql: parts.join(' AND '), params };
}

export async function skuSales(db: Database, scope: CatalogueScope): Promise<SkuSales[]> {
  const w = where(scope, [notCancelled(), 'sku IS NOT NULL']);
  const rows = await db.all(
    `SELECT store, marketplace, sku, sum(coalesce(quantity, 0)) AS units, CAST(sum(coalesce(item_price, 0)) AS VARCHAR) AS sales, any_value(currency) AS currency
     FROM order_items WHERE ${w.sql} GROUP BY store, marketplace, sku ORDER BY store, marketplace, sku`, w.params,
  );
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), units: Number(r.units), sales: String(r.sales), currency: r.currency === null ? null : String(r.currency) }));
}

/** Listed SKUs per store × marketplace: the last All Listings report on or before `to`; without one, every SKU with a snapshot or a sale. */
export async function listedSkus(db: Database, scope: CatalogueScope): Promise<{ store: string; marketplace: string; sku: string }[]> {
  // $3 and $4: the store and marketplace, NULL for every one
  const params: SqlParam[] = [scope.from, scope.to, scope.store ?? null, scope.marketplace ?? null];
  const filter = (alias: string) => `(CAST($3 AS VARCHAR) IS NULL OR ${alias}.store = $3) AND (CAST($4 AS VARCHAR) IS NULL OR ${alias}.marketplace = $4)`;
  const rows = await db.all(
    `WITH last AS (SELECT store, marketplace, max(snapshot_date) AS day FROM listings l WHERE snapshot_date <= CAST($2 AS DATE) AND ${filter('l')} GROUP BY store, marketplace)
     SELECT DISTINCT l.store, l.marketplace, l.sku FROM listings l JOIN last USING (store, marketplace) WHERE l.snapshot_date = last.day
       AND lower(coalesce(l.status, 'active')) <> 'inactive'
     UNION
     SELECT DISTINCT store, marketplace, sku FROM (
       SELECT store, marketplace, sku FROM inventory_snapshots i WHERE snapshot_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND sku IS NOT NULL AND ${filter('i')}
       UNION SELECT store, marketplace, sku FROM order_items o WHERE order_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND sku IS NOT NULL AND ${filter('o')}
     ) x WHERE NOT EXISTS (SELECT 1 FROM last WHERE last.store = x.store AND last.marketplace = x.marketplace)
     ORDER BY 1, 2, 3`, params,
  );
  return rows.map((r) => ({ store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku) }));
}

/** Each order's distinct SKUs (orders of one store and marketplace). */
export async function orderBaskets(db: Database, scope: CatalogueScope): Promise<string[][]> {
  const w = where(scope, [notCancelled(), 'sku IS NOT NULL']);
  const rows = await db.all(`SELECT list(DISTINCT sku ORDER BY sku) AS skus FROM order_items WHERE ${w.sql} GROUP BY store, order_id`, w.params);
  return rows.map((r) => (Array.isArray(r.skus) ? r.skus.map(String) : JSON.parse(String(r.skus)) as string[]));
}

import type { Database } from '../store/database.ts';
import { notCancelled } from './order-status.ts';
import { tableSizes } from '../store/table-sizes.ts';
import { todayIn } from '../domain/local-date.ts';

const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Per ASIN and marketplace: the first day it sold (Business Report or orders), the tier the seller
 * marked and the fee category of the products file (what category benchmark overrides match). */
export interface ProductFacts {
  firstSaleDate: string | null;
  markedTier: string | null;
  category: string | null;
}

/** What product facts are read from: they change only with these tables (and the day, for categories). */
const factTables = ['br_sales', 'order_items', 'sku_map', 'product_assignments', 'product_attributes'];
const remembered = new WeakMap<Database, { key: string; facts: Promise<Map<string, ProductFacts>> }>();

/** Product facts, read again only when their tables changed: a first sale needs every day of history
 * (a scan of all sales rows), and a funnel asks for them on every call. */
export async function productFacts(db: Database, store?: string): Promise<Map<string, ProductFacts>> {
  // (the day in the system's zone, as DuckDB's current_date reads it: a query for it queued behind every
  // funnel's answer on the one connection)
  const key = JSON.stringify([store ?? null, await tableSizes(db, factTables), todayIn(systemZone)]);
  const known = remembered.get(db);
  if (known?.key === key) return known.facts;
  const facts = readProductFacts(db, store);
  remembered.set(db, { key, facts });
  facts.catch(() => remembered.delete(db));
  return facts;
}

async function readProductFacts(db: Database, store?: string): Promise<Map<string, ProductFacts>> {
  const rows = await db.all(
    `WITH first_sale AS (
       SELECT store, marketplace, asin, min(day) AS first_sale FROM (
         SELECT store, marketplace, asin, date_from AS day FROM br_sales WHERE units > 0
         UNION ALL
         SELECT store, marketplace, asin, order_date FROM order_items WHERE quantity > 0 AND ${notCancelled()}
       ) s GROUP BY store, marketplace, asin
     ), marked AS (
       SELECT store, asin, tier FROM (
         SELECT m.store, m.asin, a.tier, row_number() OVER (PARTITION BY m.store, m.asin ORDER BY a.effective_from DESC) AS latest
         FROM product_assignments a JOIN sku_map m ON m.store = a.store AND m.sku = a.sku
         WHERE a.tier IS NOT NULL
       ) t WHERE latest = 1
     )
     SELECT f.marketplace, f.asin, CAST(min(f.first_sale) AS VARCHAR) AS first_sale, min(k.tier) AS tier, min(c.category) AS category
     FROM first_sale f LEFT JOIN marked k ON k.store = f.store AND k.asin = f.asin
     LEFT JOIN asin_categories c ON c.store = f.store AND c.asin = f.asin
     WHERE CAST($1 AS VARCHAR) IS NULL OR f.store = $1
     GROUP BY f.marketplace, f.asin`,
    [store ?? null],
  );
  return new Map(rows.map((r) => [productKey(String(r.marketplace), String(r.asin)), {
    firstSaleDate: r.first_sale === null ? null : String(r.first_sale),
    markedTier: r.tier === null ? null : String(r.tier),
    category: r.category === null ? null : String(r.category),
  }]));
}

export const productKey = (marketplace: string, asin: string): string => `${marketplace}|${asin}`;

import type { Database } from './database.ts';

/**
 * The (store, ASIN) pairs of a product line on a day: each SKU's latest product line effective on or
 * before that day (an assignment row that leaves the line empty does not end it), mapped to its ASIN.
 */
export async function asinsOfProductLine(db: Database, productLine: string, onDay: string): Promise<{ store: string; asin: string }[]> {
  const rows = await db.all(
    `SELECT DISTINCT m.store, m.asin
     FROM sku_map m
     JOIN (
       SELECT store, sku, product_line, row_number() OVER (PARTITION BY store, sku ORDER BY effective_from DESC) AS latest
       FROM product_assignments WHERE product_line IS NOT NULL AND effective_from <= $2::DATE
     ) a ON a.store = m.store AND a.sku = m.sku AND a.latest = 1
     WHERE m.asin IS NOT NULL AND lower(trim(a.product_line)) = lower(trim($1))
     ORDER BY m.store, m.asin`,
    [productLine, onDay],
  );
  return rows.map((r) => ({ store: String(r.store), asin: String(r.asin) }));
}

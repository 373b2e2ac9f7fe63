import type { Database } from './database.ts';

/**
 * One seller SKU with its assignment effective on a day: the owner, product line and marked tier
 * (product_assignments is effective-dated; the latest row on or before the day wins).
 * The SKUs are those of the products file (sku_map) and of the All Listings report (listings).
 * `name` and `image` are the products file's; where it gives none (or the SKU is not in it), the
 * latest listings report's title and image stand in: the seller's own file wins, Amazon's report fills gaps.
 */
export interface ProductRecord {
  store: string;
  sku: string;
  asin: string | null;
  parent_asin: string | null;
  product_code: string | null;
  name: string | null;
  image: string | null;
  owner: string | null;
  product_line: string | null;
  tier: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * Per store and SKU, the latest known ASIN, title and image over all marketplaces' listings reports
 * (each value on its own: a newer file without an image keeps the older image). Equal days are
 * broken by marketplace code so the answer does not depend on load order.
 */
const listed = `
  SELECT store, sku,
    arg_max(asin, strftime(snapshot_date, '%Y-%m-%d') || marketplace) FILTER (WHERE asin IS NOT NULL) AS asin,
    arg_max(item_name, strftime(snapshot_date, '%Y-%m-%d') || marketplace) FILTER (WHERE item_name IS NOT NULL) AS item_name,
    arg_max(image_url, strftime(snapshot_date, '%Y-%m-%d') || marketplace) FILTER (WHERE image_url IS NOT NULL) AS image_url
  FROM listings GROUP BY store, sku`;

export async function listProducts(db: Database, filter: { store?: string; asin?: string; onDay: string }): Promise<ProductRecord[]> {
  const rows = await db.all(
    `WITH listed AS (${listed}),
     skus AS (SELECT store, sku FROM sku_map UNION SELECT store, sku FROM listed),
     products AS (
       SELECT k.store, k.sku, coalesce(m.asin, l.asin) AS asin, m.parent_asin, m.product_code,
         coalesce(m.product_name, l.item_name) AS product_name, coalesce(m.image_url, l.image_url) AS image_url
       FROM skus k
       LEFT JOIN sku_map m ON m.store = k.store AND m.sku = k.sku
       LEFT JOIN listed l ON l.store = k.store AND l.sku = k.sku
     )
     SELECT p.*, a.owner, a.product_line, a.tier
     FROM products p
     LEFT JOIN (
       SELECT store, sku, owner, product_line, tier, row_number() OVER (PARTITION BY store, sku ORDER BY effective_from DESC) AS latest
       FROM product_assignments WHERE effective_from <= $1::DATE
     ) a ON a.store = p.store AND a.sku = p.sku AND a.latest = 1
     WHERE ($2::VARCHAR IS NULL OR p.store = $2) AND ($3::VARCHAR IS NULL OR upper(p.asin) = upper($3))
     ORDER BY p.store, p.asin NULLS LAST, p.sku`,
    [filter.onDay, filter.store ?? null, filter.asin ?? null],
  );
  return rows.map((r) => ({
    store: String(r.store), sku: String(r.sku), asin: text(r.asin), parent_asin: text(r.parent_asin), product_code: text(r.product_code),
    name: text(r.product_name), image: text(r.image_url), owner: text(r.owner), product_line: text(r.product_line), tier: text(r.tier),
  }));
}

import type { Database } from './database.ts';

/**
 * One seller SKU from the products file (sku_map) with its assignment effective on a day: the
 * owner, product line and marked tier (product_assignments is effective-dated; the latest row on
 * or before the day wins). `image` is the products file's image URL (no Amazon report carries one).
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

export async function listProducts(db: Database, filter: { store?: string; asin?: string; onDay: string }): Promise<ProductRecord[]> {
  const rows = await db.all(
    `SELECT m.store, m.sku, m.asin, m.parent_asin, m.product_code, m.product_name, m.image_url, a.owner, a.product_line, a.tier
     FROM sku_map m
     LEFT JOIN (
       SELECT store, sku, owner, product_line, tier, row_number() OVER (PARTITION BY store, sku ORDER BY effective_from DESC) AS latest
       FROM product_assignments WHERE effective_from <= $1::DATE
     ) a ON a.store = m.store AND a.sku = m.sku AND a.latest = 1
     WHERE ($2::VARCHAR IS NULL OR m.store = $2) AND ($3::VARCHAR IS NULL OR upper(m.asin) = upper($3))
     ORDER BY m.store, m.asin NULLS LAST, m.sku`,
    [filter.onDay, filter.store ?? null, filter.asin ?? null],
  );
  return rows.map((r) => ({
    store: String(r.store), sku: String(r.sku), asin: text(r.asin), parent_asin: text(r.parent_asin), product_code: text(r.product_code),
    name: text(r.product_name), image: text(r.image_url), owner: text(r.owner), product_line: text(r.product_line), tier: text(r.tier),
  }));
}

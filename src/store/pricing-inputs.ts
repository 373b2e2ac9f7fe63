import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Database } from './database.ts';
import { inMinorUnit } from '../domain/currencies.ts';

/**
 * What pricing reads from the database for one SKU: its cost as of a day, the dated FX rate, the
 * fee inputs (FBA fee preview, product attributes), the latest competitor price and the current
 * price. Each answer says where it came from.
 */
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

export interface FeePreview {
  price: string | null;
  referral_fee: string | null;
  fulfillment_fee: string | null;
  snapshot_date: string;
  currency: string | null;
}

export async function latestFeePreview(db: Database, store: string, marketplace: string, sku: string): Promise<FeePreview | null> {
  const [row] = await db.all(
    `SELECT CAST(price AS VARCHAR) AS price, CAST(referral_fee AS VARCHAR) AS referral_fee, CAST(fulfillment_fee AS VARCHAR) AS fulfillment_fee,
            CAST(snapshot_date AS VARCHAR) AS snapshot_date, currency
     FROM fee_estimates WHERE store = $1 AND marketplace = $2 AND sku = $3 ORDER BY snapshot_date DESC, import_id DESC LIMIT 1`,
    [store, marketplace, sku],
  );
  return row ? { price: s(row.price), referral_fee: s(row.referral_fee), fulfillment_fee: s(row.fulfillment_fee), snapshot_date: String(row.snapshot_date), currency: s(row.currency) } : null;
}

/** A product's size and weight as the products file writes them (units checked where the fee tables read them). */
export interface ProductSize {
  sides: [string, string, string];
  dimensionUnit: string;
  weight: string;
  weightUnit: string;
}

export interface ProductAttributes {
  category: string | null;
  size: ProductSize | null;
  competitorAsins: string[];
}

/** The category, size and weight in force on `date` (products file). */
export async function productAttributesOn(db: Database, store: string, sku: string, date: string): Promise<ProductAttributes> {
  const [row] = await db.all(
    `SELECT category, competitor_asins, CAST(length AS VARCHAR) AS length, CAST(width AS VARCHAR) AS width, CAST(height AS VARCHAR) AS height, dimension_unit,
            CAST(weight AS VARCHAR) AS weight, weight_unit
     FROM product_attributes WHERE store = $1 AND sku = $2 AND effective_from <= $3::DATE ORDER BY effective_from DESC LIMIT 1`,
    [store, sku, date],
  );
  if (!row) return { category: null, size: null, competitorAsins: [] };
  const complete = ['length', 'width', 'height', 'weight'].every((k) => row[k] !== null) && row.dimension_unit !== null && row.weight_unit !== null;
  return {
    category: s(row.category),
    competitorAsins: row.competitor_asins ? String(row.competitor_asins).split(';') : [],
    size: complete
      ? { sides: [String(row.length), String(row.width), String(row.height)], dimensionUnit: String(row.dimension_unit), weight: String(row.weight), weightUnit: String(row.weight_unit) }
      : null,
  };
}

/**
 * The lowest competitor price on the latest day, on or before `date`, recorded against the SKU's own
 * ASIN (competitor prices file) or one of its rival ASINs (a Keepa export), in the marketplace's currency.
 */
export async function latestCompetitorPrice(db: Database, q: { store: string; marketplace: string; asin: string | null; rivals: readonly string[]; currency: string; date: string }): Promise<{ price: string; date: string; competitor: string } | null> {
  const asins = [...(q.asin ? [q.asin] : []), ...q.rivals];
  if (asins.length === 0) return null;
  const [row] = await db.all(
    `SELECT CAST(price AS VARCHAR) AS price, CAST(date AS VARCHAR) AS date, CASE WHEN asin = $6 THEN competitor ELSE asin END AS competitor FROM competitor_prices
     WHERE store = $1 AND list_contains(string_split($2, ';'), asin) AND (marketplace IS NULL OR marketplace = $3) AND (currency IS NULL OR currency = $4) AND date <= $5::DATE
     ORDER BY date DESC, price ASC LIMIT 1`,
    [q.store, asins.join(';'), q.marketplace, q.currency, q.date, q.asin ?? ''],
  );
  return row ? { price: String(row.price), date: String(row.date), competitor: String(row.competitor) } : null;
}

/** The current price: the latest order item's unit price, else the fee preview's price. */
export async function currentPrice(db: Database, store: string, marketplace: string, sku: string, preview: FeePreview | null): Promise<{ price: string; source: string } | null> {
  const [row] = await db.all(
    `SELECT CAST(item_price / quantity AS VARCHAR) AS price, currency, CAST(order_date AS VARCHAR) AS date FROM order_items
     WHERE store = $1 AND marketplace = $2 AND sku = $3 AND quantity > 0 AND item_price > 0
     ORDER BY purchase_at DESC NULLS LAST, order_date DESC LIMIT 1`,
    [store, marketplace, sku],
  );
  if (row) return { price: (inMinorUnit(String(row.price), row.currency === null ? null : String(row.currency)) as Decimal).toString(), source: `order ${String(row.date)}` };
  if (preview?.price) return { price: preview.price, source: `fee preview ${preview.snapshot_date}` };
  return null;
}

/** The marketplace a SKU sells in when none is given: its cost row's, else its latest order's, else its fee preview's. */
export async function marketplaceOfSku(db: Database, store: string, sku: string): Promise<string | null> {
  const [row] = await db.all(
    `SELECT marketplace FROM (
       SELECT marketplace, 1 AS k FROM costs WHERE store = $1 AND sku = $2 AND marketplace IS NOT NULL
       UNION ALL SELECT marketplace, 2 FROM order_items WHERE store = $1 AND sku = $2
       UNION ALL SELECT marketplace, 3 FROM fee_estimates WHERE store = $1 AND sku = $2
     ) GROUP BY marketplace ORDER BY min(k), count(*) DESC LIMIT 1`,
    [store, sku],
  );
  return row ? String(row.marketplace) : null;
}

/** The SKU's ASIN (products file), or null. */
export async function asinOfSku(db: Database, store: string, sku: string): Promise<string | null> {
  const [row] = await db.all('SELECT asin FROM sku_map WHERE store = $1 AND sku = $2', [store, sku]);
  return row?.asin ? String(row.asin) : null;
}

/** The store of a SKU when none is given: the only store that maps or costs it, else `default`. */
export async function storeOfSku(db: Database, sku: string): Promise<string> {
  const rows = await db.all('SELECT DISTINCT store FROM (SELECT store FROM sku_map WHERE sku = $1 UNION SELECT store FROM costs WHERE sku = $1) ORDER BY store', [sku]);
  if (rows.length > 1) {
    const stores = rows.map((r) => String(r.store));
    throw new AsterismError('bad_request', say('price_sku_in_stores', { sku, stores: { en: stores.join(', '), zh: stores.join('、') } }));
  }
  return rows[0] ? String(rows[0].store) : 'default';
}

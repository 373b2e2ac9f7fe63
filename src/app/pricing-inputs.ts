import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Marketplace } from '../domain/marketplaces.ts';
import type { Parcel } from '../analysis/fee-tables/index.ts';
import type { Database } from '../store/database.ts';
import { inMinorUnit } from '../domain/currencies.ts';

/**
 * What pricing reads from the database for one SKU: its cost as of a day, the dated FX rate, the
 * fee inputs (FBA fee preview, product attributes), the latest competitor price and the current
 * price. Each answer says where it came from.
 */
export interface CostRow {
  sku: string;
  currency: string;
  unit_cost: string;
  freight_per_unit: string | null;
  duty_rate: string | null;
  effective_from: string;
  marketplace: string | null;
}

const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The cost in force on `date`: a row for this marketplace before one for all; the seller SKU before its product code; the latest. */
export async function costOn(db: Database, store: string, sku: string, marketplace: string, date: string): Promise<CostRow | null> {
  const [row] = await db.all(
    `SELECT c.sku, c.currency, CAST(c.unit_cost AS VARCHAR) AS unit_cost, CAST(c.freight_per_unit AS VARCHAR) AS freight_per_unit,
            CAST(c.duty_rate AS VARCHAR) AS duty_rate, CAST(c.effective_from AS VARCHAR) AS effective_from, c.marketplace
     FROM costs c LEFT JOIN sku_map m ON m.store = c.store AND m.sku = $2
     WHERE c.store = $1 AND (c.sku = $2 OR (m.product_code IS NOT NULL AND c.sku = m.product_code))
       AND (c.marketplace IS NULL OR c.marketplace = $3) AND c.effective_from <= $4::DATE
     ORDER BY (c.marketplace IS NULL), (c.sku <> $2), c.effective_from DESC LIMIT 1`,
    [store, sku, marketplace, date],
  );
  return row ? { sku: String(row.sku), currency: String(row.currency), unit_cost: String(row.unit_cost), freight_per_unit: s(row.freight_per_unit), duty_rate: s(row.duty_rate), effective_from: String(row.effective_from), marketplace: s(row.marketplace) } : null;
}

/** 1 `base` = rate `quote`, the latest rate dated on or before `date` (either direction of the table). */
export async function fxRateOn(db: Database, base: string, quote: string, date: string): Promise<{ rate: string; date: string | null }> {
  if (base === quote) return { rate: '1', date: null };
  const [row] = await db.all(
    `SELECT CAST(rate AS VARCHAR) AS rate, CAST(date AS VARCHAR) AS date FROM fx_pairs WHERE base = $1 AND quote = $2 AND date <= $3::DATE ORDER BY date DESC LIMIT 1`,
    [base, quote, date],
  );
  if (!row) {
    throw new AsterismError('not_found', say('price_no_fx_rate', { base, quote, date }));
  }
  return { rate: String(row.rate), date: String(row.date) };
}

export interface LandedCost {
  /** per unit, marketplace currency */
  landed: Decimal;
  /** the converted part (0 when the cost is in the marketplace currency) */
  fxExposed: Decimal;
  breakdown: Record<string, string | null>;
}

/** Unit cost + freight + duty (US: rate × unit cost; EU: rate × (unit cost + freight)), converted at the dated rate. */
export async function landedCost(db: Database, cost: CostRow, market: Marketplace, date: string): Promise<LandedCost> {
  const unit = new Decimal(cost.unit_cost);
  const freight = new Decimal(cost.freight_per_unit ?? 0);
  const dutyBase = market.region === 'EU' ? unit.add(freight) : unit;
  const duty = dutyBase.mul(cost.duty_rate ?? 0);
  const fx = await fxRateOn(db, cost.currency, market.currency, date);
  const landed = unit.add(freight).add(duty).mul(fx.rate);
  const money = (d: Decimal) => d.toDecimalPlaces(4).toString();
  return {
    landed, fxExposed: cost.currency === market.currency ? new Decimal(0) : landed,
    breakdown: {
      cost_currency: cost.currency, unit_cost: cost.unit_cost, freight_per_unit: cost.freight_per_unit, duty_rate: cost.duty_rate, duty: money(duty),
      cost_effective_from: cost.effective_from, fx_rate: fx.rate.replace(/\.?0+$/, ''), fx_date: fx.date, landed_cost: money(landed),
    },
  };
}

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

export interface ProductAttributes {
  category: string | null;
  parcel: Parcel | null;
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
  if (!row) return { category: null, parcel: null, competitorAsins: [] };
  const complete = ['length', 'width', 'height', 'weight'].every((k) => row[k] !== null) && row.dimension_unit !== null && row.weight_unit !== null;
  return {
    category: s(row.category),
    competitorAsins: row.competitor_asins ? String(row.competitor_asins).split(';') : [],
    parcel: complete
      ? { sides: [String(row.length), String(row.width), String(row.height)], dimensionUnit: row.dimension_unit as Parcel['dimensionUnit'], weight: String(row.weight), weightUnit: row.weight_unit as Parcel['weightUnit'] }
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

/** The store of a SKU when none is given: the only store that maps or costs it, else `default`. */
export async function storeOfSku(db: Database, sku: string): Promise<string> {
  const rows = await db.all('SELECT DISTINCT store FROM (SELECT store FROM sku_map WHERE sku = $1 UNION SELECT store FROM costs WHERE sku = $1) ORDER BY store', [sku]);
  if (rows.length > 1) {
    const stores = rows.map((r) => String(r.store));
    throw new AsterismError('bad_request', say('price_sku_in_stores', { sku, stores: { en: stores.join(', '), zh: stores.join('、') } }));
  }
  return rows[0] ? String(rows[0].store) : 'default';
}

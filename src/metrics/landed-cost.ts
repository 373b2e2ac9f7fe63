import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Database } from '../store/database.ts';
import { duckdb, type Dialect } from '../store/dialect.ts';

/**
 * Landed cost per unit, defined once: profit's COGS, freight and duties (`profit-facts.ts`) and pricing's
 * suggestion (`app/pricing.ts`) read these tables and expressions, so a suggestion and the profit of the
 * same SKU on the same day use the same cost.
 * - unit cost: the costs file's row in force on the day (the latest `effective_from`; on the same date a
 *   marketplace's own row before the all-marketplaces one, the seller SKU's own before its product code's);
 * - freight: the latest shipment's actual freight per unit, else the costs file's freight per unit;
 * - duty: rate × unit cost (US), rate × (unit cost + freight) (EU: customs value includes the carriage);
 * each converted into the sale's currency at the FX rate dated on or before the day.
 */

/** 1 unit of a currency in itself, beside the dated FX table (both directions) */
export const fxAll = `(SELECT date, base, quote, rate FROM fx_pairs UNION ALL
  SELECT DATE '1900-01-01', currency, currency, CAST(1 AS DECIMAL(18,10)) FROM (SELECT DISTINCT currency FROM marketplaces) cur)`;

/** seller SKU ← key: a cost or shipment row keyed by seller SKU, or by product code (all its SKUs) */
const skuKeys = `(SELECT store, sku, sku AS key FROM sku_map
  UNION SELECT store, sku, product_code FROM sku_map WHERE product_code IS NOT NULL
  UNION SELECT store, sku, sku FROM costs UNION SELECT store, sku, sku FROM shipments)`;

/** Effective-dated unit cost per (store, seller SKU, marketplace); a row without marketplace holds for all,
 * a marketplace's own row and a seller SKU's own row win over the general ones of the same date. */
const costsBySku = `(
  SELECT c.store, k.sku, mk.code AS mkt, c.effective_from, c.currency, c.unit_cost, c.freight_per_unit, c.duty_rate
  FROM costs c
  JOIN ${skuKeys} k ON k.store = c.store AND k.key = c.sku
  JOIN marketplaces mk ON c.marketplace IS NULL OR mk.code = c.marketplace
  QUALIFY row_number() OVER (PARTITION BY c.store, k.sku, mk.code, c.effective_from
                             ORDER BY (c.marketplace IS NULL), (k.sku = c.sku) DESC) = 1
)`;

/** Actual first-leg freight per unit from shipments: the shipment's cost split over its units by
 * volume, weight or units (each row's unit volume or weight × its units is its share), from its date. */
const shipmentFreight = `(
  SELECT a.store, k.sku, mk.code AS mkt, a.date, a.currency,
         CAST(sum(a.per_unit * a.units) / sum(a.units) AS DECIMAL(38,10)) AS freight_per_unit
  FROM (
    SELECT s.*, CAST(max(s.shipment_cost) OVER w * s.weight / nullif(sum(s.units * s.weight) OVER w, 0) AS DECIMAL(38,10)) AS per_unit
    FROM (SELECT s.*, CASE s.allocation WHEN 'volume' THEN s.unit_volume WHEN 'weight' THEN s.unit_weight ELSE 1 END AS weight
          FROM shipments s) s
    WINDOW w AS (PARTITION BY s.store, s.shipment_id)
  ) a
  JOIN ${skuKeys} k ON k.store = a.store AND k.key = a.sku
  JOIN marketplaces mk ON a.marketplace IS NULL OR mk.code = a.marketplace
  WHERE a.per_unit IS NOT NULL
  GROUP BY a.store, k.sku, mk.code, a.date, a.currency
)`;

/** The columns of a sale that landed cost is looked up for (SQL expressions over the caller's alias). */
export interface SaleColumns {
  store: string;
  sku: string;
  marketplace: string;
  date: string;
  currency: string;
}

/**
 * The joins that find a sale's cost row (`c`), its FX rate (`fxc`), the shipment freight (`sh`) and its
 * FX rate (`fxs`), and the marketplace (`mk`, for the duty rule). The expressions of `landedPerUnit` read them.
 */
export function landedCostJoins(d: Dialect, sale: SaleColumns): string {
  return `LEFT JOIN marketplaces mk ON mk.code = ${sale.marketplace}
  ${d.asofLeftJoin(costsBySku, 'c', [`c.store = ${sale.store}`, `c.sku = ${sale.sku}`, `c.mkt = ${sale.marketplace}`], sale.date, 'c.effective_from')}
  ${d.asofLeftJoin(fxAll, 'fxc', ['fxc.base = c.currency', `fxc.quote = ${sale.currency}`], sale.date, 'fxc.date')}
  ${d.asofLeftJoin(shipmentFreight, 'sh', [`sh.store = ${sale.store}`, `sh.sku = ${sale.sku}`, `sh.mkt = ${sale.marketplace}`], sale.date, 'sh.date')}
  ${d.asofLeftJoin(fxAll, 'fxs', ['fxs.base = sh.currency', `fxs.quote = ${sale.currency}`], sale.date, 'fxs.date')}`;
}

const freightUnit = 'coalesce(sh.freight_per_unit * fxs.rate, c.freight_per_unit * fxc.rate)';

/** Per unit, in the sale's currency, over the joins of `landedCostJoins`. */
export const landedPerUnit = {
  unitCost: 'c.unit_cost * fxc.rate',
  freight: freightUnit,
  duty: `c.duty_rate * (c.unit_cost * fxc.rate + CASE WHEN mk.region = 'EU' THEN coalesce(${freightUnit}, 0) ELSE 0 END)`,
} as const;

/** One SKU's landed cost on a day, in the marketplace's currency, with where each part came from. */
export interface LandedCostOn {
  /** the costs file's row: its currency, unit cost, freight and duty rate as written */
  cost: { currency: string; unitCost: string; freightPerUnit: string | null; dutyRate: string | null; effectiveFrom: string };
  /** cost currency → marketplace currency, the rate dated on or before the day (null date: same currency) */
  fx: { rate: string; date: string | null };
  /** the shipment whose actual freight is used, when one is dated on or before the day */
  shipment: { date: string; currency: string; freightPerUnit: string } | null;
  /** per unit, in the marketplace's currency (exact) */
  unitCost: string;
  freight: string;
  duty: string;
  landed: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The landed cost of one SKU sold on `date` in a marketplace (whose currency is `currency`): null when no
 * cost row is in force; a clear error when the cost's currency has no FX rate to the marketplace's yet.
 */
export async function landedCostOn(db: Database, q: { store: string; sku: string; marketplace: string; currency: string; date: string }): Promise<LandedCostOn | null> {
  const dec = (e: string) => `CAST(CAST(${e} AS DECIMAL(38,10)) AS VARCHAR)`;
  const [row] = await db.all(
    `SELECT c.currency AS cost_currency, CAST(c.unit_cost AS VARCHAR) AS unit_cost, CAST(c.freight_per_unit AS VARCHAR) AS freight_per_unit,
            CAST(c.duty_rate AS VARCHAR) AS duty_rate, CAST(c.effective_from AS VARCHAR) AS effective_from,
            CAST(fxc.rate AS VARCHAR) AS fx_rate, CAST(fxc.date AS VARCHAR) AS fx_date,
            CAST(sh.date AS VARCHAR) AS shipment_date, sh.currency AS shipment_currency, CAST(sh.freight_per_unit AS VARCHAR) AS shipment_freight,
            fxs.rate IS NOT NULL AS shipment_converted,
            ${dec(landedPerUnit.unitCost)} AS unit_landed, ${dec(`coalesce(${landedPerUnit.freight}, 0)`)} AS freight_landed,
            ${dec(`coalesce(${landedPerUnit.duty}, 0)`)} AS duty_landed,
            ${dec(`${landedPerUnit.unitCost} + coalesce(${landedPerUnit.freight}, 0) + coalesce(${landedPerUnit.duty}, 0)`)} AS landed
     FROM (SELECT $1 AS store, $2 AS sku, $3 AS marketplace, $4 AS currency, $5::DATE AS day) s
     ${landedCostJoins(duckdb, { store: 's.store', sku: 's.sku', marketplace: 's.marketplace', date: 's.day', currency: 's.currency' })}`,
    [q.store, q.sku, q.marketplace, q.currency, q.date],
  );
  if (!row || row.cost_currency === null) return null;
  if (row.fx_rate === null) throw new AsterismError('not_found', say('price_no_fx_rate', { base: String(row.cost_currency), quote: q.currency, date: q.date }));
  return {
    cost: { currency: String(row.cost_currency), unitCost: String(row.unit_cost), freightPerUnit: text(row.freight_per_unit), dutyRate: text(row.duty_rate), effectiveFrom: String(row.effective_from) },
    fx: { rate: String(row.fx_rate), date: row.cost_currency === q.currency ? null : text(row.fx_date) },
    shipment: row.shipment_date !== null && row.shipment_converted === true
      ? { date: String(row.shipment_date), currency: String(row.shipment_currency), freightPerUnit: String(row.shipment_freight) } : null,
    unitCost: String(row.unit_landed), freight: String(row.freight_landed), duty: String(row.duty_landed), landed: String(row.landed),
  };
}

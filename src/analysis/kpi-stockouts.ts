import { decTotal, dec, rowsPerAsin, type AnswerRow } from './kpi-totals.ts';

/**
 * Stock-out days in a KPI's period for the scope's SKUs, and the sales they likely cost (SPEC §5).
 * Estimate per ASIN: days out × the average daily units of the in-stock days × the average price,
 * which is sales × days out ÷ days in stock. Days without a snapshot count as in stock; an ASIN out
 * of stock the whole window has no in-stock days to estimate from (null).
 */
export interface AsinStockout {
  store: string;
  marketplace: string;
  asin: string;
  /** SKU-days with 0 available in the snapshots */
  days: number;
  in_stock_days: number;
  units: number | null;
  sales: number | null;
  lost_units: number | null;
  lost_sales: number | null;
}

export interface Stockouts {
  /** SKU-days out of stock over the scope; null without any inventory snapshot */
  days: number | null;
  /** the same in the compared period */
  days_before: number | null;
  /** ASINs with stock-out days */
  asins: AsinStockout[];
  lost_units: number | null;
  lost_sales: number | null;
  estimate: true;
}

function asinStockout(g: ReturnType<typeof rowsPerAsin>[number], windowDays: number, digits: number): AsinStockout | null {
  const days = decTotal('stockout_days', g.rows)?.toNumber() ?? null;
  if (days === null || days === 0) return null;
  const out = Math.min(days, windowDays);
  const inStock = windowDays - out;
  const [units, sales] = [decTotal('units', g.rows), decTotal('sales', g.rows)];
  const share = inStock > 0 ? dec(out).div(inStock) : null;
  return {
    store: g.store, marketplace: g.marketplace, asin: g.asin, days, in_stock_days: inStock,
    units: units?.toNumber() ?? null, sales: sales?.toDecimalPlaces(digits).toNumber() ?? null,
    lost_units: share && units ? units.mul(share).toDecimalPlaces(1).toNumber() : null,
    lost_sales: share && sales ? sales.mul(share).toDecimalPlaces(digits).toNumber() : null,
  };
}

export function stockoutsOf(now: readonly AnswerRow[], before: readonly AnswerRow[], windowDays: number, digits = 2): Stockouts {
  const asins = rowsPerAsin(now).map((g) => asinStockout(g, windowDays, digits)).filter((a): a is AsinStockout => a !== null);
  const sum = (key: 'lost_units' | 'lost_sales') => {
    const known = asins.map((a) => a[key]).filter((v): v is number => v !== null);
    return known.length ? known.reduce((s, v) => s.plus(String(v)), dec(0)).toNumber() : null;
  };
  const days = decTotal('stockout_days', now)?.toNumber() ?? null;
  // no stock-out at all is a known 0; stock-outs whose cost cannot be estimated stay null
  const lost = (key: 'lost_units' | 'lost_sales') => (days === 0 ? 0 : sum(key));
  return {
    days, days_before: decTotal('stockout_days', before)?.toNumber() ?? null,
    asins, lost_units: lost('lost_units'), lost_sales: lost('lost_sales'), estimate: true,
  };
}

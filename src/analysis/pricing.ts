import { Decimal } from 'decimal.js';

/**
 * Unit economics of one SKU in one marketplace, and the prices solved from them (SPEC §6 "Pricing").
 * The referral fee is a percentage of the price with a per-item minimum, and the FBA fee depends on
 * the price band, so profit is piecewise linear in the price: each piece is solved exactly in
 * decimals. EU prices include VAT: revenue is P ÷ (1 + VAT) while the referral fee is charged on P.
 * Pure functions: no SQL, no I/O.
 */
export interface FeeModel {
  /** fees per unit at listing price P (VAT included where the marketplace's prices include it); null: unknown there */
  at(price: Decimal): { referral: Decimal; fulfilment: Decimal } | null;
  /** prices where a fee changes its formula (tier edges, minimum crossings, FBA price bands) */
  breakpoints: readonly Decimal[];
}

export interface UnitEconomics {
  currency: string;
  /** the VAT included in consumer prices (0.19 in DE, 0 in the US) */
  vatRate: Decimal.Value;
  /** unit cost + first-leg freight + duty per unit, in the marketplace currency */
  landedCost: Decimal.Value;
  fees: FeeModel;
  /** minor-unit digits of the currency (2; JPY 0) */
  digits: number;
}

export interface UnitProfit {
  price: Decimal;
  revenue: Decimal;
  referral: Decimal;
  fulfilment: Decimal;
  landedCost: Decimal;
  profit: Decimal;
  /** profit ÷ revenue (ex VAT); null without revenue */
  margin: Decimal | null;
}

/** Profit of one unit sold at `price`; null where the fees are unknown at that price. */
export function profitAt(e: UnitEconomics, price: Decimal.Value): UnitProfit | null {
  const p = new Decimal(price);
  const fees = e.fees.at(p);
  if (!fees) return null;
  const revenue = p.div(new Decimal(1).add(e.vatRate));
  const landedCost = new Decimal(e.landedCost);
  const profit = revenue.sub(fees.referral).sub(fees.fulfilment).sub(landedCost);
  return { price: p, revenue, ...fees, landedCost, profit, margin: revenue.isZero() ? null : profit.div(revenue) };
}

/**
 * The lowest price from which on every price earns at least `margin` of revenue (ex VAT), rounded up
 * to the currency's minor unit; null when no price does (e.g. a margin at or above 1 − fee rate).
 * "From which on" matters where a fee steps up with the price (the FBA fee above $10 and $50): a
 * price that only just clears the margin below such a step would lose it above.
 */
export function priceForMargin(e: UnitEconomics, margin: Decimal.Value): Decimal | null {
  const m = new Decimal(margin);
  const onePlusVat = new Decimal(1).add(e.vatRate);
  const gap = (p: Decimal): Decimal | null => {
    const u = profitAt(e, p);
    return u ? u.profit.sub(m.mul(p).div(onePlusVat)) : null;
  };
  const unit = new Decimal(10).pow(-e.digits);
  const up = (p: Decimal) => p.div(unit).ceil().mul(unit);
  const above = (p: Decimal) => p.div(unit).floor().mul(unit).add(unit);
  const edges = [...new Set(e.fees.breakpoints.filter((b) => b.gt(0)).map((b) => b.toString()))].map((s) => new Decimal(s)).sort((a, b) => a.cmp(b));
  let hi: Decimal | null = null;
  for (let i = edges.length; i >= 0; i--) {
    const lo = i === 0 ? new Decimal(0) : (edges[i - 1] as Decimal);
    const line = lineOf(gap, lo, hi);
    if (!line) return hi === null ? null : up(hi);
    const atLo = line.slope.mul(lo).add(line.intercept);
    const atHi = hi === null ? null : line.slope.mul(hi).add(line.intercept);
    if (hi === null && (line.slope.lt(0) || (line.slope.isZero() && atLo.lt(0)))) return null;
    if (atHi !== null && atHi.lt(0)) return up(hi as Decimal);
    if (atLo.lt(0)) return up(atLo.neg().div(line.slope).add(lo));
    const atEdge = lo.gt(0) ? gap(lo) : new Decimal(0);
    if (atEdge === null || atEdge.lt(0)) return above(lo);
    hi = lo;
  }
  return unit;
}

/** The straight line `gap` follows strictly between lo and hi (hi null: up to infinity). */
function lineOf(gap: (p: Decimal) => Decimal | null, lo: Decimal, hi: Decimal | null): { slope: Decimal; intercept: Decimal } | null {
  const width = hi === null ? new Decimal(3) : hi.sub(lo);
  const x1 = lo.add(width.div(3));
  const x2 = lo.add(width.mul(2).div(3));
  const y1 = gap(x1);
  const y2 = gap(x2);
  if (y1 === null || y2 === null) return null;
  const slope = y2.sub(y1).div(x2.sub(x1));
  return { slope, intercept: y1.sub(slope.mul(x1)) };
}

export function breakEvenPrice(e: UnitEconomics): Decimal | null {
  return priceForMargin(e, 0);
}

import { Decimal } from 'decimal.js';
import { note, type Note } from './messages.ts';
import { round4 } from './ratio.ts';

/** Enough digits that the three parts add up to the total long before rounding to cents. */
const D = Decimal.clone({ precision: 40 });
type Dec = InstanceType<typeof D>;

export interface SalesFacts {
  /** counts; a decimal string where a plan scales them (a KPI target read at last period's conversion and price) */
  sessions: number | string | null;
  units: number | string | null;
  /** money, in one currency for both periods */
  sales: number | string | null;
}

export interface SalesFactors {
  sales: number | null;
  sessions: number | null;
  /** units ÷ sessions (unit session %) */
  conversion: number | null;
  /** sales ÷ units (average selling price) */
  price: number | null;
}

/**
 * sales = sessions × conversion × price, and the change in sales split into the part due to
 * traffic, to conversion and to price. Shapley: each factor's effect averaged over the six orders
 * in which the factors can change, so nothing is left over and the order chosen does not matter.
 * Rounded to the currency's minor unit, the three add up exactly to `total`.
 */
export interface SalesChange {
  method: 'shapley';
  total: number | null;
  traffic: number | null;
  conversion: number | null;
  price: number | null;
  before: SalesFactors;
  after: SalesFactors;
  problem: Note | null;
}

interface Factors { t: Dec; c: Dec | null; p: Dec | null }

/** null conversion (no sessions) or price (no units): that factor cannot be measured in this period. */
function factorsOf(f: { sessions: number | string; units: number | string; sales: Dec }): Factors | 'inconsistent' {
  const [sessions, units] = [new D(f.sessions), new D(f.units)];
  if (sessions.isZero() && !units.isZero()) return 'inconsistent';
  if (units.isZero() && !f.sales.isZero()) return 'inconsistent';
  return {
    t: sessions,
    c: sessions.isZero() ? null : units.div(sessions),
    p: units.isZero() ? null : f.sales.div(units),
  };
}

/** Shapley share of factor x for a product x·y·z: Δx · [(y0z0 + y1z1)/3 + (y0z1 + y1z0)/6]. */
function share(x0: Dec, x1: Dec, y0: Dec, y1: Dec, z0: Dec, z1: Dec): Dec {
  const ends = y0.mul(z0).plus(y1.mul(z1)).div(3);
  const middles = y0.mul(z1).plus(y1.mul(z0)).div(6);
  return x1.minus(x0).mul(ends.plus(middles));
}

/**
 * Round parts to minor units so they add up to the rounded total: each is floored, and the units
 * left over go to the parts with the largest remainders (largest-remainder method; ties in order).
 */
export function apportion(parts: readonly Dec[], total: Dec, digits: number): number[] {
  const scale = new D(10).pow(digits);
  const floors = parts.map((p) => p.mul(scale).floor());
  const target = total.toDecimalPlaces(digits).mul(scale);
  let left = target.minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  // remainders compared to 20 places, so parts equal but for the last of 40 digits tie (and go in order)
  const order = parts.map((p, i) => ({ i, rest: p.mul(scale).minus(floors[i] ?? 0).toDecimalPlaces(20) }))
    .sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  for (let k = 0; left !== 0 && order.length > 0; k++) {
    const at = order[k % order.length]?.i ?? 0;
    floors[at] = (floors[at] ?? new D(0)).plus(Math.sign(left));
    left -= Math.sign(left);
  }
  return floors.map((f) => f.div(scale).toNumber());
}

function describe(f: SalesFacts, x: Factors | 'inconsistent' | null, digits: number): SalesFactors {
  const ok = x !== null && x !== 'inconsistent';
  return {
    sales: f.sales === null ? null : new D(f.sales).toDecimalPlaces(digits).toNumber(),
    sessions: f.sessions === null ? null : new D(f.sessions).toDecimalPlaces(2).toNumber(),
    conversion: ok && x.c ? round4(x.c.toNumber()) : null,
    price: ok && x.p ? x.p.toDecimalPlaces(digits).toNumber() : null,
  };
}

const known = (f: SalesFacts): f is { sessions: number | string; units: number | string; sales: number | string } =>
  f.sessions !== null && f.units !== null && f.sales !== null;

/** Traffic × conversion × price contributions to the change in sales (`digits`: the currency's minor digits). */
export function decomposeSalesChange(before: SalesFacts, after: SalesFacts, digits = 2): SalesChange {
  const a = known(before) ? factorsOf({ ...before, sales: new D(before.sales) }) : null;
  const b = known(after) ? factorsOf({ ...after, sales: new D(after.sales) }) : null;
  const total = before.sales !== null && after.sales !== null ? new D(after.sales).minus(before.sales) : null;
  const base = { method: 'shapley' as const, total: total?.toDecimalPlaces(digits).toNumber() ?? null, before: describe(before, a, digits), after: describe(after, b, digits) };
  if (a === null || b === null || total === null) return { ...base, traffic: null, conversion: null, price: null, problem: note('sales_change_missing') };
  if (a === 'inconsistent' || b === 'inconsistent') return { ...base, traffic: null, conversion: null, price: null, problem: note('sales_change_inconsistent') };
  // a factor that cannot be measured in one period takes the other period's value: it changed nothing
  const zero = new D(0);
  const c0 = a.c ?? b.c ?? zero, c1 = b.c ?? a.c ?? zero;
  const p0 = a.p ?? b.p ?? zero, p1 = b.p ?? a.p ?? zero;
  const parts = [share(a.t, b.t, c0, c1, p0, p1), share(c0, c1, a.t, b.t, p0, p1), share(p0, p1, a.t, b.t, c0, c1)];
  const [traffic = null, conversion = null, price = null] = apportion(parts, total, digits);
  return { ...base, traffic, conversion, price, problem: null };
}

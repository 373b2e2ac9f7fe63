import { Decimal } from 'decimal.js';

/**
 * Each currency's minor unit: the ISO 4217 exponent ("Minor unit" column of ISO 4217 list one,
 * https://www.iso.org/iso-4217-currency-codes.html, published by its maintenance agency SIX as
 * https://www.six-group.com/dam/download/financial-information/data-center/iso-currrency/lists/list-one.xml;
 * a public copy: freeall/currency-codes data.js, `digits`). Only the currencies whose exponent is not 2 are
 * listed; every other code (USD, EUR, GBP, CNY …, and a code ISO does not know) has 2.
 *
 * Money is rounded to this exponent where it is stored or shown, never before summing: the sum of a period's
 * lines is exact, and only the answer, a written estimate or an allocated share is rounded.
 */
export const currencyExponents: Readonly<Record<string, 0 | 3 | 4>> = {
  // no minor unit
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  // a thousandth (fils, baisa, millime, dirham)
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // units of account
  CLF: 4, UYW: 4,
};

/** Digits after the point of an amount in this currency (ISO 4217 exponent; 2 when the table does not list it). */
export function currencyExponent(currency: string | null | undefined): number {
  return currency ? (currencyExponents[currency.trim().toUpperCase()] ?? 2) : 2;
}

/** The currencies of each exponent other than 2, for SQL that rounds per row's currency. */
export function currenciesWithExponent(exponent: number): string[] {
  return Object.entries(currencyExponents).filter(([, e]) => e === exponent).map(([c]) => c);
}

/** Exponents other than 2 that the table uses, in order. */
export const otherExponents: readonly number[] = [...new Set(Object.values(currencyExponents))].sort();

/**
 * An amount in its currency's minor unit, half away from zero (as DuckDB's `round` and Amazon's reports round:
 * 70.75 JPY → 71, −0.125 USD → −0.13). Null stays null: unknown is never 0.
 */
export function inMinorUnit(amount: Decimal.Value | null | undefined, currency: string | null | undefined): Decimal | null {
  if (amount === null || amount === undefined || amount === '') return null;
  return new Decimal(amount).toDecimalPlaces(currencyExponent(currency), Decimal.ROUND_HALF_UP);
}

/** An amount as an exact decimal string with exactly its currency's digits (`1,000 JPY` → "1000", KWD "1.250"). */
export function moneyText(amount: Decimal.Value | null | undefined, currency: string | null | undefined): string | null {
  return inMinorUnit(amount, currency)?.toFixed(currencyExponent(currency)) ?? null;
}

/** An amount as a JSON number exact to its currency's minor unit (the CLI contract: "money is a number exact to its
 * currency's minor unit"); every minor-unit amount below 2^53 minor units is exact as a double. */
export function moneyNumber(amount: Decimal.Value | null | undefined, currency: string | null | undefined): number | null {
  return inMinorUnit(amount, currency)?.toNumber() ?? null;
}

/**
 * A total split over weights in minor units, so the parts add up to the total exactly (largest remainder):
 * every part gets its exact share rounded down to the minor unit, and the units left over go one each to the
 * parts with the largest remainders, ties to the earlier part. 1,000 JPY over three equal weights is 334 + 333 + 333;
 * 10.00 USD is 3.34 + 3.33 + 3.33; 1.000 KWD is 0.334 + 0.333 + 0.333. The SQL allocations do the same
 * (src/metrics/allocation-sql.ts). Null when the weights sum to 0: there is nothing to split by.
 */
export function allocate(total: Decimal.Value, weights: readonly Decimal.Value[], currency: string): string[] | null {
  const digits = currencyExponent(currency);
  const scale = new Decimal(10).pow(digits);
  const sum = weights.reduce<Decimal>((s, w) => s.add(w), new Decimal(0));
  if (sum.isZero()) return null;
  const units = new Decimal(total).mul(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const exact = weights.map((w) => units.mul(w).div(sum));
  const floors = exact.map((x) => x.floor());
  let left = units.sub(floors.reduce((s, f) => s.add(f), new Decimal(0))).toNumber();
  const order = exact.map((x, i) => ({ i, rest: x.sub(floors[i] as Decimal) })).sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as Decimal).add(1);
    left -= 1;
  }
  return floors.map((f) => f.div(scale).toFixed(digits));
}

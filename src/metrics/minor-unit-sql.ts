import { currenciesWithExponent, otherExponents } from '../domain/currencies.ts';
import { lit } from './profit-rules.ts';

/** SQL of the ISO 4217 table (src/domain/currencies.ts): one branch per exponent other than 2, then 2. */
const perExponent = (currency: string, branch: (exponent: number) => string): string =>
  `CASE ${otherExponents.map((e) => `WHEN ${currency} IN (${currenciesWithExponent(e).map(lit).join(', ')}) THEN ${branch(e)}`).join(' ')} ELSE ${branch(2)} END`;

/** An amount rounded to the minor unit of its row's currency (DuckDB's `round`: half away from zero); `round`
 * spells the rounding, e.g. the dialect's round-to-double for an answer's number. */
export const inMinorUnitSql = (expr: string, currency: string, round = (e: string, digits: number) => `round(${e}, ${digits})`): string =>
  perExponent(currency, (digits) => round(expr, digits));

/** Minor units per major unit of the row's currency (JPY 1, USD 100, KWD 1000), an integer. */
export const minorUnitsPerMajorSql = (currency: string): string => perExponent(currency, (digits) => String(10 ** digits));

/** One minor unit of the row's currency as a decimal (JPY 1, USD 0.01, KWD 0.001), so a count of minor units
 * turns back into money by an exact multiplication (DuckDB divides decimals in DOUBLE). */
export const minorUnitSql = (currency: string): string => perExponent(currency, (digits) => (digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`));

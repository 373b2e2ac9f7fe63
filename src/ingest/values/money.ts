import type { Cell } from '../table.ts';
import { numberToDecimal, toPlainDecimal, type DecimalSeparator } from './decimal-text.ts';
import { given, isEmptyText, refused, type Parsed } from './parsed.ts';
import { halfWidth } from './half-width.ts';

export interface Money {
  /** exact decimal text, e.g. "5216.29", "-0.4966667" */
  amount: string;
  /** ISO code when the value names one unambiguously (`£`, `€`, `Rs.`, `USD`); `$` alone names none */
  currency: string | null;
}

/** Symbols as Amazon writes them; null where several currencies share the symbol. */
const symbols: Record<string, string | null> = {
  '$': null, 'US$': 'USD', 'CA$': 'CAD', 'C$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'MX$': 'MXN', 'S$': 'SGD', 'R$': 'BRL',
  '£': 'GBP', '€': 'EUR', '₹': 'INR', 'RS.': 'INR', 'RS': 'INR', '¥': 'JPY', '￥': 'JPY', 'ZŁ': 'PLN', 'KR': 'SEK',
  '₺': 'TRY', 'TL': 'TRY',
};
const isoCodes = new Set(['USD', 'CAD', 'MXN', 'BRL', 'GBP', 'EUR', 'SEK', 'PLN', 'TRY', 'AED', 'SAR', 'INR', 'JPY', 'AUD', 'SGD', 'CNY', 'EGP']);
/** Every currency marker the money reader knows, upper case: the large-file SQL (bulk-sql.ts) strips these same ones. */
export const currencyMarkers: readonly string[] = [...Object.keys(symbols), ...isoCodes];
/** written after the amount in locales whose decimal mark is a comma: `5.255,61 €` */
const commaLocaleSuffixes = new Set(['€', 'ZŁ', 'KR', 'TL']);

const shape = /^([-\u2212(]?)\s*([^\d\s.,()\-\u2212]*?)\s*([-\u2212]?\d[\d.,\s\u00a0\u202f']*?)\s*([^\d\s.,()]*)\s*(\)?)$/u;

/** `$1,234.56`, `£12,897.84`, `Rs.201.68`, `USD 58.89`, `5.255,61 €`, `-$3.00`, `($3.00)`, `$0.4966667`, `￥1,234`, `￥１，２３４`. */
export function parseMoney(cell: Cell, hint?: DecimalSeparator): Parsed<Money> {
  const expected = { en: 'an amount of money, e.g. $1,234.56 or 1.234,56 €', zh: '金额，例如 $1,234.56 或 1.234,56 €' };
  if (cell === null) return given(null);
  if (typeof cell === 'number') {
    const amount = numberToDecimal(cell);
    return amount === undefined ? refused(expected) : given({ amount, currency: null });
  }
  if (typeof cell !== 'string') return refused(expected);
  if (isEmptyText(cell)) return given(null);
  const m = shape.exec(halfWidth(cell).trim().replace(/^([-\u2212(]?)\s*Rs\.?\s*/i, '$1₹'));
  if (!m) return refused(expected);
  const [, sign = '', prefix = '', number = '', suffix = '', close = ''] = m;
  if ((sign === '(') !== (close === ')') || (prefix && suffix)) return refused(expected);
  const symbol = (prefix || suffix).toUpperCase();
  let currency: string | null = null;
  if (symbol) {
    if (symbol in symbols) currency = symbols[symbol] ?? null;
    else if (isoCodes.has(symbol)) currency = symbol;
    else return refused(expected);
  }
  const decimalHint = suffix && commaLocaleSuffixes.has(symbol) ? ',' : hint;
  const amount = toPlainDecimal(`${sign === '(' ? '(' : sign}${number}${close}`, decimalHint);
  return amount === undefined ? refused(expected) : given({ amount, currency });
}

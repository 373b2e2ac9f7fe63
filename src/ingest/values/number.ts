import { Decimal } from 'decimal.js';
import type { Cell } from '../table.ts';
import { numberToDecimal, toPlainDecimal, type DecimalSeparator } from './decimal-text.ts';
import { given, isEmptyText, refused, type Expected, type Parsed } from './parsed.ts';
import { halfWidth } from './half-width.ts';

/** Whole numbers: `1356`, `"1,356"`, `1.356` (de), `1 356` (fr). Any separator here is grouping. */
export function parseInteger(cell: Cell): Parsed<bigint> {
  const expected = { en: 'a whole number, e.g. 1,356', zh: '整数，例如 1,356' };
  if (cell === null) return given(null);
  if (typeof cell === 'number') return Number.isInteger(cell) ? given(BigInt(cell)) : refused(expected);
  if (typeof cell !== 'string') return refused(expected);
  if (isEmptyText(cell)) return given(null);
  const t = halfWidth(cell).trim().replace(/^\u2212/, '-');
  if (/^[-+]?\d+$/.test(t)) return given(BigInt(t));
  const m = /^([-+]?)(\d{1,3}(?:([,.\s\u00a0\u202f'])\d{3})(?:\3\d{3})*)$/.exec(t);
  return m ? given(BigInt(`${m[1]}${m[2]?.replace(/\D/g, '')}`)) : refused(expected);
}

/** A plain decimal (ratios, averages): exact text, never a float. */
export function parseDecimal(cell: Cell, hint?: DecimalSeparator): Parsed<string> {
  const expected = { en: 'a number, e.g. 1,234.56', zh: '数字，例如 1,234.56' };
  if (cell === null) return given(null);
  if (typeof cell === 'number') return orRefused(numberToDecimal(cell), expected);
  if (typeof cell !== 'string') return refused(expected);
  if (isEmptyText(cell)) return given(null);
  return orRefused(toPlainDecimal(halfWidth(cell), hint), expected);
}

/**
 * A percentage as a fraction: `12.34%` → 0.1234, `160.00%` → 1.6 (never clamped).
 * A bare number is read per field (FORMATS §0): XLSX percent cells are fractions already,
 * SP-API Sales and Traffic writes 0–100.
 */
export function parsePercent(cell: Cell, bare: 'fraction' | 'percent' = 'fraction', hint?: DecimalSeparator): Parsed<string> {
  const expected = { en: 'a percentage, e.g. 12.34%', zh: '百分比，例如 12.34%' };
  if (cell === null) return given(null);
  let text: string | undefined;
  let scaled = bare === 'percent';
  if (typeof cell === 'number') text = numberToDecimal(cell);
  else if (typeof cell === 'string') {
    if (isEmptyText(cell)) return given(null);
    const t = halfWidth(cell).trim();
    if (t.endsWith('%')) [text, scaled] = [toPlainDecimal(t.slice(0, -1), hint), true];
    else text = toPlainDecimal(t, hint);
  }
  if (text === undefined) return refused(expected);
  return given(scaled ? new Decimal(text).div(100).toFixed() : text);
}

function orRefused(value: string | undefined, expected: Expected): Parsed<string> {
  return value === undefined ? refused(expected) : given(value);
}

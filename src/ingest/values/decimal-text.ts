import { Decimal } from 'decimal.js';

export type DecimalSeparator = '.' | ',';

/**
 * `1,234.56`, `1.234,56`, `1 234,56`, `(12.50)`, `-0.4966667` → an exact decimal string, or undefined.
 * Without a hint a lone separator followed by exactly three digits is read as grouping (`1,356`),
 * otherwise as the decimal point (`368,14`). Grouping must come in threes, so `1,23.4` is refused.
 */
export function toPlainDecimal(text: string, hint?: DecimalSeparator): string | undefined {
  let t = text.replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) [negative, t] = [true, t.slice(1, -1)];
  if (/^[-\u2212]/.test(t)) [negative, t] = [!negative, t.slice(1)];
  else if (t.startsWith('+')) t = t.slice(1);
  if (!/^[\d.,]*\d[\d.,]*$/.test(t)) return undefined;
  const point = decimalSeparatorOf(t, hint);
  const grouping = point === '.' ? ',' : '.';
  const parts = t.split(point);
  if (parts.length > 2) return undefined;
  const fraction = parts[1] ?? '';
  let whole = parts[0] ?? '';
  if (whole.includes(grouping)) {
    if (!new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`).test(whole)) return undefined;
    whole = whole.split(grouping).join('');
  }
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return undefined;
  const value = new Decimal(`${negative ? '-' : ''}${whole || '0'}.${fraction || '0'}`);
  return value.isZero() ? '0' : value.toFixed();
}

function decimalSeparatorOf(t: string, hint?: DecimalSeparator): DecimalSeparator {
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  if (lastComma >= 0) {
    if (t.indexOf(',') !== lastComma) return '.';
    if (hint) return hint;
    return t.length - lastComma - 1 === 3 ? '.' : ',';
  }
  if (lastDot >= 0) {
    if (t.indexOf('.') !== lastDot) return ',';
    if (hint === ',' && t.length - lastDot - 1 === 3) return ',';
  }
  return '.';
}

/** A JS number from a spreadsheet cell as its shortest exact decimal text (no exponent). */
export function numberToDecimal(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return new Decimal(n).toFixed();
}

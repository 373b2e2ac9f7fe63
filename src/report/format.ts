import { currencyExponent as currencyDigits } from '../domain/currencies.ts';
import type { Cell } from './document.ts';
import type { Lang } from './report-data.ts';

/** How a cell reads in HTML and Markdown. Unknown is "—" in every format, never 0. */
export const unknownMark = '—';

const grouped = (v: number, digits: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const signed = (s: string, v: number) => (v > 0 ? `+${s}` : s);

export function formatCell(cell: Cell, lang: Lang): string {
  const v = cell.v;
  if (v === null) return unknownMark;
  if (typeof v === 'string') return v;
  switch (cell.f) {
    case 'text': return String(v);
    case 'int': return grouped(v, 0);
    case 'money': {
      const digits = cell.currency ? currencyDigits(cell.currency) : 2;
      return cell.currency ? `${cell.currency} ${grouped(v, digits)}` : grouped(v, digits);
    }
    case 'pct1': return `${grouped(v * 100, 1)}%`;
    case 'pct2': return `${grouped(v * 100, 2)}%`;
    case 'dec1': return grouped(v, 1);
    case 'dec2': return grouped(v, 2);
    case 'pct_change': return signed(`${grouped(v * 100, 1)}%`, v);
    case 'pt_change': return signed(`${grouped(v * 100, 2)}${lang === 'zh' ? '个百分点' : ' pt'}`, v);
    case 'num_change': return signed(grouped(v, 2), v);
  }
}

/** The XLSX number format of a cell: numbers stay numbers, the format says how they read. */
export function excelFormat(cell: Cell): string | null {
  switch (cell.f) {
    case 'int': return '#,##0';
    case 'money': {
      const digits = cell.currency ? currencyDigits(cell.currency) : 2;
      const base = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
      return cell.currency ? `${base} "${cell.currency}"` : base;
    }
    case 'pct1': case 'pct_change': return '0.0%';
    case 'pct2': return '0.00%';
    case 'pt_change': return '+0.00%;-0.00%;0.00%';
    case 'dec1': return '0.0';
    case 'dec2': case 'num_change': return '0.00';
    case 'text': return null;
  }
}

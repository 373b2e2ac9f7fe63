import { cellText, type Cell } from './table.ts';

/** One header cell: where it is, how it was written, and the key it is matched by. */
export interface HeaderColumn {
  index: number;
  /** trimmed original text, as error messages quote it */
  original: string;
  key: string;
  /** currency named in the header, e.g. `Spend(USD)`, `14 Day Total Sales (₹)` */
  currency: string | null;
}

/**
 * Canonical field → the header spellings seen in real files and code (en, de, fr, it, es, ja, zh).
 * Spellings are compared after normalizeHeader, so case, dash kind and full-width brackets do not matter.
 */
export type AliasTable = Readonly<Record<string, readonly string[]>>;

const headerCurrencies: Record<string, string> = {
  '$': '', 'usd': 'USD', 'us$': 'USD', '£': 'GBP', 'gbp': 'GBP', '€': 'EUR', 'eur': 'EUR', '₹': 'INR', 'inr': 'INR',
  'rs.': 'INR', '¥': 'JPY', 'jpy': 'JPY', 'cad': 'CAD', 'mxn': 'MXN', 'brl': 'BRL', 'aud': 'AUD', 'sgd': 'SGD',
  'aed': 'AED', 'sar': 'SAR', 'sek': 'SEK', 'pln': 'PLN', 'try': 'TRY',
};

/** trim, drop a BOM, fold dashes and full-width forms, collapse spaces, lower-case, strip `(currency)`. */
export function normalizeHeader(text: string): { key: string; currency: string | null } {
  let currency: string | null = null;
  const key = text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC') // full-width （子）→ (子), ＡＳＩＮ → ASIN
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s*\(([^()]{1,4})\)/g, (whole, inner: string) => {
      const code = headerCurrencies[inner.trim()];
      if (code === undefined) return whole;
      if (code) currency = code;
      return '';
    })
    .replace(/\s*-\s*/g, ' - ')
    .trim();
  return { key, currency };
}

export function readHeader(cells: readonly Cell[]): HeaderColumn[] {
  return cells.map((cell, index) => {
    const original = cellText(cell).replace(/^\uFEFF/, '').trim();
    return { index, original, ...normalizeHeader(original) };
  });
}

/** An alias table turned into a lookup by normalised key; a spelling claimed by two fields is a bug. */
export class AliasIndex {
  private readonly byKey = new Map<string, string>();

  constructor(readonly aliases: AliasTable) {
    for (const [field, spellings] of Object.entries(aliases)) {
      for (const spelling of spellings) {
        const { key } = normalizeHeader(spelling);
        const other = this.byKey.get(key);
        if (other && other !== field) throw new Error(`header "${spelling}" is an alias of both ${other} and ${field}`);
        this.byKey.set(key, field);
      }
    }
  }

  fieldOf(key: string): string | undefined {
    return this.byKey.get(key);
  }

  /** field → the first column spelled as one of its aliases */
  resolve(header: readonly HeaderColumn[]): Map<string, HeaderColumn> {
    const columns = new Map<string, HeaderColumn>();
    for (const column of header) {
      const field = this.byKey.get(column.key);
      if (field && !columns.has(field)) columns.set(field, column);
    }
    return columns;
  }

  /** the spellings to quote when a field is missing: the first (English) ones */
  expected(field: string): string {
    return (this.aliases[field] ?? []).slice(0, 3).map((s) => `"${s}"`).join(' or ');
  }
}

/** Text forms of values as Amazon writes them, and the CSV/TSV and encoding details of its files. */

/** Minor units per major unit: JPY has no decimals. */
export function minorDigits(currency: string): number {
  return currency === 'JPY' ? 0 : 2;
}

/** `1234.5` style plain decimal from integer minor units (`123450` → `1234.50`). */
export function plainMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function groupInt(n: number, separator: string): string {
  const s = String(Math.abs(Math.trunc(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return n < 0 ? `-${grouped}` : grouped;
}

export interface NumberLocale {
  group: string;
  decimal: string;
  /** Formats a money amount already written as grouped digits. */
  money(amount: string): string;
}

export const numberLocales = {
  en_USD: { group: ',', decimal: '.', money: (a: string) => `$${a}` },
  de_EUR: { group: '.', decimal: ',', money: (a: string) => `${a} €` },
  en_JPY: { group: ',', decimal: '.', money: (a: string) => `￥${a}` },
} satisfies Record<string, NumberLocale>;

/** `$1,234.56`, `1.234,56 €`, `￥1,234` from minor units. */
export function localMoney(minor: number, currency: string, locale: NumberLocale): string {
  const digits = minorDigits(currency);
  const abs = Math.abs(minor);
  const major = digits === 0 ? abs : Math.floor(abs / 100);
  let text = groupInt(major, locale.group);
  if (digits === 2) text += `${locale.decimal}${String(abs % 100).padStart(2, '0')}`;
  return (minor < 0 ? '-' : '') + locale.money(text);
}

/** `12.34%` from a fraction. */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A CSV field: quoted when needed (or always), quotes doubled; `null` is an unquoted empty field. */
export function csvField(value: string | null, quoteAll: boolean): string {
  if (value === null) return '';
  if (quoteAll || /[",\n\r]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function csvLine(values: readonly (string | null)[], quoteAll = false): string {
  return values.map((v) => csvField(v, quoteAll)).join(',');
}

/** TSV flat files are not quoted; tabs and line breaks cannot occur in their values. */
export function tsvLine(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\t\r\n]/g, ' ')).join('\t');
}

export const BOM = '\uFEFF';

const cp1252Extra: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Windows-1252, as the FBA inventory downloads are encoded; unmappable characters become `?`. */
export function encodeCp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    const extra = cp1252Extra[ch];
    if (extra !== undefined) out[n] = extra;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[n] = code;
    else out[n] = 0x3f;
    n += 1;
  }
  return out.subarray(0, n);
}

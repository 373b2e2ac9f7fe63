import type { CanonicalRow } from '../family.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';

/** A value the row cannot do without (its date, its key) is an error naming line and column. */
export function requireValue<T>(fields: FieldReader, row: RowFields, field: string, value: T | null): value is T {
  if (value !== null) return true;
  // a value that is there but did not parse has been reported already
  if (row.text(field) !== null) return false;
  fields.note(row.source, field, 'value_required');
  return false;
}

const truthy = new Set(['true', 'yes', 'y', '1', '是']);
const falsy = new Set(['false', 'no', 'n', '0', '否']);

/** `true`/`false`, `Y`/`N`, `TRUE`, `是`/`否`; empty is unknown (null), anything else a problem. */
export function readBoolean(fields: FieldReader, row: RowFields, field: string): boolean | null {
  const t = row.text(field)?.toLowerCase();
  if (t === undefined) return null;
  if (truthy.has(t)) return true;
  if (falsy.has(t)) return false;
  return fields.report(row.source, field, { ok: false, expected: 'true or false (Y/N)' });
}

const entities: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Seller-fulfilled returns write `&quot;` for `"` inside values. */
export function decodeEntities(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The days the rows cover, from one date column. */
export function periodOf(rows: readonly CanonicalRow[], column: string): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const row of rows) {
    const d = row[column];
    if (typeof d !== 'string') continue;
    if (from === null || d < from) from = d;
    if (to === null || d > to) to = d;
  }
  return from && to ? { from, to } : null;
}

import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { FieldReader, RowFields } from '../row-fields.ts';

/**
 * A review's identity across re-imports: the file's own id when it has one, else a hash of what
 * the review says, so the same review read twice is one review.
 */
export function reviewKey(id: string | null, asin: string, date: string, title: string | null, body: string | null): string {
  if (id) return id;
  const hash = createHash('sha256').update([asin, date, title ?? '', body ?? ''].join('\u0000')).digest('hex');
  return `h:${hash.slice(0, 32)}`;
}

/** `5`, `4.0`, `5.0 out of 5 stars`, `4星`: a rating from 1 to 5. */
export function readRating(fields: FieldReader, row: RowFields, field: string): string | null {
  const t = row.text(field);
  if (t === null) return null;
  const m = /^(\d(?:[.,]\d+)?)(?:\s*(?:out of 5(?: stars)?|stars?|星|颗星|\/\s*5))?$/i.exec(t);
  const value = m?.[1] ? new Decimal(m[1].replace(',', '.')) : null;
  if (value && value.gte(1) && value.lte(5)) return value.toFixed();
  return fields.report(row.source, field, { ok: false, expected: 'a rating from 1 to 5, e.g. 4 or 4.0 out of 5 stars' });
}

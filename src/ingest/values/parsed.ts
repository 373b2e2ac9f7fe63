import type { Texts } from '../../domain/messages.ts';

/** What a value should have looked like: in both languages (families' own checks may give English only). */
export type Expected = string | Texts;

/** A parsed cell: a value, null for "not given", or what was expected instead. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; expected: Expected };

export const given = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
export const refused = <T>(expected: Expected): Parsed<T> => ({ ok: false, expected });

/**
 * Amazon writes "not applicable / unknown" these ways in a number, money, percent or date cell; none of them
 * is zero. Lower case, compared after trimming; the large-file SQL (bulk-sql.ts) reads this same list.
 */
export const emptyTokens: readonly string[] = ['', '--', '-', '—', 'n/a', 'na', 'null'];
const emptySet = new Set(emptyTokens);

export function isEmptyText(text: string): boolean {
  return emptySet.has(text.trim().toLowerCase());
}

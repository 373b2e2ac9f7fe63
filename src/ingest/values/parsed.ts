/** A parsed cell: a value, null for "not given", or what was expected instead. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; expected: string };

export const given = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
export const refused = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

/** Amazon writes "not applicable / unknown" these ways; none of them is zero. */
const emptyTokens = new Set(['', '--', '-', '—', 'n/a', 'na', 'null']);

export function isEmptyText(text: string): boolean {
  return emptyTokens.has(text.trim().toLowerCase());
}

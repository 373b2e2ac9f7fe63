import type { SqlParam } from '../store/database.ts';

/**
 * A WHERE clause of `column = $n` for each pair whose column and value are both given, after the fixed `extra`
 * conditions; TRUE when none applies. Values always travel as parameters, never pasted into SQL.
 */
export function whereEqual(pairs: readonly (readonly [string | undefined, string | undefined])[], extra: readonly string[] = []): { sql: string; params: SqlParam[] } {
  const parts = [...extra];
  const params: SqlParam[] = [];
  for (const [column, value] of pairs) {
    if (!column || value === undefined) continue;
    params.push(value);
    parts.push(`${column} = $${params.length}`);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

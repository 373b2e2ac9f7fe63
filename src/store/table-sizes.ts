import type { Database } from './database.ts';
import { untilWrite } from './until-write.ts';

/** `undone`: imports undone so far; an undo can leave every count and the newest import as they were */
export interface TableSizes { counts: string[]; latestImport: number | null; undone: number }

/** Row counts of the given tables, with the newest import's id: a cheap fingerprint of what derived
 * data (the ASIN rollup, product facts) was computed from. Tables are named by code, never by input.
 * Counted again only when the database may have been written since (`dataVersion`).
 * (One UNION ALL: DuckDB answers it in a fifth of the time of the same counts as scalar subqueries.) */
export function tableSizes(db: Database, tables: readonly string[]): Promise<TableSizes> {
  return untilWrite(db, `table sizes: ${tables.join(',')}`, () => countRows(db, tables));
}

async function countRows(db: Database, tables: readonly string[]): Promise<TableSizes> {
  const rows = await db.all([...tables.map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${t}`), `SELECT ${tables.length} AS i, max(id) AS n FROM import_log`, `SELECT ${tables.length + 1} AS i, count(undone_at) AS n FROM import_log`].join(' UNION ALL '));
  const byIndex = new Map(rows.map((r) => [Number(r.i), r.n]));
  const latest = byIndex.get(tables.length);
  return { counts: tables.map((_, i) => String(byIndex.get(i) ?? 0)), latestImport: latest == null ? null : Number(latest), undone: Number(byIndex.get(tables.length + 1) ?? 0) };
}

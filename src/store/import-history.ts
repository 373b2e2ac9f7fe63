import type { Database, SqlParam } from './database.ts';

/**
 * The history of replaced rows: `removed_<table>` holds a table's columns plus `removed_by`, the import
 * that took the rows out (migration 010). Rows an import replaces are moved there, never deleted, so
 * undoing that import can put them back exactly.
 */
export const historyOf = (table: string): string => `removed_${table}`;
const historyPrefix = 'removed_';

/** Tables whose history was found complete, per open database (migrations run only on open). */
const complete = new WeakMap<Database, Set<string>>();

/** The history table of `table`, created (or given the columns added to the table since) when missing. */
async function ensureHistory(db: Database, table: string): Promise<void> {
  const known = complete.get(db) ?? new Set<string>();
  complete.set(db, known);
  if (known.has(table)) return;
  const columns = await db.all(
    `SELECT t.column_name, t.data_type, h.column_name AS kept
       FROM information_schema.columns t
       LEFT JOIN information_schema.columns h ON h.table_name = $2 AND h.table_schema = t.table_schema AND h.column_name = t.column_name
      WHERE t.table_name = $1 AND t.table_schema = current_schema() ORDER BY t.ordinal_position`,
    [table, historyOf(table)],
  );
  const [exists] = await db.all('SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()', [historyOf(table)]);
  if (Number(exists?.n) === 0) {
    await db.run(`CREATE TABLE ${historyOf(table)} AS SELECT *, CAST(NULL AS BIGINT) AS removed_by FROM ${table} LIMIT 0`);
    return;
  }
  const missing = columns.filter((c) => c.kept === null);
  for (const c of missing) await db.run(`ALTER TABLE ${historyOf(table)} ADD COLUMN ${String(c.column_name)} ${String(c.data_type)}`);
  // remembered only when nothing had to change: a change made in a transaction that rolls back is undone too
  if (missing.length === 0) known.add(table);
}

/** Moves the rows of `table` matching `where` into its history, marked as removed by import `removedBy` (null: by a
 * command such as `costs set`, which no undo puts back); returns how many. */
export async function moveToHistory(db: Database, table: string, where: string, params: SqlParam[], removedBy: string | null): Promise<number> {
  await ensureHistory(db, table);
  const by = `CAST(${removedBy === null ? 'NULL' : Number(removedBy)} AS BIGINT)`;
  await db.run(`INSERT INTO ${historyOf(table)} BY NAME SELECT *, ${by} AS removed_by FROM ${table} WHERE ${where}`, params);
  const deleted = await db.run(`DELETE FROM ${table} WHERE ${where}`, params);
  return deleted;
}

/** Every table that has a history table: the tables imports write. */
export async function tablesWithHistory(db: Database): Promise<string[]> {
  const rows = await db.all(
    `SELECT h.table_name FROM information_schema.tables h
       JOIN information_schema.tables t ON t.table_name = substr(h.table_name, ${historyPrefix.length + 1}) AND t.table_schema = h.table_schema
      WHERE h.table_name LIKE '${historyPrefix}%' AND h.table_schema = current_schema() ORDER BY h.table_name`,
  );
  return rows.map((r) => String(r.table_name).slice(historyPrefix.length));
}

/** Whether any row an import wrote has since been moved to history (replaced by a later import). */
export async function rowsWereRemoved(db: Database, importId: string): Promise<boolean> {
  const tables = await tablesWithHistory(db);
  if (tables.length === 0) return false;
  const [row] = await db.all(
    `SELECT ${tables.map((t) => `EXISTS (SELECT 1 FROM ${historyOf(t)} WHERE import_id = $1)`).join(' OR ')} AS removed`,
    [Number(importId)],
  );
  return row?.removed === true;
}

import type { Database } from './database.ts';

/** The first and last local day sales or traffic facts cover (the tables `lastDataDay` reads); null without any. */
export async function dataSpan(db: Database): Promise<{ first: string; last: string } | null> {
  const rows = await db.all(
    `SELECT strftime(min(a), '%Y-%m-%d') AS first, strftime(max(b), '%Y-%m-%d') AS last FROM (
       SELECT min(date_from) AS a, max(date_to) AS b FROM br_sales
       UNION ALL SELECT min(date_from), max(date_to) FROM traffic
       UNION ALL SELECT min(order_date), max(order_date) FROM order_items)`);
  const r = rows[0];
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}

/** A table and the columns that date its rows (a row covers `from`..`to`, inclusive). */
export interface DatedTable {
  table: string;
  from: string;
  to: string;
}

/**
 * The first and last local day the rows of these tables cover in the scope; null without any row.
 * Only dated tables Asterism writes are passed (the names are ours, never a user's).
 */
export async function spanOfTables(db: Database, tables: readonly DatedTable[], scope: { store?: string | undefined; marketplace?: string | undefined } = {}): Promise<{ first: string; last: string } | null> {
  if (tables.length === 0) return null;
  const params: (string | number)[] = [];
  const parts = tables.map((t) => {
    const where = ['true'];
    if (scope.store) { where.push('store = ?'); params.push(scope.store); }
    if (scope.marketplace) { where.push('marketplace = ?'); params.push(scope.marketplace.toUpperCase()); }
    return `SELECT min(${t.from}) AS a, max(${t.to}) AS b FROM ${t.table} WHERE ${where.join(' AND ')}`;
  });
  const rows = await db.all(`SELECT strftime(min(a), '%Y-%m-%d') AS first, strftime(max(b), '%Y-%m-%d') AS last FROM (${parts.join(' UNION ALL ')})`, params);
  const r = rows[0];
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}

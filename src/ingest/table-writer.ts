import type { DuckDBAppender } from '@duckdb/node-api';
import type { Database } from '../store/database.ts';
import type { CanonicalRow, CanonicalValue, TargetTable } from './family.ts';

interface ColumnInfo {
  name: string;
  type: string;
}

/** Rows appended between two turns of the event loop: a long append neither freezes the server nor hides its progress. */
const rowsPerTurn = 5000;

/** Bulk insert through DuckDB's Appender (row-by-row INSERT is ~500× slower; STACK.md). `onRows` hears how many are in so far. */
export async function appendRows(db: Database, table: string, rows: readonly CanonicalRow[], onRows?: (appended: number) => void): Promise<void> {
  if (rows.length === 0) return;
  const columns = await columnsOf(db, table);
  const known = new Set(columns.map((c) => c.name));
  for (const key of Object.keys(rows[0] ?? {})) {
    // a misspelt column would silently load as NULL: fail loudly instead (a family bug, not a user error)
    if (!known.has(key)) throw new Error(`${table} has no column ${key}`);
  }
  const appender = await db.connection.createAppender(table);
  try {
    for (const [i, row] of rows.entries()) {
      for (const column of columns) append(appender, column, row[column.name] ?? null);
      appender.endRow();
      if (onRows && (i + 1) % rowsPerTurn === 0) {
        onRows(i + 1);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    appender.flushSync();
    onRows?.(rows.length);
  } finally {
    appender.closeSync();
  }
}

function append(appender: DuckDBAppender, column: ColumnInfo, value: CanonicalValue): void {
  if (value === null) return appender.appendNull();
  if (column.type === 'BIGINT') return appender.appendBigInt(BigInt(value instanceof Date ? value.getTime() : value));
  if (column.type === 'INTEGER') return appender.appendInteger(Number(value));
  if (column.type === 'BOOLEAN') return appender.appendBoolean(Boolean(value));
  // DECIMAL, DATE, TIMESTAMPTZ and VARCHAR: DuckDB casts the exact text, so no float is involved
  return appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
}

async function columnsOf(db: Database, table: string): Promise<ColumnInfo[]> {
  const rows = await db.all(
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position',
    [table],
  );
  if (rows.length === 0) throw new Error(`no table ${table}`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
}

export interface ReplaceScope {
  store: string;
  marketplace: string;
  reportType: string;
  from: string;
  to: string;
  /** the new import, when its rows are already in: kept, and the same-key values read from them */
  importId?: string;
}

/**
 * Deletes rows that earlier imports of the same report, store and marketplace loaded for days the
 * new file covers. A range row that only partly overlaps goes too: the newer file wins, and
 * keeping it would count the overlapping days twice. Returns the rows deleted per table.
 */
export async function deleteOverlapping(
  db: Database, targets: readonly TargetTable[], scope: ReplaceScope, newRows: Readonly<Record<string, readonly CanonicalRow[]>> = {},
): Promise<number[]> {
  const deleted: number[] = [];
  for (const t of targets) {
    let sameKey = '';
    if (t.sameKey && scope.importId !== undefined) {
      sameKey = `AND ${t.sameKey} IN (SELECT DISTINCT ${t.sameKey} FROM ${t.table} WHERE import_id = ${Number(scope.importId)} AND ${t.sameKey} IS NOT NULL)`;
    } else if (t.sameKey) {
      await loadKeys(db, (newRows[t.table] ?? []).map((r) => r[t.sameKey ?? '']));
      sameKey = `AND ${t.sameKey} IN (SELECT key FROM replace_keys)`;
    }
    const own = scope.importId === undefined ? '' : `AND import_id <> ${Number(scope.importId)}`;
    const result = await db.connection.run(
      `DELETE FROM ${t.table} WHERE import_id IN (SELECT id FROM import_log WHERE store = $1 AND marketplace = $2 AND report_type = $3)
         AND store = $1 AND marketplace = $2 AND ${t.dateTo} >= $4::DATE AND ${t.dateFrom} <= $5::DATE ${sameKey} ${own}`,
      [scope.store, scope.marketplace, scope.reportType, scope.from, scope.to],
    );
    deleted.push(Number(result.rowsChanged));
  }
  return deleted;
}

/** The new file's keys in a temporary table: a file may name thousands (review ids). */
async function loadKeys(db: Database, keys: readonly (CanonicalValue | undefined)[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE replace_keys (key VARCHAR)');
  const appender = await db.connection.createAppender('replace_keys');
  try {
    for (const key of new Set(keys.map((k) => (k === null || k === undefined ? null : String(k))))) {
      if (key === null) continue;
      appender.appendVarchar(key);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

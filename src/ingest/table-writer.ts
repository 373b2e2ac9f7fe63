import type { DuckDBAppender } from '@duckdb/node-api';
import type { Database } from '../store/database.ts';
import type { CanonicalRow, CanonicalValue } from './family.ts';

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
  const appender = await db.appender(table);
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

/** Columns per table, per open database: its tables change only through migrations, which run on open
 * (asked once per append, the schema lookup cost more than appending a small file's rows: 1,080 demo files). */
const schemas = new WeakMap<Database, Map<string, Promise<ColumnInfo[]>>>();

function columnsOf(db: Database, table: string): Promise<ColumnInfo[]> {
  let tables = schemas.get(db);
  if (!tables) schemas.set(db, (tables = new Map()));
  const hit = tables.get(table);
  if (hit) return hit;
  const read = readColumns(db, table);
  tables.set(table, read);
  read.catch(() => tables.delete(table));
  return read;
}

async function readColumns(db: Database, table: string): Promise<ColumnInfo[]> {
  const rows = await db.all(
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position',
    [table],
  );
  if (rows.length === 0) throw new Error(`no table ${table}`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
}

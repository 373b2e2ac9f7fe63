import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsterismError } from '../domain/errors.ts';
import { both, say } from '../domain/messages.ts';
import { readAnswerColumns, type AnswerColumn } from './answer-columns.ts';
import { migrate } from './migrations.ts';

export type SqlParam = DuckDBValue;
export type SqlRow = Record<string, unknown>;

/** Statements that cannot change a table's rows (see `dataVersion`). */
const readOnly = /^\s*(SELECT|DESCRIBE|EXPLAIN|SET|RESET)\b/i;

/** The embedded database: one DuckDB file, migrated on open. Rows come back as JSON-safe values
 * (DECIMAL and BIGINT as strings, so nothing passes through a binary float on the way out). */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<Database> {
    const full = path === ':memory:' ? path : resolve(path);
    if (full !== ':memory:') mkdirSync(dirname(full), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(full);
    } catch (e) {
      throw openError(full, e);
    }
    const connection = await instance.connect();
    const db = new Database(full, instance, connection);
    await migrate(connection);
    return db;
  }

  /**
   * Goes up with every statement that may write (and around every transaction): what was derived from the
   * tables (table sizes, the rollup's freshness) is checked again only when it moved. Writes go through
   * this class (`run`, `all`, `transaction`; the importers' appenders write inside `transaction`), and a
   * database file is open in one process only, so nothing writes unseen. A read counted as a write only
   * costs one more check.
   */
  get dataVersion(): number {
    return this.version;
  }

  private version = 0;

  private noteStatement(sql: string): void {
    if (!readOnly.test(sql)) this.version++;
  }

  async all(sql: string, params: SqlParam[] = []): Promise<SqlRow[]> {
    this.noteStatement(sql);
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as SqlRow[];
    } finally {
      this.noteStatement(sql);
    }
  }

  /** Columns by name, read by row index: for answers whose numbers the SQL has already rounded into
   * doubles (see `readAnswerColumns`). Read by column, as converting row objects costs three times as much
   * on a wide answer. A read: it does not move `dataVersion`.
   * (On the one connection, like every statement: a second reading connection ran the funnel's two
   * questions side by side no faster on two cores, and would not see an import's open transaction,
   * which the rollup's freshness check, asked on this connection, does see.) */
  async columnValues(sql: string, params: SqlParam[] = []): Promise<{ rows: number; columns: Map<string, AnswerColumn> }> {
    return readAnswerColumns(await this.connection.run(sql, params));
  }

  async run(sql: string, params: SqlParam[] = []): Promise<void> {
    this.noteStatement(sql);
    try {
      await this.connection.run(sql, params);
    } finally {
      this.noteStatement(sql);
    }
  }

  /** One transaction: everything inside is written, or nothing is. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    this.version++;
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    } finally {
      this.version++;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function openError(path: string, e: unknown): AsterismError {
  const text = e instanceof Error ? e.message : String(e);
  const pid = /PID (\d+)/.exec(text)?.[1];
  if (/lock/i.test(text)) {
    return new AsterismError('database_locked', say('database_locked', { path, pid: pid ? ` (pid ${pid})` : '' }));
  }
  return new AsterismError('database_error', say('database_open_failed', { path, reason: both(text.split('\n')[0] ?? '') }));
}

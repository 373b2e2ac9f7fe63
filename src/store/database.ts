import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AsterismError } from '../domain/errors.ts';
import { both, say } from '../domain/messages.ts';
import { readAnswerColumns, type AnswerColumn } from './answer-columns.ts';
import { migrate } from './migrations.ts';
import { statementKind, type StatementKind } from './statement-kind.ts';
import { WriteQueue } from './write-queue.ts';

export type SqlParam = DuckDBValue;
export type SqlRow = Record<string, unknown>;

/** Reading connections: a long report does not hold up a quick question. */
const readerCount = 2;

/** A write's turn on the writing connection; closed when the turn ends, so work it left running
 * (a remembered promise) queues again instead of writing outside its turn. */
interface Turn { open: boolean }

/**
 * The embedded database: one DuckDB file, migrated on open. Rows come back as JSON-safe values
 * (DECIMAL and BIGINT as strings, so nothing passes through a binary float on the way out).
 *
 * One writer at a time: every write (`run`/`all` of a statement that is not a read, `transaction`, the
 * importers' `appender`) takes its turn on the one writing connection, after the writes asked before it,
 * in a transaction that is committed before it answers, or rolled back whole. Statements issued inside a
 * running turn join it (AsyncLocalStorage), so a write never waits for itself. Reads run on their own
 * connections and see the last committed state (DuckDB's MVCC), never half a write, and never wait for one.
 */
export class Database {
  private readonly queue = new WriteQueue();
  private readonly turn = new AsyncLocalStorage<Turn>();
  /** The connection of the read snapshot this code runs in, if any (`snapshot`). */
  private readonly snapshotConnection = new AsyncLocalStorage<DuckDBConnection>();
  private readonly readsRunning: number[];
  private version = 0;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: readonly DuckDBConnection[],
  ) {
    this.readsRunning = readers.map(() => 0);
  }

  static async open(path: string): Promise<Database> {
    const full = path === ':memory:' ? path : resolve(path);
    if (full !== ':memory:') mkdirSync(dirname(full), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(full);
    } catch (e) {
      throw openError(full, e);
    }
    const writer = await instance.connect();
    await migrate(writer);
    const readers = await Promise.all(Array.from({ length: readerCount }, () => instance.connect()));
    return new Database(full, instance, writer, readers);
  }

  /**
   * Goes up around every write turn and with every statement that may write: what was derived from the
   * tables (table sizes, the rollup's freshness) is checked again only when it moved. It moves after a
   * commit is visible to the readers, so what a reader derived under one value never hides a later write.
   * Every write goes through this class, and a database file is open in one process only.
   */
  get dataVersion(): number {
    return this.version;
  }

  /** True inside a write's turn: statements join it, on the writing connection (its own uncommitted rows). */
  get writing(): boolean {
    return this.writeTurn !== undefined;
  }

  /** The running write's turn this code is part of, if any: what it reads (its own uncommitted rows) is its own. */
  get writeTurn(): object | undefined {
    const turn = this.turn.getStore();
    return turn?.open ? turn : undefined;
  }

  /** True inside `snapshot`: reads see one committed state, whatever commits meanwhile. */
  get inSnapshot(): boolean {
    return !this.writing && this.snapshotConnection.getStore() !== undefined;
  }

  /**
   * Every read inside `work` sees the same committed state: one transaction on a connection of its own, so a
   * question that reads several tables one after the other (the rollup's freshness, then the rollup, then the
   * sources' coverage) never pairs what was there before a commit with what came after it. Writes inside
   * still take their turn on the writing connection; what they write is not seen by the snapshot's reads.
   */
  async snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.writing || this.snapshotConnection.getStore()) return work();
    const connection = await this.instance.connect();
    try {
      await connection.run('BEGIN TRANSACTION');
      return await this.snapshotConnection.run(connection, work);
    } finally {
      await connection.run('ROLLBACK').catch(() => undefined);
      connection.closeSync();
    }
  }

  /** How far the writing connection's current statement got (DuckDB's progress bar must be on: `SET enable_progress_bar`). */
  get writeProgress(): DuckDBConnection['progress'] {
    return this.writer.progress;
  }

  async all(sql: string, params: SqlParam[] = []): Promise<SqlRow[]> {
    const reader = await this.statement(sql, (c) => c.runAndReadAll(sql, params));
    return reader.getRowObjectsJson() as SqlRow[];
  }

  /** Columns by name, read by row index: for answers whose numbers the SQL has already rounded into
   * doubles (see `readAnswerColumns`). Read by column, as converting row objects costs three times as much
   * on a wide answer. */
  async columnValues(sql: string, params: SqlParam[] = []): Promise<{ rows: number; columns: Map<string, AnswerColumn> }> {
    return readAnswerColumns(await this.statement(sql, (c) => c.run(sql, params)));
  }

  /** Runs a statement; answers how many rows it changed. */
  async run(sql: string, params: SqlParam[] = []): Promise<number> {
    return (await this.statement(sql, (c) => c.run(sql, params))).rowsChanged;
  }

  /** One transaction, in its turn: everything inside is written and committed before it answers, or nothing is.
   * Inside a running write it joins that write. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.writing ? work() : this.queue.run(() => this.committed(work));
  }

  /** `transaction`, only if no write is running or waiting (undefined otherwise): for a write a reader may
   * skip (bringing derived data up to date) rather than wait seconds behind an import. */
  transactionIfIdle<T>(work: () => Promise<T>): Promise<T> | undefined {
    return this.writing ? work() : this.queue.runIfIdle(() => this.committed(work));
  }

  /** A bulk appender on the writing connection: only inside a write's turn (`transaction`), so its rows
   * are committed, or rolled back, with the rest of the write. */
  async appender(table: string): Promise<DuckDBAppender> {
    if (!this.writing) throw new Error(`an appender to ${table} outside a write transaction: append inside db.transaction`);
    return this.writer.createAppender(table);
  }

  /** Settles once every write asked so far has been committed or rolled back (before `close`). */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    for (const reader of this.readers) reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private statement<T>(sql: string, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const kind = statementKind(sql);
    if (kind === 'transaction') return Promise.reject(new Error(`${sql.trim().split(/\s/)[0]}: a transaction is opened and ended by db.transaction, in its turn`));
    if (kind === 'read') return this.writing ? work(this.writer) : this.read(work);
    if (this.writing) return this.onWriter(kind, work);
    // a write outside a transaction is one of its own; a setting only needs the writing connection to itself
    return kind === 'write' ? this.transaction(() => this.onWriter(kind, work)) : this.queue.run(() => this.inTurn(() => this.onWriter(kind, work)));
  }

  private async onWriter<T>(kind: StatementKind, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (kind === 'write') this.version++;
    try {
      return await work(this.writer);
    } finally {
      if (kind === 'write') this.version++;
    }
  }

  /** On the reading connection with the fewest statements running. */
  private async read<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const snapshot = this.snapshotConnection.getStore();
    if (snapshot) return work(snapshot);
    const i = this.readsRunning.indexOf(Math.min(...this.readsRunning));
    this.readsRunning[i] = (this.readsRunning[i] ?? 0) + 1;
    try {
      return await work(this.readers[i] as DuckDBConnection);
    } finally {
      this.readsRunning[i] = (this.readsRunning[i] ?? 1) - 1;
    }
  }

  private async committed<T>(work: () => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      this.version++;
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const result = await work();
        await this.writer.run('COMMIT');
        return result;
      } catch (e) {
        await this.rollback();
        throw e;
      } finally {
        this.version++;
      }
    });
  }

  /** After a failed COMMIT DuckDB has already ended the transaction, and ROLLBACK has nothing left to undo:
   * the write's own error is the one to answer. */
  private async rollback(): Promise<void> {
    await this.writer.run('ROLLBACK').catch(() => undefined);
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn: Turn = { open: true };
    try {
      return await this.turn.run(turn, work);
    } finally {
      turn.open = false;
    }
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

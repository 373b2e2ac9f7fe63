import type { Texts } from '../domain/messages.ts';
import type { Database } from './database.ts';

/**
 * Files whose import failed (the file wrote nothing), kept so that a failing import is an alert (issue 19),
 * not only a line on the screen of whoever imported it. A failure stands until a later import of the same
 * store (and the same report, when the failed file was recognised) succeeds.
 */
export interface ImportFailure {
  store: string;
  file: string;
  reportType: string | null;
  error: Texts;
  failedAt: string;
}

export async function recordImportFailures(db: Database, failures: readonly Omit<ImportFailure, 'failedAt'>[]): Promise<void> {
  for (const f of failures) {
    await db.run('INSERT INTO import_failures (store, file, report_type, error_en, error_zh) VALUES ($1, $2, $3, $4, $5)',
      [f.store, f.file, f.reportType, f.error.en, f.error.zh]);
  }
}

/** Failures since `since` (a wall-clock time `YYYY-MM-DD HH:MM:SS`, as the database's default timestamps are written) that no later successful import of their store (and report) has answered. */
export async function standingImportFailures(db: Database, since: string): Promise<ImportFailure[]> {
  const rows = await db.all(
    `SELECT f.store, f.file, f.report_type, f.error_en, f.error_zh, CAST(f.failed_at AS VARCHAR) AS failed_at FROM import_failures f
     WHERE f.failed_at >= CAST($1 AS TIMESTAMP)
       AND NOT EXISTS (SELECT 1 FROM import_log l WHERE l.store = f.store AND l.imported_at > f.failed_at AND (f.report_type IS NULL OR l.report_type = f.report_type))
     ORDER BY f.store, f.failed_at, f.file`,
    [since],
  );
  return rows.map((r) => ({
    store: String(r.store), file: String(r.file), reportType: r.report_type === null ? null : String(r.report_type),
    error: { en: String(r.error_en), zh: String(r.error_zh) }, failedAt: String(r.failed_at).slice(0, 16),
  }));
}

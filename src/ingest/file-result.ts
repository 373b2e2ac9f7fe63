import type { Problem } from '../domain/errors.ts';
import type { Conservation } from '../domain/money-conservation.ts';
import type { Database } from '../store/database.ts';
import { rowsWereRemoved } from '../store/import-history.ts';

/** Per-file result: the `asterism import --json` contract (cli.md "import"), plus all problems found. */
export interface FileResult {
  file: string;
  type: string | null;
  store: string;
  marketplace: string | null;
  rows: number;
  status: 'imported' | 'unchanged' | 'error';
  from: string | null;
  to: string | null;
  replaced: number;
  error: string | null;
  problems: Problem[];
  /** payments and settlement files: per currency, the file's total against the profit categories (issue 26) */
  conservation?: Record<string, Conservation>;
}

/** Problems listed per file: enough to fix a file, not a copy of it. */
const problemsShown = 20;

/**
 * The result of an earlier import of the same bytes into the same store, while the data it wrote is
 * still there: an import since undone, or whose rows a later import replaced, is applied again.
 */
export async function findEarlierImport(db: Database, store: string, hash: string): Promise<Partial<FileResult> | undefined> {
  const [row] = await db.all(
    `SELECT id, report_type, marketplace, rows, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, undone_at
       FROM import_log WHERE store = $1 AND file_hash = $2 ORDER BY id DESC LIMIT 1`,
    [store, hash],
  );
  if (!row || row.undone_at !== null || await rowsWereRemoved(db, String(row.id))) return undefined;
  return {
    type: String(row.report_type), marketplace: row.marketplace === null ? null : String(row.marketplace), rows: Number(row.rows),
    from: row.date_from === null ? null : String(row.date_from), to: row.date_to === null ? null : String(row.date_to),
  };
}

export function fail(result: FileResult, problems: Problem[]): FileResult {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0]?.message ?? 'the file could not be imported';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return { ...result, status: 'error', error: `${first}${more}`, problems: problems.slice(0, problemsShown) };
}

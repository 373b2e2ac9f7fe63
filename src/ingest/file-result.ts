import { problemIn, type Problem } from '../domain/errors.ts';
import { say, type Lang, type Texts } from '../domain/messages.ts';
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
  /** what went wrong, with line and column where there is one: in the chosen language (English by default) */
  error: string | null;
  /** the same in Chinese (added to the contract's fields, issue 14) */
  error_zh?: string | null;
  problems: Problem[];
  /** payments and settlement files: per currency, the file's total against the profit categories (issue 26) */
  conservation?: Record<string, Conservation>;
  /** a file naming several marketplaces (unified account), imported split: rows of the report per marketplace (issue 26);
   * `marketplace` is then null */
  marketplaces?: MarketplaceRows[];
  /** rows of channels that are not Amazon marketplaces, skipped, per channel as written (`Non-Amazon`: Multi-Channel Fulfilment) */
  skipped_channels?: Record<string, number>;
}

/** One marketplace of a split import: its currency and the rows of the report it got. */
export interface MarketplaceRows {
  marketplace: string;
  currency: string | null;
  rows: number;
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
  const split = await db.all('SELECT marketplace, currency, rows FROM import_marketplaces WHERE import_id = $1 ORDER BY marketplace', [Number(row.id)]);
  return {
    ...(split.length > 0 ? { marketplaces: split.map((m) => ({ marketplace: String(m.marketplace), currency: m.currency === null ? null : String(m.currency), rows: Number(m.rows) })) } : {}),
    type: String(row.report_type), marketplace: row.marketplace === null ? null : String(row.marketplace), rows: Number(row.rows),
    from: row.date_from === null ? null : String(row.date_from), to: row.date_to === null ? null : String(row.date_to),
  };
}

export function fail(result: FileResult, problems: Problem[]): FileResult {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  const firstTexts: Texts = first ? { en: first.message_en ?? first.message, zh: first.message_zh ?? first.message } : say('could_not_import');
  const error = errors.length > 2 ? say('more_problems', { first: firstTexts, count: errors.length - 1 }) : errors.length === 2 ? say('more_problem', { first: firstTexts }) : firstTexts;
  return { ...result, status: 'error', error: error.en, error_zh: error.zh, problems: problems.slice(0, problemsShown) };
}

/** A result as shown in a language: `error` and every problem's `message` in it (both texts stay beside). */
export function resultIn(result: FileResult, lang: Lang): FileResult {
  const error = lang === 'zh' && result.error_zh ? result.error_zh : result.error;
  return { ...result, error, problems: result.problems.map((p) => problemIn(p, lang)) };
}

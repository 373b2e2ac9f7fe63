import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AsterismError, problemOf, type Problem } from '../domain/errors.ts';
import { both, say, shownValue } from '../domain/messages.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import { settleLargeAdType } from './ad-type-check.ts';
import type { BulkPlan } from './bulk-plan.ts';
import { badValueMarker, cleanExpression, expectedOf, loadSelect, readCsvSql } from './bulk-sql.ts';
import { sniffDelimiter, parseDelimited } from './delimited-text.ts';
import type { ImportOptions, TableFamily } from './family.ts';
import { fail, findEarlierImport, type FileResult } from './file-result.ts';
import type { HeaderColumn } from './header.ts';
import { resolveMarketplace } from './marketplace-evidence.ts';
import { fileProblem } from './problems.ts';
import { findHeader } from './read-report.ts';
import { conservationOfImport, LargeRefused, unfilledLarge } from './large-checks.ts';
import { ReplaceRefused, replaceEarlier } from './replace-earlier.ts';
import { cellText, type SourceRow } from './table.ts';

/** Files above this size (about 50,000 report rows) stream through DuckDB's CSV reader when their family can (bounded memory). */
export const largeFileBytes = 8 * 1024 * 1024;
const prefixBytes = 256 * 1024;

/** How far the import of one file got: heard every 200 ms while DuckDB reads a large file, and per chunk and row batch otherwise. */
export interface ReadingProgress {
  file: string;
  /** the file's size */
  bytes: number;
  /** how much of the file has been read */
  bytesRead: number;
  /** rows written so far; null before any is known */
  rows: number | null;
  /** while DuckDB reads a large file it counts bytes, not rows: the rows are then worked out from the first rows' length */
  rowsEstimated: boolean;
}

export interface LargeFile {
  family: TableFamily;
  plan: BulkPlan;
  header: HeaderColumn[];
  columns: ReadonlyMap<string, HeaderColumn>;
  headerLine: number;
  delimiter: string;
  /** currencies named by the first rows (marketplace evidence) */
  currencies: string[];
  /** the first rows after the header, which the bulk plan was made from */
  sample: SourceRow[];
  /** the file ends inside a record: a download cut short */
  cutShort: boolean;
  /** average bytes per line of the first 256 KB, and the lines before the first row: the rows-read estimate */
  bytesPerLine: number;
  linesBeforeRows: number;
}

export async function isLarge(path: string): Promise<boolean> {
  return (await stat(path)).size > largeFileBytes;
}

/** Recognises a large UTF-8 CSV from its first lines; undefined when it must go through rows. */
export async function recogniseLarge(path: string): Promise<LargeFile | undefined> {
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    const buffer = new Uint8Array(prefixBytes);
    const { bytesRead } = await handle.read(buffer, 0, prefixBytes, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lastNewline = bytes.lastIndexOf(0x0a);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, lastNewline + 1));
  } catch {
    return undefined; // not UTF-8: DuckDB would need it re-encoded; rows path decodes it
  }
  const delimiter = sniffDelimiter(text);
  const rows = parseDelimited(text, delimiter);
  const found = findHeader(rows);
  if (!found?.family.bulk) return undefined;
  const columns = found.family.aliases.resolve(found.header);
  const sample = rows.slice(found.index + 1, found.index + 500);
  const plan = found.family.bulk(columns, sample);
  if (!plan) return undefined;
  const currencyColumn = columns.get('currency');
  const currencies = new Set<string>(found.header.map((h) => h.currency).filter((c): c is string => Boolean(c)));
  if (currencyColumn) sample.forEach((r) => { const c = cellText(r.cells[currencyColumn.index]).trim(); if (c) currencies.add(c.toUpperCase()); });
  const headerRow = rows[found.index];
  return {
    family: found.family, plan, header: found.header, columns, delimiter, currencies: [...currencies], sample,
    headerLine: headerRow?.line ?? 1, cutShort: await endsInsideRecord(path, delimiter, found.header.length),
    bytesPerLine: (lastNewline + 1) / Math.max(rows.length, 1), linesBeforeRows: found.index + 1,
  };
}

/** The last line of the file, when no line end follows it, has fewer cells than the header. */
async function endsInsideRecord(path: string, delimiter: string, columns: number): Promise<boolean> {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  try {
    const length = Math.min(size, 64 * 1024);
    const buffer = new Uint8Array(length);
    await handle.read(buffer, 0, length, size - length);
    const tail = new TextDecoder('utf-8').decode(buffer);
    if (/[\r\n]$/.test(tail)) return false;
    const lastLine = tail.slice(Math.max(tail.lastIndexOf('\n'), tail.lastIndexOf('\r')) + 1);
    const cells = parseDelimited(lastLine, delimiter)[0]?.cells.length ?? 0;
    return cells < columns;
  } finally {
    await handle.close();
  }
}

/** Imports a large CSV in one transaction through DuckDB's reader: rows in, period found, older overlapping rows out. */
export async function importLarge(
  db: Database, path: string, large: LargeFile, options: ImportOptions & { store: string }, onReading?: (p: ReadingProgress) => void,
): Promise<FileResult> {
  const name = basename(path);
  const size = (await stat(path)).size;
  const blank: FileResult = {
    file: path, type: large.family.type, store: options.store, marketplace: null, rows: 0, status: 'error', from: null, to: null, replaced: 0, error: null, problems: [],
  };
  if (large.cutShort) return fail(blank, [fileProblem('truncated_large', {}, { code: 'truncated', file: name })]);
  const hash = await hashFile(path);
  const earlier = await findEarlierImport(db, options.store, hash);
  if (earlier) return { ...blank, ...earlier, status: 'unchanged' };
  const marketplace = resolveMarketplace({ currencies: large.currencies }, options.marketplace);
  if ('error' in marketplace) return fail(blank, [problemOf(marketplace.error, { code: 'bad_marketplace', severity: 'error', file: name })]);
  const source = readCsvSql(resolve(path), large.header.length, large.headerLine, large.delimiter);
  // an ads report's ad type, decided as on the rows path (ad-type-check.ts); the campaigns read by DuckDB only when still open
  const campaignsOf = () => distinctCampaigns(db, source, large.columns);
  const settled = await settleLargeAdType(db, large, options.adType, { store: options.store, marketplace: marketplace.code, file: name }, campaignsOf);
  if (settled && 'code' in settled) return fail(blank, [settled]);
  const { plan, family } = settled ?? large;
  blank.type = family.type;
  const { select } = loadSelect(plan, large.columns);
  const currency = marketplaceByCode(marketplace.code)?.currency ?? null;
  const timer = onReading ? await watchProgress(db, path, size, large, onReading) : undefined;
  try {
    const result = await db.transaction(async () => {
      await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [options.store]);
      const [log] = await db.all(
        `INSERT INTO import_log (file, file_hash, report_type, store, marketplace, rows) VALUES ($1, $2, $3, $4, $5, 0) RETURNING id`,
        [name, hash, family.type, options.store, marketplace.code],
      );
      const importId = Number(log?.id);
      const columns = [...plan.columns.map((c) => c.column), 'store', 'marketplace', 'import_id'];
      const values = [...select, `${sqlText(options.store)} AS store`, `${sqlText(marketplace.code)} AS marketplace`, `${importId} AS import_id`];
      await db.run(`INSERT INTO ${plan.table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${source}`);
      return finish(db, plan, family, { importId, store: options.store, marketplace: marketplace.code, currency, replace: options.replace, file: name, columns: large.columns, headerLine: large.headerLine });
    });
    if ('problem' in result) return fail(blank, [problem(name, result.problem.code, result.problem.message)]);
    return { ...blank, ...result, marketplace: marketplace.code, status: 'imported' };
  } catch (e) {
    if (e instanceof ReplaceRefused) return fail({ ...blank, marketplace: marketplace.code }, [e.problem]);
    if (e instanceof LargeRefused) return fail({ ...blank, marketplace: marketplace.code }, e.problems);
    return fail(blank, [await explain(db, e, { path, name }, large, source)]);
  } finally {
    if (timer) {
      clearInterval(timer);
      await db.run('RESET enable_progress_bar');
    }
  }
}

/** The campaign names a console ads file holds, cleaned as its bulk plan cleans them. */
async function distinctCampaigns(db: Database, source: string, columns: ReadonlyMap<string, HeaderColumn>): Promise<string[]> {
  const column = columns.get('campaign');
  if (!column) return [];
  const { clean } = cleanExpression('unescaped', `c${column.index}`, []);
  const rows = await db.all(`SELECT DISTINCT ${clean} AS campaign FROM ${source} WHERE ${clean} IS NOT NULL`);
  return rows.map((r) => String(r.campaign));
}

/** DuckDB tracks a query's progress only with its progress bar on (off by default in the library), and then from the start. */
async function watchProgress(db: Database, path: string, size: number, large: LargeFile, onReading: (p: ReadingProgress) => void): Promise<NodeJS.Timeout> {
  await db.run('SET enable_progress_bar = true');
  await db.run('SET enable_progress_bar_print = false');
  await db.run('SET progress_bar_time = 0');
  let last = 0;
  return setInterval(() => {
    const p = db.writeProgress;
    if (p.percentage < 0) return;
    const bytesRead = Math.max(last, Math.round((size * Math.min(p.percentage, 100)) / 100));
    last = bytesRead;
    const rows = Math.max(0, Math.round(bytesRead / large.bytesPerLine) - large.linesBeforeRows);
    onReading({ file: path, bytes: size, bytesRead, rows, rowsEstimated: true });
  }, 200);
}

interface Loaded {
  importId: number;
  store: string;
  marketplace: string;
  currency: string | null;
  replace: boolean | undefined;
  file: string;
  columns: ReadonlyMap<string, HeaderColumn>;
  headerLine: number;
}

/** After the rows are in: one currency only, the period they cover, older overlapping rows to history, the log completed. */
async function finish(
  db: Database, plan: BulkPlan, family: TableFamily, loaded: Loaded,
): Promise<Pick<FileResult, 'rows' | 'from' | 'to' | 'replaced' | 'problems' | 'conservation'> | { problem: { code: string; message: string } }> {
  const [summary] = await db.all(
    `SELECT count(*) AS n, CAST(min(${plan.dateFrom}) AS VARCHAR) AS date_from, CAST(max(${plan.dateTo}) AS VARCHAR) AS date_to,
            count(DISTINCT currency) AS currencies, min(currency) AS currency
       FROM ${plan.table} WHERE import_id = $1`,
    [loaded.importId],
  );
  if (Number(summary?.currencies) > 1) throw new AsterismError('import_failed', say('mixed_currencies'));
  if (!summary?.date_from) throw new AsterismError('import_failed', say('no_dated_rows'));
  if (loaded.currency) await db.run(`UPDATE ${plan.table} SET currency = $1 WHERE import_id = $2 AND currency IS NULL`, [loaded.currency, loaded.importId]);
  // the streamed path's checks, over the loaded rows: always-filled columns, then money conservation (payments lines)
  const unfilled = await unfilledLarge(db, family, plan, loaded.columns, { importId: loaded.importId, file: loaded.file, line: loaded.headerLine });
  if (unfilled.some((p) => p.severity === 'error')) throw new LargeRefused(unfilled);
  const conservation = plan.table === 'transactions' ? await conservationOfImport(db, loaded.importId, loaded.currency) : undefined;
  const target = family.writes.find((t) => t.table === plan.table) ?? { table: plan.table, dateFrom: plan.dateFrom, dateTo: plan.dateTo };
  const scope = { importId: String(loaded.importId), store: loaded.store, marketplace: loaded.marketplace, reportType: family.type, from: String(summary.date_from), to: String(summary.date_to) };
  const [replaced = 0] = await replaceEarlier(db, [target], scope, { replace: loaded.replace, file: loaded.file });
  const rows = Number(summary.n);
  await db.run('UPDATE import_log SET date_from = $1::DATE, date_to = $2::DATE, rows = $3, replaced = $4 WHERE id = $5',
    [String(summary.date_from), String(summary.date_to), rows, replaced, loaded.importId]);
  return { rows, from: String(summary.date_from), to: String(summary.date_to), replaced, problems: unfilled, ...(conservation ? { conservation } : {}) };
}

/** Turns a failed load into a problem naming line, column, value and what was expected. */
async function explain(db: Database, e: unknown, { path, name: file }: { path: string; name: string }, large: LargeFile, source: string): Promise<Problem> {
  if (e instanceof AsterismError && e.texts) return problemOf(say('import_failed', { reason: e.texts }), { code: 'import_failed', severity: 'error', file });
  const text = e instanceof Error ? e.message : String(e);
  const marked = new RegExp(`${badValueMarker}\\|(\\d+)\\|(.*)`).exec(text);
  if (!marked && /CSV Error on Line|maximum line size/i.test(text)) {
    // DuckDB names the line of its own buffer, not the file's: find the line too long to be a report's
    const long = await firstLongLine(path, duckdbMaxLineBytes);
    if (long) return fileProblem('line_too_long', { line: long.line, length: long.length, value: shownValue(long.start) }, { file, line: long.line });
  }
  // the first line of DuckDB's message only: the next ones quote the file's content
  if (!marked) return fileProblem('import_failed', { reason: both(text.split('\n')[0] ?? '') }, { file });
  const index = Number(marked[1]);
  const value = (marked[2] ?? '').split('\n')[0];
  const { column, expected } = expectedOf(large.plan, large.columns, index);
  const check = loadSelect(large.plan, large.columns).checks.find((c) => c.index === index);
  let line: number | undefined;
  if (check) {
    const [row] = await db.all(`SELECT n FROM (SELECT row_number() OVER () AS n, * FROM ${source}) WHERE ${check.condition} LIMIT 1`);
    if (row) line = large.headerLine + Number(row.n);
  }
  return fileProblem('bad_value_bulk', { line: line ?? '?', column, value: shownValue(value ?? ''), expected: both(expected) }, { code: 'bad_value', file, ...(line ? { line } : {}), column });
}

/** DuckDB's read_csv refuses lines longer than this (its max_line_size default, 2 MiB). */
const duckdbMaxLineBytes = 2 * 1024 * 1024;

/** The first line of a file longer than `limit` bytes: its number, length and first characters (read as a stream). */
export async function firstLongLine(path: string, limit: number): Promise<{ line: number; length: number; start: string } | undefined> {
  let line = 1;
  let length = 0;
  let start: number[] = [];
  let found: { line: number; start: string } | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let from = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      const end = newline === -1 ? chunk.length : newline;
      if (start.length < 80) start.push(...chunk.subarray(from, Math.min(end, from + 80 - start.length)));
      length += end - from;
      if (!found && length > limit) found = { line, start: Buffer.from(start).toString('utf8') };
      if (newline === -1) break;
      if (found) return { ...found, length };
      line++;
      length = 0;
      start = [];
      from = newline + 1;
    }
  }
  return found ? { ...found, length } : undefined;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

function problem(file: string, code: string, message: string): Problem {
  return { code, message, file, severity: 'error' };
}

import { AsterismError } from '../domain/errors.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import type { Problem } from '../domain/errors.ts';
import { MergedOutput } from './batch-output.ts';
import type { CanonicalRow, FamilyOutput, ImportOptions, ReportFamily } from './family.ts';
import { resolveMarketplace } from './marketplace-evidence.ts';
import { openReport, readLimits } from './read-report.ts';
import { inspectSource, SourceError, type SourceInfo, type TextEncodingName } from './source-file.ts';
import { appendRows, deleteOverlapping } from './table-writer.ts';
import { EncodingRestart } from './text-chunks.ts';
import { fail, findEarlierImport, type FileResult } from './file-result.ts';
import { importLarge, isLarge, recogniseLarge, type ReadingProgress } from './import-large.ts';
import { isMasterDataFamily, type MasterDataFamily } from './master-data/family.ts';
import { writeMasterData } from './master-data/load-master-data.ts';

export type { FileResult } from './file-result.ts';

export interface ImportProgress {
  index: number;
  total: number;
  result: FileResult;
}

/**
 * Imports files one by one, each in its own transaction: a file that fails writes nothing and
 * the others still import. Bad options (an unknown marketplace, a malformed date) throw before
 * anything is read, since they would fail every file.
 */
export async function importFiles(
  db: Database, files: readonly string[], options: ImportOptions = {}, onProgress?: (progress: ImportProgress) => void,
  onReading?: (progress: ReadingProgress) => void,
): Promise<{ files: FileResult[] }> {
  const checked = checkOptions(options);
  const results: FileResult[] = [];
  const restore = await boundDatabaseMemory(db);
  try {
    for (const [index, file] of files.entries()) {
      const result = await importOne(db, file, checked, onReading);
      results.push(result);
      onProgress?.({ index, total: files.length, result });
    }
  } finally {
    await restore();
  }
  return { files: results };
}

/**
 * DuckDB keeps up to 80% of the machine's memory by default, and an import's appended rows stay in
 * its buffers until they must leave: a 200 MB All Orders file took the process from 703 to 844 MB.
 * While importing, its buffers are capped (it spills the rest to the database file), then restored.
 */
const importMemory = 256 * 1024 * 1024;

async function boundDatabaseMemory(db: Database): Promise<() => Promise<void>> {
  const [row] = await db.all("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'");
  const before = String(row?.value ?? '');
  const bytes = /^([\d.]+) (KiB|MiB|GiB|TiB)$/.exec(before);
  const scale: Record<string, number> = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };
  if (!bytes || Number(bytes[1]) * (scale[bytes[2] ?? ''] ?? 0) <= importMemory) return async () => {};
  await db.run(`SET memory_limit = '${importMemory / 2 ** 20}MiB'`);
  // Asterism sets no memory_limit elsewhere, so the default is what to go back to (its text form rounds)
  return async () => {
    await db.run('RESET memory_limit');
  };
}

/** Throws on options that would fail every file (what a caller answers before queueing an import). */
export function checkOptions(options: ImportOptions): ImportOptions & { store: string } {
  const store = options.store?.trim() || 'default';
  if (options.marketplace && !marketplaceByCode(options.marketplace)) {
    throw new AsterismError('bad_marketplace', `unknown marketplace "${options.marketplace}": use a code such as US, CA, UK, DE, JP`);
  }
  const from = options.from === undefined ? undefined : parseIsoDate(options.from, '--from');
  const to = options.to === undefined ? undefined : parseIsoDate(options.to, '--to');
  if ((from === undefined) !== (to === undefined)) throw new AsterismError('bad_date', '--from and --to go together: give both or neither');
  if (from && to && from > to) throw new AsterismError('bad_date', `--from ${from} is after --to ${to}`);
  if (options.date !== undefined) parseIsoDate(options.date, '--date');
  const marketplace = options.marketplace ? marketplaceByCode(options.marketplace)?.code : undefined;
  return { ...options, store, marketplace, from, to };
}

async function importOne(db: Database, file: string, options: ImportOptions & { store: string }, onReading?: (progress: ReadingProgress) => void): Promise<FileResult> {
  const blank: FileResult = {
    file, type: null, store: options.store, marketplace: null, rows: 0, status: 'error', from: null, to: null, replaced: 0, error: null, problems: [],
  };
  let source: SourceInfo;
  try {
    if (await isLarge(file)) {
      // a large CSV whose family can stream goes through DuckDB's reader; others stream through rows
      const large = await recogniseLarge(file);
      if (large) return await importLarge(db, file, large, options, onReading);
    }
    source = await inspectSource(file);
  } catch (e) {
    return fail(blank, [{ code: 'unreadable', severity: 'error', file, message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const earlier = await findEarlierImport(db, options.store, source.hash);
  if (earlier) return { ...blank, ...earlier, status: 'unchanged' };
  // strict UTF-8 (or Shift_JIS) can fail deep into a file, after rows were written: then again from the start
  let encoding: TextEncodingName | 'auto' = 'auto';
  for (;;) {
    try {
      return await importSource(db, source, options, blank, encoding, onReading);
    } catch (e) {
      if (!(e instanceof EncodingRestart)) throw e;
      encoding = e.next;
    }
  }
}

/** One read of the file: recognised from its first rows, then its batches written as they are read. */
async function importSource(
  db: Database, source: SourceInfo, options: ImportOptions & { store: string }, blank: FileResult, encoding: TextEncodingName | 'auto',
  onReading?: (progress: ReadingProgress) => void,
): Promise<FileResult> {
  const progress: ReadingProgress = { file: blank.file, bytes: source.size, bytesRead: 0, rows: null, rowsEstimated: false };
  const onBytes = onReading && ((bytesRead: number) => onReading({ ...progress, bytesRead: (progress.bytesRead = bytesRead) }));
  const context = { file: source.name, options };
  let result = blank;
  try {
    const opened = await openReport(source, context, { encoding, onBytes });
    result = { ...blank, type: opened.family?.type ?? null };
    if ('refused' in opened) return fail(result, opened.refused.problems);
    const { family, batches } = opened;
    if (isMasterDataFamily(family)) return await importMasterData(db, family, batches, source, options.store, result);
    const onRows = onReading && ((rows: number) => onReading({ ...progress, rows: (progress.rows = rows) }));
    const written = await write(db, family, batches, { source, options }, onRows);
    if ('failed' in written) return fail(result, written.problems);
    return { ...result, ...written, status: 'imported' };
  } catch (e) {
    if (e instanceof EncodingRestart) throw e;
    if (e instanceof SourceError) return fail(result, [{ code: e.code, severity: 'error', file: source.name, message: e.message }]);
    return fail(result, [{ code: 'import_failed', severity: 'error', file: source.name, message: `nothing was written: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}

/** Master data is upserted by key from the whole file (always small: refused above `masterDataBytes`). */
async function importMasterData(
  db: Database, family: MasterDataFamily, batches: AsyncIterable<FamilyOutput>, source: SourceInfo, store: string, result: FileResult,
): Promise<FileResult> {
  if (source.size > masterDataBytes) {
    return fail(result, [{ code: 'too_large', severity: 'error', file: source.name, message: `${family.name.en} files above ${masterDataBytes / 1024 / 1024} MB are not read: split it` }]);
  }
  const merged = new MergedOutput(true);
  for await (const batch of batches) merged.add(batch);
  const output = merged.output(source.name);
  if (merged.failed) return fail(result, output.problems);
  const replaced = await writeMasterData(db, family, output, source, store).catch((e: unknown) => e as Error);
  if (replaced instanceof Error) return fail(result, [{ code: 'import_failed', severity: 'error', file: source.name, message: `nothing was written: ${replaced.message}` }]);
  return { ...result, rows: output.rows, status: 'imported', from: output.period?.from ?? null, to: output.period?.to ?? null, replaced, problems: output.problems };
}

const masterDataBytes = 16 * 1024 * 1024;

interface WriteTarget {
  source: SourceInfo;
  options: ImportOptions & { store: string };
}

type Written = Pick<FileResult, 'marketplace' | 'rows' | 'from' | 'to' | 'replaced' | 'problems'> | { problems: Problem[]; failed: true };

/** A refusal found while writing: the transaction is rolled back, then the problems are answered. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

/**
 * One transaction: the log entry, each batch's rows appended as it is read (the marketplace from the
 * first batch's evidence), then — the period known — earlier overlapping rows out and the log completed.
 * A batch with an error stops the writing; the rest is still read for its problems, then all is rolled back.
 */
async function write(
  db: Database, family: ReportFamily, batches: AsyncIterable<FamilyOutput>, target: WriteTarget, onRows?: (rows: number) => void,
): Promise<Written> {
  const { source, options } = target;
  const merged = new MergedOutput();
  try {
    return await db.transaction(async () => {
      await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [options.store]);
      let log: ImportLog | undefined;
      let written = 0;
      // batches wait here until the rows so far tell the marketplace (bounded: then the file is refused as before)
      const waiting: FamilyOutput[] = [];
      for await (const batch of batches) {
        merged.add(batch);
        if (merged.failed) continue;
        waiting.push(batch);
        log ??= await startImport(db, family, source, options, merged, waiting.length * readLimits.batchRows >= marketplaceWaitRows);
        if (!log) continue;
        for (const waited of waiting.splice(0)) {
          for (const { table } of family.writes) {
            const rows = withTarget(waited.tables[table] ?? [], options.store, log);
            const before = written;
            await appendRows(db, table, rows, onRows && ((n) => onRows(before + n)));
            written += rows.length;
          }
        }
      }
      const output = merged.output(source.name);
      if (merged.failed) throw new Refused(output.problems);
      log ??= await startImport(db, family, source, options, merged, true);
      if (!log) throw new Refused(output.problems);
      for (const waited of waiting.splice(0)) {
        for (const { table } of family.writes) await appendRows(db, table, withTarget(waited.tables[table] ?? [], options.store, log));
      }
      const marketplace = resolveMarketplace(output.evidence, options.marketplace);
      if ('error' in marketplace) throw new Refused([{ code: 'bad_marketplace', severity: 'error', file: source.name, message: marketplace.error }]);
      if (marketplace.code !== log.marketplace) {
        throw new Refused([{ code: 'bad_marketplace', severity: 'error', file: source.name, message: `the file's first ${readLimits.batchRows} rows are for ${log.marketplace} but later rows name ${marketplace.code}: give --marketplace, or split the file per marketplace` }]);
      }
      if (!output.period) throw new Refused([{ code: 'no_period', severity: 'error', file: source.name, message: `${family.name.en}: the file gives no dates` }]);
      const { from, to } = output.period;
      const deleted = await deleteOverlapping(db, family.writes, { store: options.store, marketplace: log.marketplace, reportType: family.type, from, to, importId: log.importId });
      const replaced = deleted[0] ?? 0;
      await db.run('UPDATE import_log SET date_from = $1::DATE, date_to = $2::DATE, rows = $3, replaced = $4 WHERE id = $5', [from, to, output.rows, replaced, log.importId]);
      return { marketplace: log.marketplace, rows: output.rows, from, to, replaced, problems: output.problems };
    });
  } catch (e) {
    if (e instanceof Refused) return { problems: e.problems, failed: true };
    throw e;
  }
}

/** Rows of a file's batch as stored: the import's store, marketplace and id. */
function withTarget(rows: readonly CanonicalRow[], store: string, log: ImportLog): CanonicalRow[] {
  return rows.map((row) => ({
    ...row,
    // an amount whose value named no currency (`$`, plain numbers) is in the marketplace's currency
    ...('currency' in row ? { currency: row.currency ?? log.currency } : {}),
    store, marketplace: log.marketplace, import_id: log.importId,
  }));
}

/** Rows held while the file has not yet said which marketplace it is for. */
const marketplaceWaitRows = 100_000;

interface ImportLog {
  importId: string;
  marketplace: string;
  currency: string | null;
}

/**
 * The log entry, once the rows so far tell the marketplace (its dates and counts are filled in at
 * the end); undefined while they do not and `final` is false.
 */
async function startImport(
  db: Database, family: ReportFamily, source: SourceInfo, options: ImportOptions & { store: string }, merged: MergedOutput, final: boolean,
): Promise<ImportLog | undefined> {
  const marketplace = resolveMarketplace(merged.evidence, options.marketplace);
  if ('error' in marketplace && !final) return undefined;
  if ('error' in marketplace) throw new Refused([{ code: 'bad_marketplace', severity: 'error', file: source.name, message: marketplace.error }]);
  const [log] = await db.all(
    `INSERT INTO import_log (file, file_hash, report_type, store, marketplace, rows, replaced) VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id`,
    [source.name, source.hash, family.type, options.store, marketplace.code],
  );
  return { importId: String(log?.id), marketplace: marketplace.code, currency: marketplaceByCode(marketplace.code)?.currency ?? null };
}

import { stat } from 'node:fs/promises';
import { AsterismError, problemOf, type Problem } from '../domain/errors.ts';
import { both, say } from '../domain/messages.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { addConservation, conservationOf, type Conservation } from '../domain/money-conservation.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import { importStore } from '../store/import-store.ts';
import { keyedHash } from '../store/secrets.ts';
import { settleAdType } from './ad-type-check.ts';
import { MergedOutput } from './batch-output.ts';
import { adTypeOptions, type AdTypeOption, type CanonicalRow, type FamilyContext, type FamilyOutput, type ImportOptions, type ReportFamily } from './family.ts';
import { resolveMarketplace } from './marketplace-evidence.ts';
import { openReport, readLimits, type OpenedReport } from './read-report.ts';
import { inspectSource, SourceError, type SourceInfo, type TextEncodingName } from './source-file.ts';
import { appendRows } from './table-writer.ts';
import { replaceEarlier } from './replace-earlier.ts';
import { inWriteTransaction, Refused, withCurrency } from './write-transaction.ts';
import { EncodingRestart } from './text-chunks.ts';
import { fail, findEarlierImport, type FileResult } from './file-result.ts';
import { importLarge, isLarge, recogniseLarge, type ReadingProgress } from './import-large.ts';
import { isMasterDataFamily, type MasterDataFamily } from './master-data/family.ts';
import { fileProblem } from './problems.ts';
import { writeSplit } from './import-split.ts';
import { familyByType } from './registry.ts';
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
  // without --store: the seller's one store, or a refusal listing them (store/import-store.ts); checked after the others
  const checked = { ...checkOptions(options), store: await importStore(db, options.store) };
  const results: FileResult[] = [];
  const restore = (await anyLargeFile(files)) ? await boundDatabaseMemory(db) : async () => {};
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
 * 512 MiB, not 256: the large-file path's cleaning (empty tokens, currency markers, refused separators, one
 * expression per column) ran out of 256 MiB on a 9 MB search-term file (src/ingest/large-checks.test.ts).
 */
const importMemory = 512 * 1024 * 1024;

/**
 * The cap is the database's, not the import's: queries answering the dashboard beside the import share it (a wide
 * question by asin × date × ad type ran out of 256 MiB during small imports). So only a batch holding a file big
 * enough to matter sets it: above 64 MB on disk, a gzip file counted at ten times its size (a CSV compresses ~10×).
 */
const capFromBytes = 64 * 1024 * 1024;

export async function anyLargeFile(files: readonly string[]): Promise<boolean> {
  for (const file of files) {
    const size = await stat(file).then((s) => s.size, () => 0);
    if (size * (/\.gz$/i.test(file) ? 10 : 1) > capFromBytes) return true;
  }
  return false;
}

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
export function checkOptions(options: ImportOptions): ImportOptions {
  const store = options.store?.trim() || undefined;
  if (options.marketplace && !marketplaceByCode(options.marketplace)) {
    throw new AsterismError('bad_marketplace', say('bad_marketplace_option', { value: options.marketplace }));
  }
  const from = options.from === undefined ? undefined : parseIsoDate(options.from, '--from');
  const to = options.to === undefined ? undefined : parseIsoDate(options.to, '--to');
  if ((from === undefined) !== (to === undefined)) throw new AsterismError('bad_date', say('from_to_together'));
  if (from && to && from > to) throw new AsterismError('bad_date', say('from_after_to', { from, to }));
  if (options.date !== undefined) parseIsoDate(options.date, '--date');
  const marketplace = options.marketplace ? marketplaceByCode(options.marketplace)?.code : undefined;
  const adType = options.adType === undefined ? undefined : adTypeOption(options.adType);
  return { ...options, store, marketplace, from, to, adType };
}

function adTypeOption(value: string): AdTypeOption {
  const code = value.trim().toLowerCase();
  if ((adTypeOptions as readonly string[]).includes(code)) return code as AdTypeOption;
  throw new AsterismError('bad_request', say('bad_ad_type_option', { value }));
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
      if (large && options.expectType && large.family.type !== options.expectType) return fail({ ...blank, type: large.family.type }, [notExpected(file, large.family.type, options.expectType)]);
      if (large) return await importLarge(db, file, large, options, onReading);
    }
    source = await inspectSource(file);
  } catch (e) {
    return fail(blank, [fileProblem('unreadable', { file, reason: both(reasonOf(e)) }, { file })]);
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

/** The keyed hash of personal data, its key read (or made) on first use only: most reports name no customer. */
function pseudonymOf(db: Database): (value: string, context: string) => string {
  let hash: ((value: string, context: string) => string) | undefined;
  return (value, context) => (hash ??= keyedHash(db.path))(value, context);
}

/** One read of the file: recognised from its first rows, then its batches written as they are read. */
async function importSource(
  db: Database, source: SourceInfo, options: ImportOptions & { store: string }, blank: FileResult, encoding: TextEncodingName | 'auto',
  onReading?: (progress: ReadingProgress) => void,
): Promise<FileResult> {
  const progress: ReadingProgress = { file: blank.file, bytes: source.size, bytesRead: 0, rows: null, rowsEstimated: false };
  const onBytes = onReading && ((bytesRead: number) => onReading({ ...progress, bytesRead: (progress.bytesRead = bytesRead) }));
  const context: FamilyContext = { file: source.name, options, pseudonym: pseudonymOf(db) };
  let result = blank;
  try {
    const opened = await openReport(source, context, { encoding, onBytes });
    result = { ...blank, type: opened.family?.type ?? null };
    if (options.expectType && opened.family && opened.family.type !== options.expectType) return fail(result, [notExpected(source.name, opened.family.type, options.expectType)]);
    if ('refused' in opened) return fail(result, opened.refused.problems);
    if (isMasterDataFamily(opened.family)) return await importMasterData(db, opened.family, opened.batches, source, options.store, result);
    const settled = await settleAds(db, opened, (adType) => openReport(source, { ...context, options: { ...options, adType } }, { encoding, onBytes }), context);
    if ('problems' in settled) return fail({ ...result, type: settled.family?.type ?? result.type }, settled.problems);
    const { family, batches } = settled;
    result = { ...result, type: family.type };
    const onRows = onReading && ((rows: number) => onReading({ ...progress, rows: (progress.rows = rows) }));
    const written = family.splitsByMarketplace
      ? await writeSplit(db, family, batches, { source, options }, onRows)
      : await write(db, family, batches, { source, options }, onRows);
    if ('failed' in written) return fail(result, written.problems);
    return { ...result, ...written, status: 'imported' };
  } catch (e) {
    if (e instanceof EncodingRestart) throw e;
    if (e instanceof SourceError) return fail(result, [problemOf(e.texts, { code: e.code, severity: 'error', file: source.name })]);
    // a damaged file (a zip cut short, a broken sheet) fails alone: the batch goes on to the next file
    if (result.type === null) return fail(result, [fileProblem('corrupt_file', { file: source.name, reason: both(reasonOf(e)) }, { file: source.name })]);
    return fail(result, [fileProblem('import_failed', { reason: both(reasonOf(e)) }, { file: source.name })]);
  }
}

/** A report asked for by type that reads as another family (or none). */
function notExpected(file: string, found: string, expected: string): Problem {
  return fileProblem('not_expected_report', { found, expected }, { file });
}

/** An exception's first line: enough to say why, never a stack or a file's content. */
function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.slice(0, 300) || (e instanceof Error ? e.name : 'unknown error');
}

type Opened = Extract<OpenedReport, { batches: AsyncIterable<FamilyOutput> }>;

/**
 * An ads report whose columns leave its ad type open, or read as the type `--ad-type` chose: read whole
 * (ads reports under the large-file size; larger ones go through import-large.ts), so the campaigns of
 * every row decide (ad-type-check.ts), then handed on as one batch. Other reports pass through.
 */
async function settleAds(
  db: Database, opened: Opened, readAgain: (adType: ImportOptions['adType']) => Promise<OpenedReport>, context: FamilyContext,
): Promise<{ family: ReportFamily; batches: AsyncIterable<FamilyOutput> } | { family: ReportFamily | null; problems: Problem[] }> {
  const iterator = opened.batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { family: opened.family, batches: (async function* () {})() };
  if (!first.value.openAdType && !first.value.readAs) return { family: opened.family, batches: resumed(first.value, iterator) };
  // read as the `--ad-type` given, nothing left to decide: streamed under the family it names (bounded memory)
  const readAs = !first.value.openAdType && first.value.readAs ? familyByType(first.value.readAs) : undefined;
  if (readAs) return { family: readAs, batches: resumed(first.value, iterator) };
  const whole = await wholeOutput(first.value, iterator, context.file);
  if (whole.problems.some((p) => p.severity === 'error')) return { family: opened.family, problems: whole.problems };
  const marketplace = resolveMarketplace(whole.evidence, context.options.marketplace);
  if ('error' in marketplace) return { family: opened.family, problems: [problemOf(marketplace.error, { code: 'bad_marketplace', severity: 'error', file: context.file })] };
  const store = context.options.store ?? 'default';
  const settled = await settleAdType(db, { family: opened.family, output: whole }, { store, marketplace: marketplace.code, file: context.file }, async (adType) => {
    const again = await readAgain(adType);
    if ('refused' in again) return { family: again.family, output: again.refused };
    const it = again.batches[Symbol.asyncIterator]();
    const head = await it.next();
    return { family: again.family, output: head.done ? { rows: 0, tables: {}, period: null, evidence: {}, problems: [] } : await wholeOutput(head.value, it, context.file) };
  });
  if ('code' in settled) return { family: opened.family, problems: [settled] };
  if (settled.output.problems.some((p) => p.severity === 'error')) return { family: settled.family, problems: settled.output.problems };
  return { family: settled.family, batches: (async function* () { yield settled.output; })() };
}

/** The first batch again, then the rest as they come. */
async function* resumed(first: FamilyOutput, rest: AsyncIterator<FamilyOutput>): AsyncGenerator<FamilyOutput> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Every batch merged into one output, tables kept; an open ad type's campaigns joined across batches. */
async function wholeOutput(first: FamilyOutput, rest: AsyncIterator<FamilyOutput>, file: string): Promise<FamilyOutput> {
  const merged = new MergedOutput(true);
  const campaigns = new Set(first.openAdType?.campaigns ?? []);
  merged.add(first);
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    merged.add(next.value);
    next.value.openAdType?.campaigns.forEach((c) => campaigns.add(c));
  }
  const output = merged.output(file);
  return {
    ...output, tables: merged.tables,
    ...(first.readAs ? { readAs: first.readAs } : {}),
    ...(first.openAdType ? { openAdType: { ...first.openAdType, campaigns: [...campaigns] } } : {}),
  };
}

/** Master data is upserted by key from the whole file (always small: refused above `masterDataBytes`). */
async function importMasterData(
  db: Database, family: MasterDataFamily, batches: AsyncIterable<FamilyOutput>, source: SourceInfo, store: string, result: FileResult,
): Promise<FileResult> {
  if (source.size > masterDataBytes) {
    return fail(result, [fileProblem('too_large_master_data', { report: family.name, limit: `${masterDataBytes / 1024 / 1024} MB` }, { code: 'too_large', file: source.name })]);
  }
  const merged = new MergedOutput(true);
  for await (const batch of batches) merged.add(batch);
  const output = merged.output(source.name);
  if (merged.failed) return fail(result, output.problems);
  const replaced = await writeMasterData(db, family, output, source, store).catch((e: unknown) => e as Error);
  if (replaced instanceof Error) return fail(result, [fileProblem('import_failed', { reason: both(replaced.message) }, { file: source.name })]);
  return { ...result, rows: output.rows, status: 'imported', from: output.period?.from ?? null, to: output.period?.to ?? null, replaced, problems: output.problems };
}

const masterDataBytes = 16 * 1024 * 1024;

interface WriteTarget {
  source: SourceInfo;
  options: ImportOptions & { store: string };
}

type Written = Pick<FileResult, 'marketplace' | 'rows' | 'from' | 'to' | 'replaced' | 'problems' | 'conservation'> | { problems: Problem[]; failed: true };


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
  // payments and settlement lines: the file's total against the profit categories, summed batch by batch (issue 26)
  const conserving = family.writes.some((w) => w.table === 'transactions');
  let conservation: Record<string, Conservation> | undefined;
  return inWriteTransaction(db, options.store, async () => {
    let log: ImportLog | undefined;
    let written = 0;
    // batches wait here until the rows so far tell the marketplace (bounded: then the file is refused as before)
    const waiting: FamilyOutput[] = [];
    for await (const batch of batches) {
      merged.add(batch);
      if (merged.failed) continue;
      waiting.push(batch);
      if (conserving) conservation = addConservation(conservation, conservationOf(batch.tables.transactions ?? [], null));
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
    if ('error' in marketplace) throw new Refused([problemOf(marketplace.error, { code: 'bad_marketplace', severity: 'error', file: source.name })]);
    if (marketplace.code !== log.marketplace) {
      throw new Refused([fileProblem('later_rows_other_marketplace', { rows: readLimits.batchRows, first: log.marketplace, later: marketplace.code }, { code: 'bad_marketplace', file: source.name })]);
    }
    if (!output.period) throw new Refused([fileProblem('no_period', { report: family.name }, { file: source.name })]);
    const { from, to } = output.period;
    // the earlier rows this file replaces move to history, after its own are in (scope and guard read from them)
    const scope = { importId: log.importId, store: options.store, marketplace: log.marketplace, reportType: family.type, from, to };
    const [replaced = 0] = await replaceEarlier(db, family.writes, scope, { replace: options.replace, file: source.name });
    await db.run('UPDATE import_log SET date_from = $1::DATE, date_to = $2::DATE, rows = $3, replaced = $4 WHERE id = $5', [from, to, output.rows, replaced, log.importId]);
    // lines that name no currency are in the marketplace's
    const conserved = conservation && withCurrency(conservation, log.currency);
    return { marketplace: log.marketplace, rows: output.rows, from, to, replaced, problems: output.problems, ...(conserved ? { conservation: conserved } : {}) };
  });
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
  if ('error' in marketplace) throw new Refused([problemOf(marketplace.error, { code: 'bad_marketplace', severity: 'error', file: source.name })]);
  const [log] = await db.all(
    `INSERT INTO import_log (file, file_hash, report_type, store, marketplace, rows, replaced) VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id`,
    [source.name, source.hash, family.type, options.store, marketplace.code],
  );
  return { importId: String(log?.id), marketplace: marketplace.code, currency: marketplaceByCode(marketplace.code)?.currency ?? null };
}


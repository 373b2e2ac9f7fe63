import { AsterismError, problemOf } from '../domain/errors.ts';
import { both, say } from '../domain/messages.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import { settleAdType } from './ad-type-check.ts';
import { adTypeOptions, type AdTypeOption, type FamilyOutput, type ImportOptions, type ReportFamily } from './family.ts';
import { resolveMarketplace } from './marketplace-evidence.ts';
import { readReport } from './read-report.ts';
import { readSourceFile, type SourceFile } from './source-file.ts';
import { appendRows } from './table-writer.ts';
import { ReplaceRefused, replaceEarlier } from './replace-earlier.ts';
import { conservationField } from './conservation.ts';
import { fail, findEarlierImport, type FileResult } from './file-result.ts';
import { importLarge, isLarge, recogniseLarge, type ReadingProgress } from './import-large.ts';
import { isMasterDataFamily } from './master-data/family.ts';
import { fileProblem } from './problems.ts';
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
  for (const [index, file] of files.entries()) {
    const result = await importOne(db, file, checked, onReading);
    results.push(result);
    onProgress?.({ index, total: files.length, result });
  }
  return { files: results };
}

/** Throws on options that would fail every file (what a caller answers before queueing an import). */
export function checkOptions(options: ImportOptions): ImportOptions & { store: string } {
  const store = options.store?.trim() || 'default';
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
  throw new AsterismError('bad_request', `--ad-type "${value}": use sp (Sponsored Products), sb (Sponsored Brands) or sd (Sponsored Display) / ` +
    `--ad-type "${value}" 无效：请用 sp（商品推广）、sb（品牌推广）或 sd（展示型推广）`);
}

async function importOne(db: Database, file: string, options: ImportOptions & { store: string }, onReading?: (progress: ReadingProgress) => void): Promise<FileResult> {
  const blank: FileResult = {
    file, type: null, store: options.store, marketplace: null, rows: 0, status: 'error', from: null, to: null, replaced: 0, error: null, problems: [],
  };
  let source: SourceFile;
  try {
    if (await isLarge(file)) {
      // a large CSV whose family can stream goes through DuckDB's reader; others are read whole
      const large = await recogniseLarge(file);
      if (large) return await importLarge(db, file, large, options, onReading);
    }
    source = await readSourceFile(file, onReading && ((bytesRead, bytes) => onReading({ file, bytes, bytesRead, rows: null, rowsEstimated: false })));
  } catch (e) {
    return fail(blank, [fileProblem('unreadable', { file, reason: both(reasonOf(e)) }, { file })]);
  }
  const earlier = await findEarlierImport(db, options.store, source.hash);
  if (earlier) return { ...blank, ...earlier, status: 'unchanged' };

  // a damaged file (a zip cut short, a broken sheet) fails alone: the batch goes on to the next file
  const read = await readReport(source, { file: source.name, options }).catch((e: unknown) => e instanceof Error ? e : new Error(String(e)));
  if (read instanceof Error) return fail(blank, [fileProblem('corrupt_file', { file: source.name, reason: both(reasonOf(read)) }, { file: source.name })]);
  let { family, output } = read;
  let result = { ...blank, type: family?.type ?? null };
  if (!family || output.problems.some((p) => p.severity === 'error')) return fail(result, output.problems);
  if (isMasterDataFamily(family)) {
    const replaced = await writeMasterData(db, family, output, source, options.store).catch((e: unknown) => e as Error);
    if (replaced instanceof Error) return fail(result, [fileProblem('import_failed', { reason: both(replaced.message) }, { file: source.name })]);
    return { ...result, rows: output.rows, status: 'imported', from: output.period?.from ?? null, to: output.period?.to ?? null, replaced, problems: output.problems };
  }
  const marketplace = resolveMarketplace(output.evidence, options.marketplace);
  if ('error' in marketplace) return fail(result, [problemOf(marketplace.error, { code: 'bad_marketplace', severity: 'error', file: source.name })]);
  // an ads report's ad type: as read (content, --ad-type), else the campaigns already known (ad-type-check.ts)
  const settled = await settleAdType(db, { family, output }, { store: options.store, marketplace: marketplace.code, file: source.name },
    (adType) => readReport(source, { file: source.name, options: { ...options, adType } }));
  if ('code' in settled) return fail(result, [settled]);
  ({ family, output } = settled);
  result = { ...result, type: family.type };
  if (output.problems.some((p) => p.severity === 'error')) return fail(result, output.problems);
  if (!output.period) return fail(result, [fileProblem('no_period', { report: family.name }, { file: source.name })]);
  try {
    const bytes = source.bytes.length;
    const onRows = onReading && ((rows: number) => onReading({ file, bytes, bytesRead: bytes, rows, rowsEstimated: false }));
    const replaced = await write(db, family, output, { source, store: options.store, marketplace: marketplace.code, replace: options.replace }, onRows);
    return {
      ...result, marketplace: marketplace.code, rows: output.rows, status: 'imported', from: output.period.from, to: output.period.to,
      replaced, problems: output.problems, ...conservationField(family, output, marketplace.code),
    };
  } catch (e) {
    if (e instanceof ReplaceRefused) return fail({ ...result, marketplace: marketplace.code, from: output.period.from, to: output.period.to }, [e.problem]);
    return fail(result, [fileProblem('import_failed', { reason: both(reasonOf(e)) }, { file: source.name })]);
  }
}

/** An exception's first line: enough to say why, never a stack or a file's content. */
function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.slice(0, 300) || (e instanceof Error ? e.name : 'unknown error');
}

interface WriteTarget {
  source: SourceFile;
  store: string;
  marketplace: string;
  replace?: boolean | undefined;
}

/**
 * One transaction, in the order a streamed file needs: the log entry, then the new rows (appended as
 * they come), then the earlier rows they replace moved to history (`replaceEarlier`: scope and guard
 * read from the appended rows). Returns `replaced`; throws `ReplaceRefused` when the guard refuses.
 */
async function write(db: Database, family: ReportFamily, output: FamilyOutput, target: WriteTarget, onRows?: (rows: number) => void): Promise<number> {
  const { from, to } = output.period ?? { from: '', to: '' };
  const currency = marketplaceByCode(target.marketplace)?.currency ?? null;
  return db.transaction(async () => {
    await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [target.store]);
    const [log] = await db.all(
      `INSERT INTO import_log (file, file_hash, report_type, store, marketplace, date_from, date_to, rows)
       VALUES ($1, $2, $3, $4, $5, $6::DATE, $7::DATE, $8) RETURNING id`,
      [target.source.name, target.source.hash, family.type, target.store, target.marketplace, from, to, output.rows],
    );
    const importId = String(log?.id);
    let written = 0;
    for (const { table } of family.writes) {
      const rows = (output.tables[table] ?? []).map((row) => ({
        ...row,
        // an amount whose value named no currency (`$`, plain numbers) is in the marketplace's currency
        ...('currency' in row ? { currency: row.currency ?? currency } : {}),
        store: target.store, marketplace: target.marketplace, import_id: importId,
      }));
      await appendRows(db, table, rows, onRows && ((n) => onRows(written + n)));
      written += rows.length;
    }
    const scope = { importId, store: target.store, marketplace: target.marketplace, reportType: family.type, from, to };
    const replaced = (await replaceEarlier(db, family.writes, scope, { replace: target.replace, file: target.source.name }))[0] ?? 0;
    await db.run('UPDATE import_log SET replaced = $1 WHERE id = $2', [replaced, Number(importId)]);
    return replaced;
  });
}

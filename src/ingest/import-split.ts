import { problemOf, type Problem } from '../domain/errors.ts';
import { addConservation, conservationOf, type Conservation } from '../domain/money-conservation.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { say } from '../domain/messages.ts';
import { moneySources, setAsidePayments } from '../store/counted-transactions.ts';
import type { Database } from '../store/database.ts';
import { MergedOutput } from './batch-output.ts';
import type { CanonicalRow, FamilyOutput, ImportOptions, ReportFamily, TargetTable } from './family.ts';
import type { FileResult, MarketplaceRows } from './file-result.ts';
import { resolveMarketplace, splitMarketplaces } from './marketplace-evidence.ts';
import { fileProblem } from './problems.ts';
import { replaceEarlier } from './replace-earlier.ts';
import { placeByOrders } from './returns-by-order.ts';
import type { SourceInfo } from './source-file.ts';
import { settlementWinsMessage, unplacedMessage } from './split-messages.ts';
import { appendRows } from './table-writer.ts';
import { inWriteTransaction, Refused, withCurrency } from './write-transaction.ts';

export type SplitWritten =
  | Pick<FileResult, 'marketplace' | 'rows' | 'from' | 'to' | 'replaced' | 'problems' | 'conservation' | 'marketplaces' | 'skipped_channels'>
  | { problems: Problem[]; failed: true };


/** The marketplace of a row whose line names none, until the whole file has told which it is. */
const unplaced = '';

const currencyOf = (code: string | undefined): string | null => (code ? marketplaceByCode(code)?.currency ?? null : null);

/**
 * One import of a file whose lines name their marketplace (`family.splitsByMarketplace`: a unified account's All
 * Orders or payments), in one transaction: the log entry, each batch's rows appended as read, each row under the
 * marketplace its line names and in that marketplace's currency where it names none. At the end, the lines that
 * name no marketplace (payments' transfers and service fees) are placed: in a one-marketplace file in that
 * marketplace (from the lines, a currency or --marketplace, as for any file); in a several-marketplace file in
 * --marketplace's (which must be one of them), else in the one of the file's marketplaces whose currency theirs is, else the file is refused
 * saying so. Earlier rows are then replaced per marketplace (same report, store and marketplace, the file's days),
 * so undoing the import puts every marketplace's rows back. Money is checked per currency.
 */
export async function writeSplit(
  db: Database, family: ReportFamily, batches: AsyncIterable<FamilyOutput>, target: { source: SourceInfo; options: ImportOptions & { store: string } },
  onRows?: (rows: number) => void,
): Promise<SplitWritten> {
  const { source, options } = target;
  const merged = new MergedOutput();
  const conserving = family.writes.some((w) => w.table === 'transactions');
  let conservation: Record<string, Conservation> | undefined;
  return inWriteTransaction(db, options.store, async () => {
    const [log] = await db.all(
      'INSERT INTO import_log (file, file_hash, report_type, store, marketplace, rows, replaced) VALUES ($1, $2, $3, $4, NULL, 0, 0) RETURNING id',
      [source.name, source.hash, family.type, options.store],
    );
    const importId = String(log?.id);
    let written = 0;
    for await (const batch of batches) {
      merged.add(batch);
      if (merged.failed) continue;
      for (const { table } of family.writes) {
        const rows = placed(batch.tables[table] ?? [], options.store, importId);
        if (conserving && table === 'transactions') conservation = addConservation(conservation, conservationOf(rows, null));
        const before = written;
        await appendRows(db, table, rows, onRows && ((n) => onRows(before + n)));
        written += rows.length;
      }
    }
    const output = merged.output(source.name);
    if (merged.failed) throw new Refused(output.problems);
    if (!output.period) throw new Refused([fileProblem('no_period', { report: family.name }, { file: source.name })]);
    const [first] = family.writes;
    const byOrder = family.placedByOrder && first ? await placeByOrders(db, first.table, importId, options.store, unplaced) : 0;
    // a report naming no marketplace (returns) needs --marketplace only for rows their orders did not place
    const named = family.placedByOrder && !options.marketplace && !splitMarketplaces(output.evidence)
      && 'error' in resolveMarketplace(output.evidence, undefined)
      ? await marketplacesPlaced(db, first?.table ?? '', importId, source.name)
      : namedMarketplaces(output, options.marketplace, source.name);
    await placeUnplaced(db, family, importId, named, options.marketplace, source.name);
    const perMarketplace = first ? await rowsPerMarketplace(db, first.table, importId) : [];
    const split = perMarketplace.length > 1;
    // rows placed by their order are dated in their marketplace's zone: the period is the rows' own
    const { from, to } = family.placedByOrder && first ? await periodOfRows(db, first, importId, output.period) : output.period;
    const notPlaced = split && family.placedByOrder ? perMarketplace.reduce((n, m) => n + m.rows, 0) - byOrder : 0;
    const orderUnknown = notPlaced > 0
      ? [problemOf(say('returns_order_unknown', { count: notPlaced.toLocaleString('en'), marketplace: named[0] ?? '' }), { code: 'returns_order_unknown', severity: 'warning', file: source.name })]
      : [];
    let replaced = 0;
    // per marketplace of the split: a re-import of the same account file replaces each marketplace's rows of its days
    for (const marketplace of split ? perMarketplace.map((m) => m.marketplace) : [perMarketplace[0]?.marketplace ?? named[0] ?? '']) {
      const scope = { importId, store: options.store, marketplace, reportType: family.type, from, to };
      const [n = 0] = await replaceEarlier(db, family.writes, scope, { replace: options.replace, file: source.name });
      replaced += n;
    }
    const marketplace = split ? null : (perMarketplace[0]?.marketplace ?? named[0] ?? null);
    await db.run('UPDATE import_log SET marketplace = $1, date_from = $2::DATE, date_to = $3::DATE, rows = $4, replaced = $5 WHERE id = $6',
      [marketplace, from, to, output.rows, replaced, Number(importId)]);
    if (split) {
      for (const m of perMarketplace) {
        await db.run('INSERT INTO import_marketplaces (import_id, marketplace, currency, rows) VALUES ($1, $2, $3, $4)', [Number(importId), m.marketplace, m.currency, m.rows]);
      }
    }
    const doubled = await otherSourceLines(db, family, { importId, store: options.store, from, to }, source.name);
    // lines that name no currency are in their marketplace's: only one can be left for them (one file, or --marketplace)
    const conserved = conservation && withCurrency(conservation, currencyOf(named.length === 1 ? named[0] : options.marketplace));
    return {
      marketplace, rows: output.rows, from, to, replaced, problems: [...output.problems, ...orderUnknown, ...doubled],
      ...(conserved ? { conservation: conserved } : {}),
      ...(split ? { marketplaces: perMarketplace } : {}),
      ...(output.skipped ? { skipped_channels: { ...output.skipped } } : {}),
    };
  });
}

/** Rows as stored: the import's store and id, the marketplace their line names (or none yet) and its currency where they name none. */
function placed(rows: readonly CanonicalRow[], store: string, importId: string): CanonicalRow[] {
  return rows.map((row) => {
    const marketplace = typeof row.marketplace === 'string' && row.marketplace ? row.marketplace : unplaced;
    return {
      ...row,
      ...('currency' in row ? { currency: row.currency ?? currencyOf(marketplace || undefined) } : {}),
      store, marketplace, import_id: importId,
    };
  });
}

/** The file's marketplaces: several named by its lines, else the one `resolveMarketplace` finds (or refuses). */
function namedMarketplaces(output: FamilyOutput, given: string | undefined, file: string): string[] {
  const several = splitMarketplaces(output.evidence);
  const option = given ? marketplaceByCode(given)?.code : undefined;
  if (several && option && !several.includes(option)) {
    throw new Refused([problemOf(say('marketplace_conflict', { file_marketplace: several.join(', '), why: 'sales channels', given: option }), { code: 'bad_marketplace', severity: 'error', file })]);
  }
  if (several) return several;
  const one = resolveMarketplace(output.evidence, given);
  if ('error' in one) throw new Refused([problemOf(one.error, { code: 'bad_marketplace', severity: 'error', file })]);
  return [one.code];
}

/** The marketplaces the import's rows were placed in by their orders; the file refused if a row is left unplaced
 * (a return of an order not stored, in a report naming no marketplace, without --marketplace). */
async function marketplacesPlaced(db: Database, table: string, importId: string, file: string): Promise<string[]> {
  const [left] = await db.all(`SELECT count(*) AS n FROM ${table} WHERE import_id = $1 AND marketplace = $2`, [Number(importId), unplaced]);
  const n = Number(left?.n ?? 0);
  if (n > 0) throw new Refused([problemOf(say('returns_need_marketplace', { count: n.toLocaleString('en') }), { code: 'bad_marketplace', severity: 'error', file })]);
  const rows = await db.all(`SELECT DISTINCT marketplace FROM ${table} WHERE import_id = $1 ORDER BY marketplace`, [Number(importId)]);
  return rows.map((r) => String(r.marketplace));
}

/** The rows whose lines named no marketplace, placed (see writeSplit), or the file refused naming how many and why. */
async function placeUnplaced(db: Database, family: ReportFamily, importId: string, named: readonly string[], given: string | undefined, file: string): Promise<void> {
  const option = given ? marketplaceByCode(given)?.code : undefined;
  for (const { table } of family.writes) {
    const groups = await db.all(`SELECT currency, count(*) AS n FROM ${table} WHERE import_id = $1 AND marketplace = $2 GROUP BY currency ORDER BY currency`, [Number(importId), unplaced]);
    for (const group of groups) {
      const currency = group.currency === null ? null : String(group.currency);
      const byCurrency = named.filter((m) => currencyOf(m) === currency);
      const to = named.length === 1 ? named[0] : option ?? (byCurrency.length === 1 ? byCurrency[0] : undefined);
      if (!to) {
        const message = unplacedMessage(Number(group.n), currency, named);
        throw new Refused([problemOf(message, { code: 'bad_marketplace', severity: 'error', file })]);
      }
      await db.run(`UPDATE ${table} SET marketplace = $1, currency = coalesce(currency, $2) WHERE import_id = $3 AND marketplace = $4 AND currency IS NOT DISTINCT FROM $5`,
        [to, currencyOf(to), Number(importId), unplaced, currency]);
    }
  }
}

/**
 * Payments and settlement lines both go to `transactions`; profit reads each money event once (settlement lines win:
 * src/store/counted-transactions.ts). The import says how many payments lines that rule now leaves out: this payments
 * file's lines a settlement already covers, or the payments lines of this settlement's marketplaces, of its days or naming it.
 */
async function otherSourceLines(db: Database, family: ReportFamily, at: { importId: string; store: string; from: string; to: string }, file: string): Promise<Problem[]> {
  if (family.type !== moneySources.payments && family.type !== moneySources.settlement) return [];
  const [row] = await db.all(
    `SELECT count(*) AS n, string_agg(DISTINCT ct.marketplace, ', ' ORDER BY ct.marketplace) AS marketplaces FROM ${setAsidePayments} ct
      WHERE ct.store = $1
        AND ${family.type === moneySources.payments ? 'ct.import_id = $2'
          : `ct.marketplace IN (SELECT DISTINCT marketplace FROM transactions WHERE import_id = $2) AND (ct.posted_date BETWEEN $3::DATE AND $4::DATE
               OR ct.settlement_id IN (SELECT DISTINCT settlement_id FROM transactions WHERE import_id = $2))`}`,
    family.type === moneySources.payments ? [at.store, Number(at.importId)] : [at.store, Number(at.importId), at.from, at.to],
  );
  const n = Number(row?.n ?? 0);
  if (n === 0) return [];
  return [problemOf(settlementWinsMessage(n, String(row?.marketplaces ?? '')), { code: 'settlement_counted', severity: 'warning', file })];
}

/** The first and last day of the import's rows (the file's own period where they have none). */
async function periodOfRows(db: Database, table: TargetTable, importId: string, period: { from: string; to: string }): Promise<{ from: string; to: string }> {
  const [row] = await db.all(`SELECT CAST(min(${table.dateFrom}) AS VARCHAR) AS from_day, CAST(max(${table.dateTo}) AS VARCHAR) AS to_day
    FROM ${table.table} WHERE import_id = $1`, [Number(importId)]);
  return row?.from_day ? { from: String(row.from_day), to: String(row.to_day) } : period;
}

/** The rows of the report's table per marketplace (with its currency): what the result and the history list. */
async function rowsPerMarketplace(db: Database, table: string, importId: string): Promise<MarketplaceRows[]> {
  const rows = await db.all(`SELECT marketplace, count(*) AS n FROM ${table} WHERE import_id = $1 GROUP BY marketplace ORDER BY marketplace`, [Number(importId)]);
  return rows.map((r) => ({ marketplace: String(r.marketplace), currency: currencyOf(String(r.marketplace)), rows: Number(r.n) }));
}


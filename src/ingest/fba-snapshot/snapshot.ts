import { fileProblem } from '../problems.ts';
import { Decimal } from 'decimal.js';
import { todayIn } from '../../domain/local-date.ts';
import {
  marketplaceByAmazonId, marketplaceByCode, marketplaceBySalesChannel, marketplaceByUniqueCurrency,
} from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, MarketplaceEvidence, TableInput } from '../family.ts';
import type { RowFields } from '../row-fields.ts';
import type { AliasIndex, HeaderColumn } from '../header.ts';

/**
 * The time zone whose calendar dates a snapshot: the marketplace the file names (marketplace id,
 * sales channel or a single-marketplace currency), else --marketplace, else UTC (such a file is
 * refused later for want of a marketplace anyway).
 */
export function snapshotZone(context: FamilyContext, evidence: MarketplaceEvidence): string {
  const named = [
    ...(evidence.amazonIds ?? []).map(marketplaceByAmazonId),
    ...(evidence.salesChannels ?? []).map(marketplaceBySalesChannel),
    ...(evidence.currencies ?? []).map(marketplaceByUniqueCurrency),
    context.options.marketplace ? marketplaceByCode(context.options.marketplace) : undefined,
  ];
  return named.find(Boolean)?.timeZone ?? 'UTC';
}

/** A snapshot without a date inside (Manage FBA Inventory, AFN, restock, fee preview): --date, else today there. */
export function undatedSnapshotDay(context: FamilyContext, evidence: MarketplaceEvidence): string {
  return context.options.date ?? todayIn(snapshotZone(context, evidence));
}

/** Country codes (`US`, `GB`) as marketplace evidence: the framework knows marketplaces by Amazon id. */
export function countryEvidence(codes: Iterable<string | null>): string[] {
  const ids = new Set<string>();
  for (const code of codes) {
    const m = code ? marketplaceByCode(code) : undefined;
    if (m) ids.add(m.amazonId);
  }
  return [...ids];
}

/** Sum of parts that are all given; null when none is (unknown is not zero). */
export function sumGiven(...parts: readonly (bigint | null)[]): bigint | null {
  const given = parts.filter((p): p is bigint => p !== null);
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0n);
}

export function sumDecimals(...parts: readonly (string | null)[]): string | null {
  const given = parts.filter((p): p is string => p !== null);
  return given.length === 0 ? null : given.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed();
}

/** The identity columns every FBA inventory report shares. */
export function itemKeys(row: RowFields): CanonicalRow {
  return { sku: row.text('sku'), fnsku: row.text('fnsku'), asin: row.text('asin'), condition: row.text('condition') };
}

/**
 * Builds the output of an inventory snapshot family: one inventory_snapshots row per file row,
 * dated by `dateOf` (the row's own snapshot date, or the day given for undated files).
 */
export function snapshotOutput(
  input: TableInput, source: string, evidence: MarketplaceEvidence,
  toRow: (row: RowFields) => { snapshot_date: string | null } & CanonicalRow,
): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(fields.file);
  const out: CanonicalRow[] = [];
  const days = new Set<string>();
  for (const sourceRow of rows) {
    const row = fields.row(sourceRow);
    const mapped = toRow(row);
    if (mapped.snapshot_date === null) {
      fields.note(sourceRow, 'snapshot_date', 'value_required');
      continue;
    }
    days.add(mapped.snapshot_date);
    out.push({ ...mapped, source });
  }
  const sorted = [...days].sort();
  const period = sorted.length > 0 ? { from: sorted[0] ?? '', to: sorted[sorted.length - 1] ?? '' } : null;
  return {
    rows: rows.length, tables: { inventory_snapshots: out }, period,
    evidence: { ...evidence, currencies: [...new Set([...(evidence.currencies ?? []), ...fields.currencies])] },
    problems: fields.problems,
  };
}

export const inventoryTarget = { table: 'inventory_snapshots', dateFrom: 'snapshot_date', dateTo: 'snapshot_date', guardKey: 'sku' } as const;

/** A header without rows says nothing about stock (it is not "zero units"), so it is refused. */
export function noRows(file: string): FamilyOutput {
  return {
    rows: 0, tables: {}, period: null, evidence: {},
    problems: [fileProblem('no_rows', {}, { file })],
  };
}

/** detect(): the number of recognised columns when every signature column is there, else false. */
export function detectWith(aliases: AliasIndex, signature: readonly string[]): (header: readonly HeaderColumn[]) => number | false {
  return (header) => {
    const columns = aliases.resolve(header);
    return signature.every((f) => columns.has(f)) ? columns.size : false;
  };
}

/** The distinct values of a currency-code column (`USD`): marketplace evidence. */
export function currencyColumn(input: TableInput, field: string): string[] {
  const codes = new Set<string>();
  for (const r of input.rows) {
    const code = input.fields.row(r).text(field);
    if (code && /^[A-Za-z]{3}$/.test(code)) codes.add(code.toUpperCase());
  }
  return [...codes];
}

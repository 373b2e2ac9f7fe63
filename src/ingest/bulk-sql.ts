import type { BulkColumn, BulkKind, BulkPlan } from './bulk-plan.ts';
import type { HeaderColumn } from './header.ts';
import { currencyMarkers } from './values/money.ts';
import { emptyTokens } from './values/parsed.ts';

/**
 * The SQL that cleans one CSV column the way the row readers do, from the same tables (values/): a number,
 * money or date cell holding one of the empty tokens is null; a text cell is null only when blank (as
 * RowFields.text). A value that does not parse stops the load with a marked error naming the column.
 */
const blankIsNull = (c: string) => `CASE WHEN trim(${c}) = '' THEN NULL ELSE trim(${c}) END`;
const emptyTokenList = emptyTokens.map((t) => literal(t)).join(', ');
const nullish = (c: string) => `CASE WHEN lower(trim(${c})) IN (${emptyTokenList}) THEN NULL ELSE trim(${c}) END`;

/** RE2 pattern of the money reader's currency markers, longest first so `US$` goes before `$`. */
const markerPattern = [...currencyMarkers]
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/**
 * DuckDB's cast alone reads `1.356` (de grouping, 1356 on the row path) as 1, `1.6` as 2 and `1e3` as 1000: the
 * characters it reads beyond digits and a sign are made `#` so such a value fails the load by line and column.
 * The text is used once: a CASE check using it twice overran the import's 256 MiB memory limit on a 9 MB file
 * (test/e2e/large-file-cleaning.test.ts). Grouping is not checked: `1,23` reads as 123.
 */
const castOnly = (t: string, refused: string, type: string) =>
  `TRY_CAST(translate(replace(${t}, ',', ''), '${refused}', '${'#'.repeat(refused.length)}') AS ${type})`;

/** money: `$1,234.56`, `US$`, `£`, `€`, `Rs.201.68`, `USD 58.89`, `-$3.00` → digits (dot decimals; comma-decimal files go through rows) */
const moneyDigits = (t: string) => `regexp_replace(upper(${t}), '${markerPattern}|\\s', '', 'g')`;

export function cleanExpression(kind: BulkKind, raw: string, dateFormats: readonly string[]): { clean: string; expected: string } {
  const t = nullish(raw);
  const text = blankIsNull(raw);
  switch (kind) {
    case 'text':
      return { clean: text, expected: 'text' };
    case 'upper':
      return { clean: `upper(${text})`, expected: 'text' };
    case 'unescaped':
      return { clean: `replace(${text}, '\\"', '"')`, expected: 'text' };
    case 'int':
      return { clean: castOnly(t, '.eExX_', 'BIGINT'), expected: 'a whole number, e.g. 1,356' };
    case 'money':
      return { clean: castOnly(moneyDigits(t), 'eExX_', 'DECIMAL(18,4)'), expected: 'an amount, e.g. $1,234.56' };
    case 'date':
      return {
        clean: `CAST(try_strptime(${t}, [${dateFormats.map((f) => `'${f}'`).join(', ')}]) AS DATE)`,
        expected: `a date (${dateFormats.join(' or ')})`,
      };
  }
}

export const badValueMarker = 'asterism-bad-value';

/** SELECT list of the load: each field cleaned, failing loudly on a value that does not parse. */
export function loadSelect(plan: BulkPlan, header: ReadonlyMap<string, HeaderColumn>): { select: string[]; checks: { index: number; condition: string }[] } {
  const select: string[] = [];
  const checks: { index: number; condition: string }[] = [];
  for (const col of plan.columns) {
    if ('constant' in col) {
      select.push(`${literal(col.constant)} AS ${col.column}`);
      continue;
    }
    const source = header.get(col.field);
    if (!source) {
      select.push(`NULL AS ${col.column}`);
      continue;
    }
    const raw = `c${source.index}`;
    const { clean } = cleanExpression(col.kind, raw, plan.dateFormats);
    if (col.kind === 'text' || col.kind === 'upper' || col.kind === 'unescaped') {
      select.push(`${clean} AS ${col.column}`);
      continue;
    }
    const bad = `${nullish(raw)} IS NOT NULL AND ${clean} IS NULL`;
    checks.push({ index: source.index, condition: bad });
    select.push(`CASE WHEN ${bad} THEN error('${badValueMarker}|${source.index}|' || ${raw}) ELSE ${clean} END AS ${col.column}`);
  }
  return { select, checks };
}

export function readCsvSql(path: string, columnCount: number, skipLines: number, delimiter: string): string {
  const names = Array.from({ length: columnCount }, (_, i) => `'c${i}'`).join(', ');
  return `read_csv(${literal(path)}, header = false, skip = ${skipLines}, all_varchar = true, delim = ${literal(delimiter)},
    quote = '"', escape = '"', names = [${names}], null_padding = true, strict_mode = false)`;
}

export function expectedOf(plan: BulkPlan, header: ReadonlyMap<string, HeaderColumn>, index: number): { column: string; expected: string } {
  for (const col of plan.columns) {
    if ('constant' in col) continue;
    const source = header.get(col.field);
    if (source?.index === index) return { column: source.original, expected: cleanExpression(col.kind, 'x', plan.dateFormats).expected };
  }
  return { column: `column ${index + 1}`, expected: 'a value' };
}

export function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

export type { BulkColumn };

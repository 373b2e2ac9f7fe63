import { say } from '../../domain/messages.ts';
import { fileProblem } from '../problems.ts';
import type { Problem } from '../../domain/errors.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex, readHeader, type HeaderColumn } from '../header.ts';
import { requireValue } from '../report-helpers/row-values.ts';
import { FieldReader } from '../row-fields.ts';
import type { SourceRow } from '../table.ts';
import { sqpCsvAliases, sqpCsvRequired } from './sqp-csv-aliases.ts';
import { isMetadataLine, readMetadata, type SqpMetadata } from './sqp-csv-metadata.ts';

const aliases = new AliasIndex(sqpCsvAliases);

/**
 * Search Query Performance downloaded from the Brand Analytics console (ASIN View CSV). The ASIN
 * and the week are only on the metadata line above the header, and TableInput holds no preamble,
 * so this family claims the metadata line as its "header" and finds the column header itself.
 */
export const sqpCsv: TableFamily = {
  type: 'brand_analytics_sqp_csv',
  name: { en: 'Brand Analytics Search Query Performance (console CSV)', zh: '品牌分析 搜索查询表现（后台 CSV）' },
  format: 'table',
  writes: [{ table: 'search_funnel', dateFrom: 'date_from', dateTo: 'date_to', sameKey: 'asin' }],
  aliases,
  // checked in read against the real header line, which comes after the metadata line
  required: [],
  detect(header) {
    if (isMetadataLine(header)) return 50;
    const columns = aliases.resolve(header);
    return columns.has('search_query') && columns.has('search_query_volume') ? columns.size : false;
  },
  read,
};

function read({ header, rows }: TableInput, context: FamilyContext): FamilyOutput {
  const metadata = isMetadataLine(header) ? readMetadata(header) : null;
  if (metadata?.brand && metadata.asins.length === 0) {
    return refusal(context, 'unsupported_variant', say('sqp_brand_view'));
  }
  // read in batches, the column header is in the first one: later ones are all data
  const later = context.batch?.state.columnRow as SourceRow | undefined;
  const at = later ? -1 : metadata ? rows.findIndex((r) => aliases.resolve(readHeader(r.cells)).has('search_query')) : -1;
  const columnRow = later ?? (metadata ? rows[at] : undefined);
  if (context.batch && columnRow) context.batch.state.columnRow = columnRow;
  if (metadata && !columnRow) return refusal(context, 'missing_header', say('sqp_missing_header'));
  const columnHeader = columnRow ? readHeader(columnRow.cells) : header;
  const columns = aliases.resolve(columnHeader);
  const missing = sqpCsvRequired.filter((f) => !columns.has(f));
  if (missing.length > 0) return missingColumns(context, missing, columnRow?.line);
  const fields = new FieldReader(context.file, columns, []);
  const data = metadata && !later ? rows.slice(at + 1) : rows;
  const defaults = defaultsOf(metadata, columns, context);
  if ('code' in defaults) return { rows: 0, tables: {}, period: null, evidence: {}, problems: [defaults] };
  const funnel = data.map((source) => rowOf(source, fields, defaults.asin)).filter((r): r is CanonicalRow => r !== null)
    .map((r) => ({ date_from: defaults.from, date_to: defaults.to, ...r }));
  return {
    rows: data.length,
    tables: { search_funnel: funnel },
    period: { from: defaults.from, to: defaults.to },
    evidence: { amazonIds: metadata?.marketplaceIds ?? [], currencies: [...fields.currencies] },
    problems: fields.problems,
  };
}

function defaultsOf(metadata: SqpMetadata | null, columns: Map<string, HeaderColumn>, context: FamilyContext): { asin: string | null; from: string; to: string } | Problem {
  const problem = (message: string): Problem => ({ code: 'missing_metadata', severity: 'error', file: context.file, line: 1, message });
  if (!metadata?.from || !metadata.to) return problem('the first line should name the week or month (e.g. Select week=["Week 5 | 2026-01-25 - 2026-01-31 2026"]): keep the file as downloaded');
  if (metadata.asins.length > 1 && !columns.has('asin')) return problem(`the file covers several ASINs (${metadata.asins.join(', ')}) but its rows do not say which: download one ASIN per file`);
  const asin = metadata.asins[0] ?? null;
  if (!asin && !columns.has('asin')) return problem('no ASIN: the first line should read ASIN or Product=["B0…"]');
  return { asin, from: metadata.from, to: metadata.to };
}

function rowOf(source: SourceRow, fields: FieldReader, asin: string | null): CanonicalRow | null {
  const row = fields.row(source);
  const searchQuery = row.text('search_query');
  const rowAsin = row.text('asin') ?? asin;
  if (!requireValue(fields, row, 'search_query', searchQuery) || !requireValue(fields, row, 'asin', rowAsin)) return null;
  const clickPrice = row.money('click_median_price');
  const purchasePrice = row.money('purchase_median_price');
  return {
    source: 'sqp', asin: rowAsin, search_query: searchQuery,
    search_query_score: row.int('search_query_score'), search_query_volume: row.int('search_query_volume'),
    impressions: row.int('impressions'), clicks: row.int('clicks'), cart_adds: row.int('cart_adds'), purchases: row.int('purchases'),
    market_impressions: row.int('market_impressions'), market_clicks: row.int('market_clicks'),
    market_cart_adds: row.int('market_cart_adds'), market_purchases: row.int('market_purchases'),
    search_sales: null,
    click_median_price: clickPrice?.amount ?? null, purchase_median_price: purchasePrice?.amount ?? null,
    currency: clickPrice?.currency ?? purchasePrice?.currency ?? null,
  };
}

function missingColumns(context: FamilyContext, missing: readonly string[], line: number | undefined): FamilyOutput {
  const problems = missing.map((f): Problem => fileProblem('missing_column_named', {
    report: sqpCsv.name, column: aliases.expected(f), where: line ? { en: ` on line ${line}`, zh: `（第 ${line} 行）` } : '',
  }, { code: 'missing_column', file: context.file, line, column: aliases.aliases[f]?.[0] ?? f }));
  return { rows: 0, tables: {}, period: null, evidence: {}, problems };
}

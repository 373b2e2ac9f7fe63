import type { AdLevel, AdType } from '../ads-common/ad-levels.ts';
import type { BulkKind, BulkPlan } from '../bulk-plan.ts';
import type { HeaderColumn } from '../header.ts';
import { cellText, type SourceRow } from '../table.ts';
import type { AdsConsoleField as Field } from './aliases.ts';
import { attributionDaysOf } from './report-shape.ts';

/** Text columns and how read-rows.ts cleans them (unescaped: cleanText; upper: upperOrNull). */
const dimensions: readonly [string, Field, BulkKind][] = [
  ['portfolio', 'portfolio', 'unescaped'], ['campaign', 'campaign', 'unescaped'], ['ad_group', 'ad_group', 'unescaped'],
  ['targeting', 'targeting', 'unescaped'], ['match_type', 'match_type', 'text'], ['search_term', 'search_term', 'unescaped'],
  ['advertised_sku', 'advertised_sku', 'text'], ['advertised_asin', 'advertised_asin', 'upper'], ['placement', 'placement', 'text'],
  ['purchased_asin', 'purchased_asin', 'upper'], ['currency', 'currency', 'upper'],
];
const counts: readonly Field[] = ['impressions', 'clicks', 'orders', 'units', 'units_same_sku', 'units_other_sku'];
const amounts: readonly Field[] = ['spend', 'sales', 'sales_same_sku', 'sales_other_sku'];
const moneyCells: readonly Field[] = ['spend', 'sales'];

/**
 * The same rows as readConsoleRows, loaded by DuckDB's CSV reader: for search-term and other
 * console CSVs too large to read as rows. Layouts whose rows need judgement go through rows:
 * Sponsored Display (vCPM impressions), purchased product (its orders column), comma decimals.
 */
export function consoleBulkPlan(adType: AdType, level: AdLevel, columns: ReadonlyMap<string, HeaderColumn>, sample: readonly SourceRow[]): BulkPlan | undefined {
  // vCPM rows (SD, and SB since its reports carry `Cost type`) count viewable impressions: judged row by row
  if (adType === 'SD' || columns.has('cost_type') || level === 'purchased_product') return undefined;
  if (commaDecimals(columns, sample)) return undefined;
  const daily = columns.has('date');
  if (!daily && !(columns.has('start_date') && columns.has('end_date'))) return undefined;
  return {
    table: 'ads',
    dateFormats: ['%b %d, %Y', '%m/%d/%Y', '%Y-%m-%d'],
    dateFrom: 'date_from',
    dateTo: 'date_to',
    columns: [
      { column: 'date_from', field: daily ? 'date' : 'start_date', kind: 'date' },
      { column: 'date_to', field: daily ? 'date' : 'end_date', kind: 'date' },
      { column: 'ad_type', constant: adType },
      { column: 'level', constant: level },
      { column: 'attribution_days', constant: attributionDaysOf(columns, adType) },
      ...dimensions.map(([column, field, kind]) => ({ column, field, kind })),
      ...counts.map((field) => ({ column: field, field, kind: 'int' as const })),
      ...amounts.map((field) => ({ column: field, field, kind: 'money' as const })),
    ],
  };
}

/** `1.234,56 €` or `12,50`: a locale whose decimal mark the SQL cleaning does not read. */
function commaDecimals(columns: ReadonlyMap<string, HeaderColumn>, sample: readonly SourceRow[]): boolean {
  return moneyCells.some((field) => {
    const index = columns.get(field)?.index;
    return index !== undefined && sample.some((row) => /\d,\d{1,2}(\s*\D*)$/.test(cellText(row.cells[index]).trim()));
  });
}

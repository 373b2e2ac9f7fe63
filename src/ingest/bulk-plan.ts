import type { HeaderColumn } from './header.ts';
import type { SourceRow } from './table.ts';

/**
 * How a large CSV of one report family loads straight through DuckDB's CSV reader, with the
 * cleaning done in SQL, instead of through JavaScript rows (a 1 GB search-term report would not
 * fit in memory as rows). Declared by the family beside its row reader; a test keeps the two
 * paths giving the same rows.
 */
/** text; upper: upper-cased text (ASINs, currency codes); unescaped: text with the SP campaign CSV's `\"` turned back into `"` */
export type BulkKind = 'text' | 'upper' | 'unescaped' | 'int' | 'money' | 'date';

export type BulkColumn =
  | { column: string; field: string; kind: BulkKind }
  | { column: string; constant: string | number | null };

export interface BulkPlan {
  table: string;
  columns: readonly BulkColumn[];
  /** strptime formats tried in order for `date` fields */
  dateFormats: readonly string[];
  /** the canonical columns that date a row, for the period and the replacement of older rows */
  dateFrom: string;
  dateTo: string;
}

/** A family's bulk plan for one header and the file's first rows, or undefined when the file must go through rows. */
export type BulkPlanner = (columns: ReadonlyMap<string, HeaderColumn>, sample: readonly SourceRow[]) => BulkPlan | undefined;

/**
 * A report as rows of raw cells, before anything knows which report it is.
 * CSV/TSV cells are strings; XLSX cells keep their type (numbers stay numbers, dates are Dates).
 */
export type Cell = string | number | boolean | Date | null;

export interface SourceRow {
  /** 1-based line in the file (the row number in a sheet) where the row starts */
  line: number;
  cells: Cell[];
}

/** How many leading rows may hold a preamble before the header (FORMATS §0). */
export const headerSearchDepth = 20;

/** A preamble longer than that is followed while its rows are notes (one cell each), up to this many rows. */
export const longestPreamble = 10_000;

/** Where the header search ends: the first `headerSearchDepth` rows, and on past them while the rows are notes
 * (the pt-BR payments report has 9, a report with more notes is still read); bounded by `longestPreamble`. */
export function headerSearchEnd(rows: readonly SourceRow[]): number {
  let end = Math.min(headerSearchDepth, rows.length);
  while (end < Math.min(rows.length, longestPreamble) && isNote(rows[end - 1])) end++;
  return end;
}

const isNote = (row: SourceRow | undefined): boolean => (row?.cells.filter((c) => cellText(c).trim() !== '').length ?? 0) <= 1;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

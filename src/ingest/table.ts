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

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

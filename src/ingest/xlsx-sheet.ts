import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Cell, SourceRow } from './table.ts';

/**
 * The first sheet of a workbook, streamed (exceljs WorkbookReader; see STACK.md). Sheet names are cut
 * to 31 characters by Amazon, so the first sheet is taken whatever it is called.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit',
  });
  const rows: SourceRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, toCell);
      if (cells.some((c) => c !== null && c !== '')) rows.push({ line: row.number, cells });
    }
    break;
  }
  return rows;
}

/** Raw cell value: formulas give their result, rich text its plain text, errors nothing. */
function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Cell, SourceRow } from './table.ts';

/**
 * The first sheet of a workbook, streamed (exceljs WorkbookReader; see STACK.md) in groups of rows.
 * Sheet names are cut to 31 characters by Amazon, so the first sheet is taken whatever it is called.
 * Check the workbook is whole first (xlsx-complete.ts): exceljs stops quietly where a damaged file ends.
 */
export async function* sheetRowGroups(input: string | Uint8Array, groupRows = 1000, sheets: 'first' | 'all' = 'first'): AsyncGenerator<SourceRow[]> {
  // exceljs loads with the first workbook read, not with every command that opens the database
  const { default: excel } = await import('exceljs');
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1024 * 1024 }) : Readable.from([Buffer.from(input)]);
  const reader = new excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit',
  });
  try {
    let group: SourceRow[] = [];
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, toCell);
        if (cells.some((c) => c !== null && c !== '')) group.push({ line: row.number, cells });
        if (group.length >= groupRows) {
          yield group;
          group = [];
        }
      }
      // a bulk file holds one sheet per ad product (its reader asks for all of them)
      if (sheets === 'first') break;
    }
    if (group.length > 0) yield group;
  } finally {
    stream.destroy();
  }
}

/** The first sheet's rows, all at once (small workbooks and tests). */
export async function readFirstSheet(bytes: Uint8Array): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const group of sheetRowGroups(bytes)) rows.push(...group);
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

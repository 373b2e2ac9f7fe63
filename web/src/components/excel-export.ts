import { currencyExponent } from '../../../src/domain/currencies.ts';
import { neutraliseCell } from '../../../src/domain/formula-cells.ts';

/**
 * Writes a table to an .xlsx file in the browser and downloads it. exceljs is ~1 MB, so it is
 * imported on the first export only (its own chunk). Numbers stay numbers, with an Excel number
 * format per the catalog's format (money carries its currency in the format, as cells may differ).
 */
export interface ExportCell { value: string | number | null; format?: string | undefined; currency?: string | null | undefined }

const numberFormats: Record<string, string> = {
  int: '#,##0', dec1: '#,##0.0', dec2: '#,##0.00', pct1: '0.0%', pct2: '0.00%', money: '#,##0.00',
};

export function excelFormat(format: string | undefined, currency?: string | null): string | undefined {
  if (!format) return undefined;
  if (format === 'money' && currency) {
    // the currency's own digits (ISO 4217: JPY whole, KWD three places)
    const digits = currencyExponent(currency);
    return `${digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`} "${currency}"`;
  }
  return numberFormats[format] ?? '#,##0.00';
}

export async function downloadXlsx(fileName: string, sheetName: string, headers: string[], rows: ExportCell[][]): Promise<void> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(headers).font = { bold: true };
  for (const cells of rows) {
    // a text cell that Excel would run as a formula (a shopper's search term `=HYPERLINK(…)`) stays text
    const row = sheet.addRow(cells.map((c) => neutraliseCell(c.value)));
    cells.forEach((c, i) => {
      const numFmt = typeof c.value === 'number' ? excelFormat(c.format, c.currency) : undefined;
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
  }
  headers.forEach((h, i) => { sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length + 4)); });
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

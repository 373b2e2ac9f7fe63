import ExcelJS from 'exceljs';
import { neutraliseCell } from '../domain/formula-cells.ts';
import type { ReportDocument } from './document.ts';
import { excelFormat, unknownMark } from './format.ts';

/**
 * XLSX: a cover sheet, then one sheet per section with its tables one under another; numbers stay
 * numbers with number formats (percent, money with its currency code), headers bold, the first header row frozen.
 */
const sheetName = (name: string, used: Set<string>) => {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
};

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Asterism';
  const used = new Set<string>();
  const cover = book.addWorksheet(sheetName(doc.lang === 'zh' ? '概要' : 'Summary', used));
  cover.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const m of doc.meta) cover.addRow([m.label, neutraliseCell(m.value)]).getCell(1).font = { bold: true };
  for (const p of doc.problems) cover.addRow([neutraliseCell(p)]);
  cover.getColumn(1).width = 22;
  cover.getColumn(2).width = 80;
  for (const s of doc.sections) {
    const sheet = book.addWorksheet(sheetName(s.title, used));
    const widths: number[] = [];
    let frozen = false;
    if (s.tables.length === 0) sheet.addRow([s.empty ?? '']);
    for (const tb of s.tables) {
      if (tb.title) sheet.addRow([tb.title]).font = { bold: true, italic: true };
      const header = sheet.addRow(tb.columns);
      header.font = { bold: true };
      header.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F4F8' } }; });
      // the first table's header stays in view while scrolling
      if (!frozen) { sheet.views = [{ state: 'frozen', ySplit: header.number }]; frozen = true; }
      for (const r of tb.rows) {
        // text that a spreadsheet would run as a formula stays text; numbers stay numbers
        const row = sheet.addRow(r.map((c) => (c.v === null ? unknownMark : neutraliseCell(c.v))));
        r.forEach((c, i) => {
          const fmt = excelFormat(c);
          const target = row.getCell(i + 1);
          if (typeof c.v === 'number' && fmt) target.numFmt = fmt;
          if (c.tone === 'good') target.font = { color: { argb: 'FF1E7B3C' } };
          if (c.tone === 'bad') target.font = { color: { argb: 'FFC0392B' } };
          if (c.v === null) target.alignment = { horizontal: 'right' };
        });
      }
      tb.columns.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 8, Math.min(50, c.length + 4)); });
      sheet.addRow([]);
    }
    for (const n of s.notes) sheet.addRow([neutraliseCell(n)]).font = { italic: true, color: { argb: 'FF52606D' } };
    widths.forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

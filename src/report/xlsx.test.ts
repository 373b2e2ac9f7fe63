import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { money, num, text, type ReportDocument } from './document.ts';
import { renderXlsx } from './xlsx.ts';

test('XLSX: formula-like search terms are written as text with a leading quote; -12.5 stays a number', async () => {
  const doc: ReportDocument = {
    lang: 'en', title: 'Weekly review', meta: [{ label: 'Owner', value: '=cmd|\' /C calc\'!A0' }], problems: [],
    sections: [{
      id: 'terms', title: 'Search terms', charts: [], notes: [], empty: null,
      tables: [{ title: null, columns: ['Search term', 'Spend', 'Change'], rows: [
        [text('=HYPERLINK("http://evil.example","x")'), money(-12.5, 'USD'), num(-3)],
        [text('+1'), money(1, 'USD'), num(0)],
        [text('-cmd'), money(2, 'USD'), num(1)],
        [text('@SUM(A1:A9)'), money(3, 'USD'), num(2)],
      ] }],
    }],
  };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await renderXlsx(doc) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Search terms');
  const values = [2, 3, 4, 5].map((r) => [sheet?.getRow(r).getCell(1).value, sheet?.getRow(r).getCell(2).value]);
  expect(values).toEqual([
    [`'=HYPERLINK("http://evil.example","x")`, -12.5],
    [`'+1`, 1],
    [`'-cmd`, 2],
    [`'@SUM(A1:A9)`, 3],
  ]);
  expect(sheet?.getRow(2).getCell(3).value).toBe(-3);
  expect(book.getWorksheet('Summary')?.getRow(2).getCell(2).value).toBe(`'=cmd|' /C calc'!A0`);
});

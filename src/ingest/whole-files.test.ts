import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Database } from '../store/database.ts';
import { parseDelimited } from './delimited-text.ts';
import { importFiles } from './import-files.ts';
import { ownFixture, withTempDb } from './testing.ts';

/** Issue 14, "whole files or a clear no": what is refused, by name, with line, column and value, and what still imports. */
const brChild = readFileSync(ownFixture('br-child-uk-2025-sku.csv'), 'utf8');
const payments = readFileSync(ownFixture('payments-transactions/date-range-pst-pdt.csv'), 'utf8');
const week = { from: '2026-10-01', to: '2026-10-07' };

const counts = async (db: Database) => db.all(`SELECT (SELECT count(*) FROM import_log) AS log, (SELECT count(*) FROM traffic) AS traffic,
  (SELECT count(*) FROM transactions) AS transactions, (SELECT count(*) FROM costs) AS costs`);

async function importOne(db: Database, path: string, options: Record<string, string> = week) {
  const [result] = (await importFiles(db, [path], options)).files;
  if (!result) throw new Error('no result');
  return result;
}

/** The CSV with one column's cells (after the header on `headerLine`) replaced. */
function withColumn(text: string, headerLine: number, column: string, value: (line: number, old: string) => string): string {
  const rows = parseDelimited(text);
  const header = rows.find((r) => r.line === headerLine)?.cells ?? [];
  const index = header.findIndex((c) => String(c).replace(/^\uFEFF/, '') === column);
  if (index < 0) throw new Error(`no column ${column}`);
  const quote = (c: unknown) => `"${String(c).replace(/"/g, '""')}"`;
  return rows.map((r) => (r.line > headerLine ? r.cells.map((c, i) => (i === index ? value(r.line, String(c)) : c)) : r.cells).map(quote).join(',')).join('\r\n') + '\r\n';
}

describe('a required column present but empty on every row', () => {
  test('payments: "product sales" blanked on a real-layout file is refused by name, and nothing is written', () =>
    withTempDb(async (db, dir) => {
      const before = await counts(db);
      const path = join(dir, 'no-product-sales.csv');
      // the header is on line 8 after the seven preamble lines
      writeFileSync(path, withColumn(payments, 8, 'product sales', () => ''));
      const r = await importOne(db, path, {});
      expect(r.status).toBe('error');
      expect(r.problems[0]).toMatchObject({ code: 'empty_column', column: 'product sales', line: 8, file: 'no-product-sales.csv' });
      expect(r.error).toMatch(/column "product sales" \(header on line 8\) is empty on all 4 rows/);
      expect(r.error_zh).toMatch(/列“product sales”（表头在第 8 行）在全部 4 行中都是空的/);
      expect(await counts(db)).toEqual(before);
    }));

  test('payments: the untouched file imports (the check refuses only an empty column)', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'payments.csv');
      writeFileSync(path, payments);
      expect(await importOne(db, path, {})).toMatchObject({ status: 'imported', rows: 4 });
    }));

  test('payments: the "product sales" column missing altogether is refused by name', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'cut.csv');
      writeFileSync(path, payments.replace('"product sales"', '"something else"'));
      const r = await importOne(db, path, {});
      expect(r).toMatchObject({ status: 'error' });
      expect(r.problems[0]).toMatchObject({ code: 'missing_column', line: 8 });
      expect(r.error).toMatch(/required column .*product sales.* is missing from the header on line 8/);
    }));

  test('Business Report: "Sessions – Total" blanked is refused by name', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'no-sessions.csv');
      writeFileSync(path, withColumn(brChild, 1, 'Sessions – Total', () => ''));
      const r = await importOne(db, path);
      expect(r.problems[0]).toMatchObject({ code: 'empty_column', severity: 'error', column: 'Sessions – Total', line: 1 });
    }));

  test('costs: freight per unit empty on every row imports with a warning naming the column (freight stays unknown)', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'costs.csv');
      writeFileSync(path, '\uFEFFSKU,生效日期,币种,单位成本,单位头程运费\nKM-001,2026-01-01,CNY,35.50,\nKM-002,2026-01-01,CNY,12.00,\n');
      const r = await importOne(db, path, {});
      expect(r.status).toBe('imported');
      expect(r.problems).toEqual([expect.objectContaining({ code: 'empty_column', severity: 'warning', column: '单位头程运费' })]);
      expect(await db.all('SELECT sku, CAST(freight_per_unit AS VARCHAR) AS freight FROM costs ORDER BY sku')).toEqual([
        { sku: 'KM-001', freight: null }, { sku: 'KM-002', freight: null },
      ]);
    }));

  test('costs: no freight column at all imports with a warning', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'costs.csv');
      writeFileSync(path, 'sku,effective_from,currency,unit_cost\nKM-001,2026-01-01,CNY,35.50\n');
      const r = await importOne(db, path, {});
      expect(r.status).toBe('imported');
      expect(r.problems).toEqual([expect.objectContaining({ code: 'absent_column', severity: 'warning', column: 'freight_per_unit' })]);
    }));
});

describe('identifiers by their shape', () => {
  test('a formula as an ASIN is refused with its line, column and value', () =>
    withTempDb(async (db, dir) => {
      const before = await counts(db);
      const path = join(dir, 'formula.csv');
      writeFileSync(path, withColumn(brChild, 1, '(Child) ASIN', (line, old) => (line === 3 ? '=HYPERLINK("http://evil.example","B0CCCCCCC2")' : old)));
      const r = await importOne(db, path);
      expect(r.status).toBe('error');
      expect(r.problems[0]).toMatchObject({ code: 'formula_value', line: 3, column: '(Child) ASIN', file: 'formula.csv' });
      expect(r.error).toBe('line 3, column "(Child) ASIN": "=HYPERLINK("http://evil.example","B0CCCCCCC2")" is a spreadsheet formula, not an ASIN (B0 and 8 letters or digits, or a 10-digit ISBN)');
      expect(await counts(db)).toEqual(before);
    }));

  test('an ASIN of an unusual shape is kept, and named once with its line, column and value', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'odd.csv');
      writeFileSync(path, withColumn(brChild, 1, '(Child) ASIN', (line, old) => (line >= 3 ? 'B0SHORT' : old)));
      const r = await importOne(db, path);
      expect(r.status).toBe('imported');
      // lines 3, 4 and 5 hold it: one warning, for line 3
      expect(r.problems).toEqual([expect.objectContaining({ code: 'odd_identifier', severity: 'warning', line: 3, column: '(Child) ASIN' })]);
      expect(r.problems[0]?.message).toBe('line 3, column "(Child) ASIN": "B0SHORT" does not look like an ASIN (B0 and 8 letters or digits, or a 10-digit ISBN) (kept as given; later rows are not checked again)');
    }));

  test('a SKU with a control character is refused; one starting with "-" is not', () =>
    withTempDb(async (db, dir) => {
      const bad = join(dir, 'control.csv');
      writeFileSync(bad, withColumn(brChild, 1, 'SKU', (line, old) => (line === 2 ? 'ONI\u0007001' : old)));
      const r = await importOne(db, bad);
      expect(r.problems[0]).toMatchObject({ code: 'control_characters', line: 2, column: 'SKU' });
      expect(r.error).toContain('"ONI\\u0007001"');
      const dash = join(dir, 'dash.csv');
      writeFileSync(dash, withColumn(brChild, 1, 'SKU', (line, old) => (line === 2 ? '-ONI-001' : old)));
      expect(await importOne(db, dash)).toMatchObject({ status: 'imported' });
    }));
});

describe('a damaged file fails alone', () => {
  test('a truncated CSV is still refused', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'cut.csv');
      writeFileSync(path, brChild.slice(0, brChild.indexOf('HON-002,343') + 20));
      const r = await importOne(db, path);
      expect(r.error).toMatch(/ends in the middle of line 4 .*cut off/);
      expect(r.error_zh).toMatch(/文件在第 4 行中间结束/);
    }));

  test('a corrupt XLSX between two good files: three results, the middle one an error naming the file', () =>
    withTempDb(async (db, dir) => {
      const good = join(dir, 'good.xlsx');
      writeFileSync(good, await workbookOf(brChild));
      const bytes = readFileSync(good);
      const corrupt = join(dir, 'corrupt.xlsx');
      writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const csv = join(dir, 'payments.csv');
      writeFileSync(csv, payments);
      const { files } = await importFiles(db, [good, corrupt, csv], week);
      expect(files.map((f) => [f.file, f.status])).toEqual([[good, 'imported'], [corrupt, 'error'], [csv, 'imported']]);
      expect(files[1]?.problems[0]).toMatchObject({ file: 'corrupt.xlsx', severity: 'error' });
      expect(files[1]?.error).toMatch(/^corrupt\.xlsx is damaged and cannot be opened \(.+\): nothing was imported from it; download it again$/);
      expect(files[1]?.error_zh).toMatch(/^corrupt\.xlsx 已损坏，无法打开/);
    }));
});

/** The Business Report rows as the first sheet of a workbook (what "Download (.xlsx)" would give). */
async function workbookOf(csv: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Detail Page Sales and Traffic');
  for (const row of parseDelimited(csv.replace(/^\uFEFF/, ''))) sheet.addRow(row.cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

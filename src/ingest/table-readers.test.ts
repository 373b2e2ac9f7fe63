import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { parseDelimited, sniffDelimiter } from './delimited-text.ts';
import { decodeSource, decodeText } from './source-file.ts';
import { readFirstSheet } from './xlsx-sheet.ts';

describe('decoding', () => {
  test.each([
    [[0xef, 0xbb, 0xbf, 0x41], 'A', 'utf-8'],
    [[0xff, 0xfe, 0x41, 0x00], 'A', 'utf-16le'],
    [[0xfe, 0xff, 0x00, 0x41], 'A', 'utf-16be'],
    [[0x41, 0xe2, 0x80, 0x93], 'A–', 'utf-8'],
    [[0x41, 0x96, 0xa0], 'A–\u00a0', 'windows-1252'], // cp1252 FBA downloads: 0x96 is an en dash
    // Shift_JIS 日付/時間,決済番号 (Seller Central JP): a Japanese header decides
    [[0x93, 0xfa, 0x95, 0x74, 0x2f, 0x8e, 0x9e, 0x8a, 0xd4, 0x2c, 0x8c, 0x88, 0x8d, 0xcf, 0x94, 0xd4, 0x8d, 0x86], '日付/時間,決済番号', 'shift_jis'],
    // valid Shift_JIS byte by byte (0x96 0x41 would be a kanji), but an English header: windows-1252
    [[0x53, 0x4b, 0x55, 0x0a, 0x96, 0x41], 'SKU\n–A', 'windows-1252'],
  ])('%j', (bytes, text, encoding) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, encoding });
  });

  test('kind and line endings come from the bytes', () => {
    const csv = decodeSource('x.csv', new TextEncoder().encode('a,b\r\n1,2\r\n'));
    expect(csv).toMatchObject({ kind: 'text', lineEnding: 'crlf', name: 'x.csv' });
    expect(csv.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(decodeSource('x.json', new TextEncoder().encode(' {"a":1}')).kind).toBe('json');
  });
});

describe('delimited text', () => {
  test('sniffs tab, comma and semicolon from the widest early line', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(sniffDelimiter('"x, y",b,c\n')).toBe(',');
    expect(sniffDelimiter('note: a, b\na;b;c;d\n')).toBe(';');
  });

  test('quotes, doubled quotes, multi-line cells, CRLF and blank lines keep their line numbers', () => {
    const rows = parseDelimited('h1,h2\r\n"a ""q""",b\r\n\r\n"multi\nline",c\nlast,"1,356"\n', ',');
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a "q"', 'b'] },
      { line: 4, cells: ['multi\nline', 'c'] },
      { line: 6, cells: ['last', '1,356'] },
    ]);
  });

  test('Amazon backslash quirk reads as RFC 4180 does', () => {
    expect(parseDelimited('"31\\"" x 19\\""-Auto",x\n', ',')[0]?.cells).toEqual(['31\\" x 19\\"-Auto', 'x']);
  });
});

test('xlsx: first sheet, raw values (numbers, percent fractions, dates)', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sponsored Product Search Term R');
  sheet.addRow(['Date', 'Impressions', 'Click-Thru Rate (CTR)', 'Spend']);
  sheet.addRow([new Date(Date.UTC(2020, 1, 1)), 1356, 0.0714, 12.5]);
  sheet.getCell('C2').numFmt = '0.00%';
  workbook.addWorksheet('Second').addRow(['ignored']);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  expect(decodeSource('r.xlsx', bytes).kind).toBe('xlsx');
  const rows = await readFirstSheet(bytes);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toEqual({ line: 1, cells: ['Date', 'Impressions', 'Click-Thru Rate (CTR)', 'Spend'] });
  expect(rows[1]?.line).toBe(2);
  expect(rows[1]?.cells.slice(1)).toEqual([1356, 0.0714, 12.5]);
  expect((rows[1]?.cells[0] as Date).toISOString().slice(0, 10)).toBe('2020-02-01');
});

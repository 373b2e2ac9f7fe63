/**
 * Files are read in chunks and handed to families in batches (bounded memory): the answers must be
 * those of reading the whole file at once, and files that cannot be read whole safely are refused.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import type { Database } from '../store/database.ts';
import { MergedOutput, problemsKept } from './batch-output.ts';
import { DelimitedSplitter, parseDelimited } from './delimited-text.ts';
import type { ImportOptions } from './family.ts';
import { importFiles } from './import-files.ts';
import { readLimits } from './read-report.ts';
import { sourceLimits } from './source-file.ts';
import { ownFixture, withTempDb } from './testing.ts';
import { EncodingRestart, textChunks } from './text-chunks.ts';
import { workbookDamage } from './xlsx-complete.ts';

const defaults = { ...readLimits, ...sourceLimits };
afterEach(() => {
  readLimits.batchRows = defaults.batchRows;
  Object.assign(sourceLimits, { chunkBytes: defaults.chunkBytes, inflateFloorBytes: defaults.inflateFloorBytes, wholeBytes: defaults.wholeBytes });
});

describe('the delimited splitter fed in pieces', () => {
  // CR, CRLF, doubled quotes and quoted line ends, each of which may fall on a chunk boundary
  const text = 'h1,h2,h3\r\n"a ""q""",b,\r\r\n"multi\r\nline",c,"x"\n\nlast,"1,356",""""\r';
  test('reads what the whole text reads, split anywhere', () => {
    const whole = parseDelimited(text, ',');
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 7]); // line 3 is blank (CR then CRLF), line 4's cell holds a line end
    for (let cut = 0; cut <= text.length; cut++) {
      const splitter = new DelimitedSplitter(',');
      const rows = splitter.push(text.slice(0, cut));
      splitter.push(text.slice(cut), rows);
      expect(splitter.end(rows), `cut at ${cut}`).toEqual(whole);
    }
    const byChar = new DelimitedSplitter(',');
    const rows: ReturnType<typeof parseDelimited> = [];
    for (const ch of text) byChar.push(ch, rows);
    expect(byChar.end(rows)).toEqual(whole);
    expect(byChar.lastChar).toBe('\r');
  });
});

describe('encodings told apart while streaming', () => {
  test('a windows-1252 byte after the first megabyte: read again from the start as windows-1252', () =>
    withTempDb(async (_db, dir) => {
      const path = join(dir, 'late-cp1252.csv');
      const ascii = Buffer.from('sku,name\n' + 'A-1,plain\n'.repeat(200_000)); // 2 MB of ASCII
      writeFileSync(path, Buffer.concat([ascii, Buffer.from([0x42, 0x2c, 0x96, 0x0a])]));
      const seen: string[] = [];
      await expect((async () => {
        for await (const chunk of textChunks(path, 'auto')) seen.push(chunk);
      })()).rejects.toEqual(new EncodingRestart('windows-1252'));
      expect(seen.length).toBeGreaterThan(0); // text was handed on before the byte was met
      let again = '';
      for await (const chunk of textChunks(path, 'windows-1252')) again += chunk;
      expect(again.endsWith('B,–\n')).toBe(true);
      expect(again.length).toBe(ascii.length + 4);
    }));

  test('a Shift_JIS file whose first chunk is plain ASCII still reads as Shift_JIS', () =>
    withTempDb(async (_db, dir) => {
      sourceLimits.chunkBytes = 5;
      const path = join(dir, 'sjis.csv');
      // "sku,日付\n" in Shift_JIS: 日 = 93 FA, 付 = 95 74
      writeFileSync(path, Buffer.from([0x73, 0x6b, 0x75, 0x2c, 0x93, 0xfa, 0x95, 0x74, 0x0a]));
      let text = '';
      for await (const chunk of textChunks(path, 'auto')) text += chunk;
      expect(text).toBe('sku,日付\n');
    }));
});

/** Every canonical row an import left, as text, sorted (import ids left out). */
async function dump(db: Database, tables: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const table of tables) {
    const rows = await db.all(`SELECT * EXCLUDE (import_id) FROM ${table}`);
    out.push(...rows.map((r) => `${table} ${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`));
  }
  return out.sort();
}

async function importTwice(file: string, tables: readonly string[], options: ImportOptions = {}) {
  const read = () => withTempDb(async (db) => ({ result: (await importFiles(db, [file], options)).files[0], rows: await dump(db, tables) }));
  const whole = await read();
  readLimits.batchRows = 1;
  sourceLimits.chunkBytes = 7;
  const pieces = await read();
  return { whole, pieces };
}

describe('a file read in 1-row batches and 7-byte chunks answers as one read whole', () => {
  test.each([
    ['all-orders/us-2026-03.tsv', ['order_items'], {}],
    ['fba-manage-inventory/manage-inventory-cp1252.csv', ['inventory_snapshots'], { marketplace: 'US', date: '2026-03-01' }],
    ['br-child-uk-2025-sku.csv', ['br_sales', 'traffic'], { from: '2025-07-01', to: '2025-07-31' }],
  ] as const)('%s', async (name, tables, options) => {
    const { whole, pieces } = await importTwice(ownFixture(name), tables, options);
    expect(whole.result?.status, whole.result?.error ?? '').toBe('imported');
    expect(whole.rows.length).toBeGreaterThan(1);
    expect(pieces.rows).toEqual(whole.rows);
    expect({ ...pieces.result, file: '' }).toEqual({ ...whole.result, file: '' });
  });

  test('a bad value deep in the file is refused with its own line, and nothing is written', async () => {
    const { whole, pieces } = await importTwice(ownFixture('br-child-bad-number.csv'), ['br_sales', 'traffic'], { from: '2025-07-01', to: '2025-07-31' });
    expect(whole.result?.status).toBe('error');
    expect(whole.result?.problems[0]).toMatchObject({ code: 'bad_value', line: 3 });
    expect(pieces.result).toEqual(whole.result);
    expect(pieces.rows).toEqual([]);
  });
});

describe('compressed and whole-read inputs are bounded', () => {
  test('a gzip file imports as the same file uncompressed', () =>
    withTempDb(async (db, dir) => {
      const path = join(dir, 'orders.tsv.gz');
      writeFileSync(path, gzipSync(readFileSync(ownFixture('all-orders/us-2026-03.tsv'))));
      const [result] = (await importFiles(db, [path])).files;
      expect(result).toMatchObject({ status: 'imported', type: 'all_orders' });
      const items = Number((await db.all('SELECT count(*) AS n FROM order_items'))[0]?.n);
      expect(items).toBeGreaterThan(1);
      const [plain] = (await importFiles(db, [ownFixture('all-orders/us-2026-03.tsv')])).files;
      expect(plain).toMatchObject({ status: 'imported', rows: result?.rows, replaced: items });
    }));

  test('a gzip bomb is refused once it inflates past 100× its size, writing nothing', () =>
    withTempDb(async (db, dir) => {
      sourceLimits.inflateFloorBytes = 1024 * 1024;
      const path = join(dir, 'bomb.csv.gz');
      const [header, row] = readFileSync(ownFixture('all-orders/us-2026-03.tsv'), 'utf8').split('\n');
      const bomb = gzipSync(Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(8 * 1024 * 1024, `${row}\n`)]));
      writeFileSync(path, bomb);
      // 8 MB of one repeated row compress to under 50 KB: the limit is max(100 × that, 1 MB) < 5 MB < 8 MB
      expect(bomb.length).toBeLessThan(50_000);
      const [result] = (await importFiles(db, [path])).files;
      expect(result).toMatchObject({ status: 'error' });
      expect(result?.problems[0]).toMatchObject({ code: 'too_compressed' });
      expect((await db.all('SELECT count(*) AS n FROM import_log'))[0]?.n).toBe('0');
    }));
  // JSON: json-stream.test.ts (streamed reports are not held to the whole-read limit; Brand Analytics still is)
});

describe('a workbook cut short is refused, never half imported', () => {
  async function workbook(rows: number): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['Date', 'Campaign Name', 'Impressions']);
    for (let i = 0; i < rows; i++) sheet.addRow([`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, `Campaign ${i} ${'x'.repeat(i % 50)}`, i]);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  test('a whole workbook passes; the same cut anywhere in its second half does not', async () => {
    const whole = await workbook(3000);
    expect(await workbookDamage(new Uint8Array(whole))).toBeNull();
    for (const fraction of [0.5, 0.8, 0.99]) {
      expect(await workbookDamage(new Uint8Array(whole.subarray(0, Math.floor(whole.length * fraction)))), `cut at ${fraction}`).toMatch(/cut short|damaged/);
    }
  });

  test('importing the cut file answers "truncated" and writes nothing', () =>
    withTempDb(async (db, dir) => {
      const whole = await workbook(3000);
      const path = join(dir, 'cut.xlsx');
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
      const [result] = (await importFiles(db, [path], { marketplace: 'US' })).files;
      expect(result).toMatchObject({ status: 'error' });
      expect(result?.problems[0]).toMatchObject({ code: 'truncated', file: 'cut.xlsx' });
      expect((await db.all('SELECT count(*) AS n FROM import_log'))[0]?.n).toBe('0');
    }));
});

test('problems past the first thousand are counted, not kept', () => {
  const merged = new MergedOutput();
  const bad = (line: number) => ({ code: 'bad_value', severity: 'error' as const, file: 'f.csv', line, message: `line ${line}` });
  // two batches: 600 + 600 errors = 1,200, of which 1,000 are kept and 200 counted
  merged.add({ rows: 600, tables: {}, period: { from: '2026-10-02', to: '2026-10-09' }, evidence: { currencies: ['USD'] }, problems: Array.from({ length: 600 }, (_, i) => bad(i + 2)) });
  merged.add({ rows: 600, tables: {}, period: { from: '2026-10-01', to: '2026-10-05' }, evidence: { currencies: ['USD'], salesChannels: ['amazon.com'] }, problems: Array.from({ length: 600 }, (_, i) => bad(i + 602)) });
  const output = merged.output('f.csv');
  expect(output.rows).toBe(1200);
  expect(output.period).toEqual({ from: '2026-10-01', to: '2026-10-09' });
  expect(output.evidence).toEqual({ salesChannels: ['amazon.com'], currencies: ['USD'] });
  expect(output.problems).toHaveLength(problemsKept + 1);
  expect(output.problems.at(-1)).toMatchObject({ code: 'more_problems', severity: 'error', message: expect.stringMatching(/^200 more problems/) });
});

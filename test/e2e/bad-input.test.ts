import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import { importFiles } from '../../src/ingest/index.ts';
import { importLarge, recogniseLarge } from '../../src/ingest/import-large.ts';
import { Database } from '../../src/store/database.ts';

/** Bad input (issue 3): a clear error or safe handling, and the database exactly as it was. */
let dir: string;
let db: Database;
const good = readFileSync(resolve('test/fixtures/ingest/br-child-uk-2025-sku.csv'), 'utf8');
const week = { from: '2026-10-01', to: '2026-10-07' };

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const counts = async () => db.all(`SELECT (SELECT count(*) FROM import_log) AS log, (SELECT count(*) FROM traffic) AS traffic,
  (SELECT count(*) FROM br_sales) AS sales, (SELECT count(*) FROM ads) AS ads`);
async function importOne(path: string, options: Record<string, string> = week) {
  const [result] = (await importFiles(db, [path], options)).files;
  if (!result) throw new Error('no result');
  return result;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-bad-'));
  db = await Database.open(join(dir, 'bad.duckdb'));
  await importOne(resolve('test/fixtures/ingest/br-child-uk-2025-sku.csv'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bad input leaves the database unchanged', () => {
  test('a truncated file', async () => {
    const before = await counts();
    const cut = good.slice(0, good.indexOf('HON-002,343') + 20);
    const r = await importOne(file('truncated.csv', cut));
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/ends in the middle of line 4 .*cut off/);
    expect(await counts()).toEqual(before);
  });

  test('a truncated large CSV (bulk path)', async () => {
    const path = join(dir, 'st.csv');
    await writeSearchTermCsv(path, 300);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.length - 40));
    const large = await recogniseLarge(path);
    if (!large) throw new Error('no bulk plan');
    const before = await counts();
    const r = await importLarge(db, path, large, { store: 'default' });
    expect(r.error).toMatch(/ends in the middle of its last line/);
    expect(await counts()).toEqual(before);
  });

  test('a wrong report', async () => {
    const before = await counts();
    const r = await importOne(file('courier.csv', 'Parcel,Weight\r\nP1,2\r\n'));
    expect(r.error).toMatch(/not a report Asterism knows/);
    expect(await counts()).toEqual(before);
  });

  test('a wrong encoding: UTF-16 without a byte-order mark is read as UTF-16', async () => {
    const utf16 = new Uint8Array(Buffer.from(good.replace(/^\uFEFF/, '').replace(/2026/g, '2026'), 'utf16le'));
    const r = await importOne(file('utf16.csv', utf16), { from: '2026-11-01', to: '2026-11-07' });
    // same rows as the UTF-8 file: 4 file rows, UK from the £ amounts
    expect(r).toMatchObject({ status: 'imported', marketplace: 'UK', rows: 4 });
  });

  test('a header with a missing column', async () => {
    const before = await counts();
    const r = await importOne(resolve('test/fixtures/ingest/br-child-missing-sessions.csv'));
    expect(r.error).toMatch(/required column .*Sessions/);
    expect(await counts()).toEqual(before);
  });

  test('a text in a number column', async () => {
    const before = await counts();
    const r = await importOne(resolve('test/fixtures/ingest/br-child-bad-number.csv'));
    expect(r.error).toMatch(/line 3, column "Units ordered": "twelve" is not a whole number/);
    expect(await counts()).toEqual(before);
  });

  test('a formula in a text cell is kept as text, never evaluated', async () => {
    const formula = good.replace('Onion Powder 500g', '"=HYPERLINK(""http://example.invalid"",""click"")"').replace(/2026/g, '2026');
    const r = await importOne(file('formula.csv', formula), { from: '2026-12-01', to: '2026-12-07' });
    expect(r.status).toBe('imported');
    // the title is not stored in traffic or sales; the numbers beside it are unchanged: 1,356 sessions
    expect(await db.all(`SELECT sessions FROM traffic WHERE asin = 'B0AAAAAAA1' AND date_from = '2026-12-01'`)).toEqual([{ sessions: '1356' }]);
  });

  test('a 10 MB cell', async () => {
    const huge = good.replace('Onion Powder 500g', `"${'x'.repeat(10 * 1024 * 1024)}"`);
    const r = await importOne(file('huge-cell.csv', huge), { from: '2027-01-01', to: '2027-01-07' });
    expect(r).toMatchObject({ status: 'imported', rows: 4 });
  });

  test('two currencies in one file', async () => {
    const before = await counts();
    const mixed = good.replace('£201.10', '$201.10');
    const r = await importOne(file('mixed.csv', mixed), { from: '2027-02-01', to: '2027-02-07' });
    expect(r.error).toMatch(/several currencies \(\$, GBP\)/);
    expect(await counts()).toEqual(before);
  });
});

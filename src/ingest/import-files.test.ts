import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AsterismError } from '../domain/errors.ts';
import { importFiles } from './import-files.ts';
import { listSources } from './sources.ts';
import { ownFixture, withTempDb } from './testing.ts';

const october = { from: '2026-10-01', to: '2026-10-31' };

describe('refusals write nothing and say why', () => {
  test('a missing required column is named', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-missing-sessions.csv')], october)).files;
      expect(r).toMatchObject({ status: 'error', type: 'business_report_child' });
      expect(r?.error).toMatch(/required column "Sessions – Total" or "Sessions".* is missing/);
      expect(r?.problems[0]).toMatchObject({ code: 'missing_column', line: 1 });
    }));

  test('text in a number column: line and column, and no rows at all', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-bad-number.csv')], october)).files;
      expect(r?.error).toBe('line 3, column "Units ordered": "twelve" is not a whole number, e.g. 1,356');
      expect((await db.all('SELECT count(*) AS n FROM br_sales'))[0]?.n).toBe('0');
    }));

  test('a report Asterism does not know', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('unknown-courier-export.csv')], october)).files;
      expect(r).toMatchObject({ status: 'error', type: null });
      expect(r?.error).toMatch(/not a report Asterism knows.*Order Number, Customer Name/);
    }));

  test('Business Report by Date is recognised and refused with the reason', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-by-date-weekly.csv')], october)).files;
      expect(r).toMatchObject({ status: 'error', type: 'business_report_by_date' });
      expect(r?.error).toMatch(/without ASINs/);
    }));

  test('a Business Report by child item needs --from/--to', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-uk-2025-sku.csv')])).files;
      expect(r?.error).toMatch(/give --from and --to/);
    }));

  test('the file says UK, the command line says US', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-child-uk-2025-sku.csv')], { ...october, marketplace: 'US' })).files;
      expect(r?.error).toBe('the file is for UK (amounts in GBP) but --marketplace says US');
    }));

  test('bad options fail the whole call before reading anything', async () => {
    await withTempDb(async (db) => {
      await expect(importFiles(db, [], { marketplace: 'XX' })).rejects.toThrow(AsterismError);
      await expect(importFiles(db, [], { from: '2026-10-01' })).rejects.toThrow(/go together/);
      await expect(importFiles(db, [], { from: '2026-10-31', to: '2026-10-01' })).rejects.toThrow(/after/);
    });
  });
});

test('one bad file does not stop the others; progress is reported per file', () =>
  withTempDb(async (db) => {
    const seen: number[] = [];
    const { files } = await importFiles(db, [ownFixture('br-child-bad-number.csv'), ownFixture('br-child-uk-2025-sku.csv')], october, (p) => seen.push(p.index));
    expect(files.map((f) => f.status)).toEqual(['error', 'imported']);
    expect(seen).toEqual([0, 1]);
  }));

test('a newer file over the same days replaces the older rows; other stores are untouched', () =>
  withTempDb(async (db, dir) => {
    await importFiles(db, [ownFixture('br-child-uk-2025-sku.csv')], october);
    await importFiles(db, [ownFixture('br-child-uk-2025-sku.csv')], { ...october, store: 'second' });
    // two stores now: each import names its own (issue 27)
    // the resend covers 15–31 October: it overlaps the whole-month rows, so the newer file wins
    const [r] = (await importFiles(db, [ownFixture('br-child-uk-2025-sku-resend.csv')], { from: '2026-10-15', to: '2026-10-31', store: 'default' })).files;
    expect(r).toMatchObject({ status: 'imported', replaced: 4, rows: 2 }); // the 4 br_sales rows of the first file
    const stores = await db.all('SELECT store, count(*) AS n, sum(units) AS units FROM br_sales GROUP BY store ORDER BY store');
    expect(stores).toEqual([{ store: 'default', n: '2', units: '211' }, { store: 'second', n: '4', units: '404' }]);
    expect((await db.all("SELECT count(*) AS n FROM traffic WHERE store = 'default'"))[0]?.n).toBe('2');
    // a later month does not touch October
    const copy = join(dir, 'november.csv');
    copyFileSync(ownFixture('br-child-uk-2025-sku.csv'), copy);
    const [november] = (await importFiles(db, [copy], { from: '2026-11-01', to: '2026-11-30', store: 'default' })).files;
    // same bytes for this store, but the October rows they wrote were replaced: the file is applied again, as November
    expect(november).toMatchObject({ status: 'imported', from: '2026-11-01', replaced: 0 });
    expect((await db.all("SELECT count(*) AS n FROM br_sales WHERE store = 'default' AND date_from = '2026-10-01'"))[0]?.n).toBe('0');
    // and once its rows are all there, the same bytes are unchanged
    const [again] = (await importFiles(db, [copy], { from: '2026-11-01', to: '2026-11-30', store: 'default' })).files;
    expect(again).toMatchObject({ status: 'unchanged' });
    const sources = await listSources(db);
    expect(sources.map((s) => [s.file, s.store, s.from, s.to, s.rows])).toEqual([
      ['br-child-uk-2025-sku.csv', 'default', '2026-10-01', '2026-10-31', 4],
      ['br-child-uk-2025-sku.csv', 'second', '2026-10-01', '2026-10-31', 4],
      ['br-child-uk-2025-sku-resend.csv', 'default', '2026-10-15', '2026-10-31', 2],
      ['november.csv', 'default', '2026-11-01', '2026-11-30', 4],
    ]);
    expect((await db.all("SELECT name FROM stores ORDER BY name")).map((s) => s.name)).toEqual(['default', 'second']);
  }));

describe('replacement keeps what the newer file does not cover', () => {
  test('SQP files are per ASIN: another ASIN for the same week stays; the same ASIN again replaces', () =>
    withTempDb(async (db, dir) => {
      const doc = JSON.parse(readFileSync(ownFixture('brand-analytics/sqp-us-week.json'), 'utf8')) as { dataByAsin: { asin: string }[] };
      const write = (name: string, asin: string, extra = '') => {
        const path = join(dir, name);
        writeFileSync(path, JSON.stringify({ ...doc, dataByAsin: doc.dataByAsin.map((d) => ({ ...d, asin })) }) + extra);
        return path;
      };
      const a = write('a.json', 'B0TESTA001');
      const b = write('b.json', 'B0TESTB002');
      const again = write('a2.json', 'B0TESTA001', '\n');
      const results = (await importFiles(db, [a, b, again])).files;
      expect(results.map((r) => [r.status, r.replaced])).toEqual([['imported', 0], ['imported', 0], ['imported', 1]]);
      const rows = await db.all('SELECT asin, count(*) AS n FROM search_funnel GROUP BY asin ORDER BY asin');
      expect(rows).toEqual([{ asin: 'B0TESTA001', n: '1' }, { asin: 'B0TESTB002', n: '1' }]);
    }));
});

import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import type { Database } from '../store/database.ts';
import { importFiles } from './import-files.ts';
import { importLarge, recogniseLarge } from './import-large.ts';
import { ownFixture, withTempDb } from './testing.ts';

/** The bulk path (DuckDB's CSV reader, cleaning in SQL) must load exactly what the row path loads. */
const adsRows = (db: Database) =>
  db.all(`SELECT * EXCLUDE (import_id) FROM ads ORDER BY date_from, campaign, ad_group, targeting, search_term, advertised_asin, impressions`);

async function bothPaths(file: string, options: { marketplace?: string } = {}) {
  const byRows = await withTempDb(async (db) => {
    const r = await importFiles(db, [file], options);
    return { result: r.files[0], rows: await adsRows(db) };
  });
  const byBulk = await withTempDb(async (db) => {
    const large = await recogniseLarge(file);
    if (!large) throw new Error(`${file}: no bulk plan`);
    const result = await importLarge(db, file, large, { store: 'default', ...options });
    return { result, rows: await adsRows(db), log: await db.all('SELECT report_type, marketplace, CAST(date_from AS VARCHAR) AS f, CAST(date_to AS VARCHAR) AS t, rows FROM import_log') };
  });
  return { byRows, byBulk };
}

describe('bulk CSV path', () => {
  test.each([
    ['ads/sp-search-term-daily-us.csv'],
    ['ads/sb-search-term-summary-uk.csv'],
    ['ads/sp-campaign-daily-in.csv'],
  ])('%s: same rows as the row path', async (name) => {
    const { byRows, byBulk } = await bothPaths(ownFixture(name));
    expect(byRows.result?.status).toBe('imported');
    expect(byBulk.result).toMatchObject({ status: 'imported', type: byRows.result?.type, marketplace: byRows.result?.marketplace, rows: byRows.result?.rows, from: byRows.result?.from, to: byRows.result?.to });
    expect(byBulk.rows).toEqual(byRows.rows);
    expect(byBulk.log).toEqual([{ report_type: byRows.result?.type, marketplace: byRows.result?.marketplace, f: byRows.result?.from, t: byRows.result?.to, rows: String(byRows.result?.rows) }]);
  });

  test('the generated benchmark file loads the same both ways', async () => {
    await withTempDb(async (_db, dir) => {
      const file = join(dir, 'search-terms.csv');
      await writeSearchTermCsv(file, 3000);
      const { byRows, byBulk } = await bothPaths(file);
      expect(byBulk.rows).toHaveLength(3000);
      expect(byBulk.rows).toEqual(byRows.rows);
    });
  });

  test('a text in a number column: line, column and value named, nothing written', async () => {
    await withTempDb(async (db) => {
      const file = ownFixture('ads/sp-search-term-bad-number.csv');
      const large = await recogniseLarge(file);
      if (!large) throw new Error('no bulk plan');
      const result = await importLarge(db, file, large, { store: 'default' });
      expect(result.status).toBe('error');
      // the header is line 1, "seven" is on line 3 under Clicks
      expect(result.error).toMatch(/^line 3, column "Clicks": "seven" is not a whole number/);
      expect(await db.all('SELECT count(*) AS n FROM ads')).toEqual([{ n: '0' }]);
      expect(await db.all('SELECT count(*) AS n FROM import_log')).toEqual([{ n: '0' }]);
    });
  });

  test('re-importing the same bytes is unchanged; a newer file for the same days replaces them', async () => {
    await withTempDb(async (db, dir) => {
      const file = join(dir, 'a.csv');
      await writeSearchTermCsv(file, 500);
      const large = await recogniseLarge(file);
      if (!large) throw new Error('no bulk plan');
      const first = await importLarge(db, file, large, { store: 'default' });
      expect((await importLarge(db, file, large, { store: 'default' })).status).toBe('unchanged');
      const newer = join(dir, 'b.csv');
      await writeSearchTermCsv(newer, 500);
      await import('node:fs/promises').then((fs) => fs.appendFile(newer, '\r\n'));
      const second = await importLarge(db, newer, large, { store: 'default' });
      expect(second).toMatchObject({ status: 'imported', replaced: first.rows });
      expect(await db.all('SELECT count(*) AS n FROM ads')).toEqual([{ n: '500' }]);
      // the same replacement as the row path: the 500 earlier rows kept in history, removed by the second import
      expect(await db.all('SELECT count(*) AS n, min(removed_by) AS by FROM removed_ads')).toEqual([{ n: '500', by: '2' }]);
    });
  });
});

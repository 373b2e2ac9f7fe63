/**
 * The large-file path (DuckDB's CSV reader) makes the streamed path's checks: always-filled columns
 * refused by name, and the money-conservation check over the loaded transaction lines.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import { importFiles } from './import-files.ts';
import { importLarge, largeFileBytes, recogniseLarge } from './import-large.ts';
import { conservationOfImport, largeCheckLimits } from './large-checks.ts';
import { ownFixture, withTempDb } from './testing.ts';

afterEach(() => {
  largeCheckLimits.conservationRows = 20_000;
});

describe('always-filled columns on the large-file path', () => {
  test('a 9 MB search-term report whose Impressions are all empty is refused by the column, nothing written', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'no-impressions.csv');
      // ~146 bytes a row: 65,000 rows are over the 8 MB that sends a file through DuckDB's reader
      await writeSearchTermCsv(file, 65_000, ['Impressions']);
      expect(statSync(file).size).toBeGreaterThan(largeFileBytes);
      const [r] = (await importFiles(db, [file])).files;
      expect(r).toMatchObject({ status: 'error', type: 'sp_search_term_report' });
      expect(r?.problems).toEqual([expect.objectContaining({ code: 'empty_column', severity: 'error', column: 'Impressions', line: 1 })]);
      expect(r?.error).toMatch(/Impressions/);
      expect(await db.all('SELECT (SELECT count(*) FROM ads) AS ads, (SELECT count(*) FROM import_log) AS logs')).toEqual([{ ads: '0', logs: '0' }]);
    }));

  test('the same refusal, word for word, as the streamed path gives for the small file', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'small.csv');
      await writeSearchTermCsv(file, 300, ['Spend', 'Impressions']);
      const [byRows] = (await importFiles(db, [file])).files;
      const large = await recogniseLarge(file);
      if (!large) throw new Error('no bulk plan');
      const byBulk = await importLarge(db, file, large, { store: 'default' });
      expect(byRows?.problems.map((p) => p.column).sort()).toEqual(['Impressions', 'Spend']);
      expect(byBulk.problems).toEqual(byRows?.problems);
      expect(byBulk.error).toBe(byRows?.error);
    }));

  test('a column with a value on one row of 65,000 is filled: the file imports', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'filled.csv');
      await writeSearchTermCsv(file, 65_000);
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 65_000, problems: [] });
    }));
});

describe('money conservation over the loaded transaction lines', () => {
  test('read back in batches, it is the check the streamed import summed', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-pst-pdt.csv')])).files;
      expect(r?.status, r?.error ?? '').toBe('imported');
      expect(r?.conservation).toBeDefined();
      const [log] = await db.all('SELECT id FROM import_log');
      largeCheckLimits.conservationRows = 2;
      expect(await conservationOfImport(db, String(log?.id), 'USD')).toEqual(r?.conservation);
    }));
});

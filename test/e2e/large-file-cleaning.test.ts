import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchTermHeader } from '../../bench/search-term-csv.ts';
import { importFiles } from '../../src/ingest/import-files.ts';
import { isLarge, largeFileBytes, recogniseLarge } from '../../src/ingest/import-large.ts';
import { withTempDb } from '../../src/ingest/testing.ts';
import type { Database } from '../../src/store/database.ts';

/**
 * Issue 16: the large-file path (DuckDB's CSV reader, cleaning in SQL) reads the empty tokens the row
 * path reads — `-` under Clicks is null on both, not a refused file — because both take them from values/.
 */
const emptyTokens = ['-', '--', '—', 'N/A', 'n/a', 'NA', 'null', 'NULL', ' - ', ''];
/** Impressions, Clicks, Spend, 7 Day Total Sales, Orders, Units, Advertised SKU units, Advertised SKU sales */
const numericColumns = [8, 9, 12, 13, 16, 17, 19, 21];
const rowsPerDay = 180;
const days = 300;

/** One day's rows as the console writes them, with an empty token in a numeric column of every third row. */
function dayLines(day: number): string {
  const date = new Date(Date.UTC(2025, 0, 1 + day));
  const when = `"${date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}"`;
  let text = '';
  for (let n = 0; n < rowsPerDay; n++) {
    const i = day * rowsPerDay + n;
    const clicks = n % 40;
    const cells: string[] = [
      when, 'Not grouped', 'USD', `Campaign ${n % 50}`, `Ad group ${n % 90}`, `keyword ${n}`, 'EXACT',
      // a text cell holding a token stays text on both paths
      n === 0 ? 'N/A' : n === 1 ? '-' : `search term ${n}`,
      String(1000 + n), String(clicks), '1.23%', '"$1.10"', `"$${clicks}.50"`, '"$1,234.56"', '10.00%', '2.50',
      '3', '4', '5.00%', '3', '0', '"$1,000.00"', '"$234.56"',
    ];
    if (i % 3 === 0) cells[numericColumns[i % numericColumns.length] ?? 9] = emptyTokens[i % emptyTokens.length] ?? '-';
    text += `${cells.join(',')}\r\n`;
  }
  return text;
}

async function writeCsv(path: string, fromDay: number, toDay: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${searchTermHeader.join(',')}\r\n`);
  for (let day = fromDay; day < toDay; day++) if (!out.write(dayLines(day))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const adsRows = (db: Database) =>
  db.all(`SELECT * EXCLUDE (import_id) FROM ads ORDER BY date_from, campaign, ad_group, targeting, search_term`);

describe('large-file cleaning', () => {
  test('a ~9 MB search-term CSV with empty tokens under numeric columns stores the same rows as the row path', async () => {
    await withTempDb(async (_db, dir) => {
      const large = join(dir, 'search-terms.csv');
      await writeCsv(large, 0, days);
      const size = (await stat(large)).size;
      expect(size).toBeGreaterThan(largeFileBytes);
      expect(size).toBeLessThan(10 * 1024 * 1024);
      expect(await isLarge(large)).toBe(true);
      expect(await recogniseLarge(large)).toBeDefined();
      // the row path reads files under 8 MB: the same rows in two halves that share no day
      const firstHalf = join(dir, 'first.csv');
      const secondHalf = join(dir, 'second.csv');
      await writeCsv(firstHalf, 0, days / 2);
      await writeCsv(secondHalf, days / 2, days);

      const byBulk = await withTempDb(async (db) => {
        const r = await importFiles(db, [large]);
        return { results: r.files, rows: await adsRows(db) };
      });
      const byRows = await withTempDb(async (db) => {
        const r = await importFiles(db, [firstHalf, secondHalf]);
        return { results: r.files, rows: await adsRows(db) };
      });
      expect(byBulk.results.map((f) => [f.status, f.error])).toEqual([['imported', null]]);
      expect(byRows.results.map((f) => [f.status, f.error])).toEqual([['imported', null], ['imported', null]]);
      // 300 days × 180 rows
      expect(byBulk.rows).toHaveLength(54_000);
      expect(byBulk.rows).toEqual(byRows.rows);

      // day 0, n = 0 (i = 0): Impressions holds `-` → null, not 0; the search term `N/A` is kept as text
      const first = byBulk.rows[0];
      expect(first).toMatchObject({ search_term: 'N/A', impressions: null, clicks: '0' });
      // i = 3: the 4th numeric column (7 Day Total Sales) holds `N/A` → null
      const fourth = byBulk.rows.find((r) => r.search_term === 'search term 3' && String(r.date_from).startsWith('2025-01-01'));
      expect(fourth).toMatchObject({ sales: null, spend: '3.5000' });
    });
  });
});

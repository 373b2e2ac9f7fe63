import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { withTempDb } from '../testing.ts';
import { importFiles } from '../import-files.ts';

const keepa = 'Locale,ASIN,Title,Buy Box: Current,Amazon: Current,New: Current,Sales Rank: Current\n'
  + 'com,B0RIVAL001,Rival bath mat,$ 18.99,,17.49,1520\n'
  + 'com,B0RIVAL002,Other rival,,,21.00,9800\n'
  + 'com,B0RIVAL003,No offer,,,,\n';

test('a Keepa product export: marketplace from Locale, dated by --date, Buy Box else lowest new; re-import unchanged', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'KeepaExport-2026-11-20.csv');
    writeFileSync(file, keepa);
    const [r] = (await importFiles(db, [file], { store: 'acme', date: '2026-11-20' })).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'keepa_product_export', marketplace: 'US', rows: 3, from: '2026-11-20', to: '2026-11-20' });
    expect(await db.all(`SELECT asin, CAST(date AS VARCHAR) AS date, competitor, CAST(price AS VARCHAR) AS price, marketplace FROM competitor_prices ORDER BY asin`)).toEqual([
      { asin: 'B0RIVAL001', date: '2026-11-20', competitor: 'keepa', price: '18.9900', marketplace: 'US' },
      { asin: 'B0RIVAL002', date: '2026-11-20', competitor: 'keepa', price: '21.0000', marketplace: 'US' },
    ]);
    const [again] = (await importFiles(db, [file], { store: 'acme', date: '2026-11-20' })).files;
    expect(again?.status).toBe('unchanged');
    // "Sales Rank: Current": that day's Best Sellers Rank from Keepa, beside the SP-API's (the third ASIN has none)
    expect(await db.all(`SELECT asin, CAST(date AS VARCHAR) AS date, kind, rank, source, marketplace FROM sales_ranks ORDER BY asin`)).toEqual([
      { asin: 'B0RIVAL001', date: '2026-11-20', kind: 'display_group', rank: 1520, source: 'keepa', marketplace: 'US' },
      { asin: 'B0RIVAL002', date: '2026-11-20', kind: 'display_group', rank: 9800, source: 'keepa', marketplace: 'US' },
    ]);
  }));

test('Keepa exports day after day are a BSR history beside the SP-API\'s: a later export of the day replaces only Keepa\'s ranks', () =>
  withTempDb(async (db, dir) => {
    // the SP-API's rank of B0RIVAL001 on 11-21 (written as the sync writes it)
    await db.run(`INSERT INTO sales_ranks (store, marketplace, asin, date, kind, category_id, category, rank, source) VALUES ('acme', 'US', 'B0RIVAL001', '2026-11-21', 'display_group', 'home', 'Home & Kitchen', 1400, 'sp_api')`);
    const header = 'Locale,ASIN,Buy Box 🚚: Current,Sales Rank: Current,Sales Rank: Reference\n';
    const day = (date: string, rank: number) => {
      const file = join(dir, `KeepaExport-${date}-${rank}.csv`);
      writeFileSync(file, `${header}com,B0RIVAL001,$ 18.99,${rank},Home & Kitchen\n`);
      return importFiles(db, [file], { store: 'acme', date });
    };
    for (const [date, rank] of [['2026-11-20', 1520], ['2026-11-21', 1610], ['2026-11-21', 1650]] as const) {
      const [r] = (await day(date, rank)).files;
      expect(r, `${date} ${rank}: ${r?.error ?? ''}`).toMatchObject({ status: 'imported', type: 'keepa_product_export' });
    }
    expect(await db.all(`SELECT CAST(date AS VARCHAR) AS date, source, rank, category FROM sales_ranks ORDER BY date, source`)).toEqual([
      { date: '2026-11-20', source: 'keepa', rank: 1520, category: 'Home & Kitchen' },
      { date: '2026-11-21', source: 'keepa', rank: 1650, category: 'Home & Kitchen' },
      { date: '2026-11-21', source: 'sp_api', rank: 1400, category: 'Home & Kitchen' },
    ]);
  }));

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
  }));

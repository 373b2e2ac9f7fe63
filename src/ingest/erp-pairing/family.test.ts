import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { withTempDb } from '../testing.ts';

/**
 * 领星's MSKU pairing workbook (first sheet `Sheet1`: `*MSKU`, `*SKU`, `店铺`): one product code, KM-MAT, paired with its
 * SKU on three channels. (The source shows the shop as `[Shopify].<name>`; the Amazon and Walmart shops are written
 * the same way here, our own values.)
 */
async function writePairing(dir: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['*MSKU', '*SKU', '店铺']);
  for (const r of rows) sheet.addRow(r);
  const file = join(dir, 'lingxing-msku-pairing.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const threeChannels = [
  ['AMZ-MAT-01', 'KM-MAT', '[Amazon].Harbour US'],
  ['MAT-01', 'KM-MAT', '[Shopify].Harbour Home'],
  ['WM-MAT-01', 'KM-MAT', '[Walmart].Harbour Home'],
];

describe('LingXing MSKU pairing', () => {
  test('one product code paired with its SKU on Amazon, Shopify and Walmart', () =>
    withTempDb(async (db, dir) => {
      const [r] = (await importFiles(db, [await writePairing(dir, threeChannels)])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'lingxing_msku_pairing', rows: 3 });
      expect(await db.all('SELECT sku, product_code FROM sku_map ORDER BY sku')).toEqual([
        { sku: 'AMZ-MAT-01', product_code: 'KM-MAT' }, { sku: 'MAT-01', product_code: 'KM-MAT' }, { sku: 'WM-MAT-01', product_code: 'KM-MAT' },
      ]);
    }));

  test('a pairing keeps what a products file said of the SKU, and a row without its product code is refused by line', () =>
    withTempDb(async (db, dir) => {
      await db.run(`INSERT INTO sku_map (store, sku, asin, product_name) VALUES ('default', 'AMZ-MAT-01', 'B0MAT00001', 'Bath mat')`);
      await importFiles(db, [await writePairing(dir, threeChannels)]);
      expect(await db.all(`SELECT asin, product_name, product_code FROM sku_map WHERE sku = 'AMZ-MAT-01'`))
        .toEqual([{ asin: 'B0MAT00001', product_name: 'Bath mat', product_code: 'KM-MAT' }]);
      const [bad] = (await importFiles(db, [await writePairing(dir, [['CUP-02', '', '[Shopify].Harbour Home'], ['X-1', 'KM-X', '']])])).files;
      expect(bad?.status).toBe('error');
      expect(bad?.problems[0]).toMatchObject({ line: 2, column: '*SKU' });
    }));
});

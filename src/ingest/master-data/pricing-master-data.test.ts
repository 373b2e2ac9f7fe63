import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withTempDb } from '../testing.ts';
import { importFiles } from '../import-files.ts';
import type { Database } from '../../store/database.ts';
import { masterDataTemplate } from './template.ts';

async function importText(db: Database, dir: string, name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const [result] = (await importFiles(db, [file], {})).files;
  if (!result) throw new Error('no result');
  return result;
}

describe('products file: fee category, size and weight (for pricing)', () => {
  test('Chinese headers, units default to cm and g; the category is readable per ASIN', () =>
    withTempDb(async (db, dir) => {
      const r = await importText(db, dir, 'products.csv', '卖家SKU,ASIN,类目,长,宽,高,重量\r\nMAT-1,B0TEST0001,Home and Kitchen,30,20,1.5,450\r\nMAT-2,B0TEST0002,,,,,\r\n');
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_products', rows: 2 });
      const rows = await db.all(`SELECT sku, category, CAST(length AS VARCHAR) AS length, dimension_unit, CAST(weight AS VARCHAR) AS weight, weight_unit FROM product_attributes`);
      expect(rows).toEqual([{ sku: 'MAT-1', category: 'Home and Kitchen', length: '30.0000', dimension_unit: 'cm', weight: '450.0000', weight_unit: 'g' }]);
      expect(await db.all('SELECT asin, category FROM asin_categories')).toEqual([{ asin: 'B0TEST0001', category: 'Home and Kitchen' }]);
      // a later file with only the category keeps the size and weight the first one gave
      const update = await importText(db, dir, 'products-2.csv', 'sku,asin,category\nMAT-1,B0TEST0001,Kitchen\n');
      expect(update, update.error ?? '').toMatchObject({ status: 'imported', replaced: 2 });
      expect(await db.all(`SELECT category, CAST(length AS VARCHAR) AS length, weight_unit FROM product_attributes`)).toEqual([{ category: 'Kitchen', length: '30.0000', weight_unit: 'g' }]);
    }));
  test('the fee preview spellings and inches / pounds; a unit that is not one is refused with line and column', () =>
    withTempDb(async (db, dir) => {
      const ok = await importText(db, dir, 'p.csv', 'sku,asin,longest-side,median-side,shortest-side,unit-of-dimension,item-package-weight,unit-of-weight\nA,B0A,10,6,0.5,inches,5,ounces\n');
      expect(ok, ok.error ?? '').toMatchObject({ status: 'imported' });
      expect(await db.all('SELECT dimension_unit, weight_unit FROM product_attributes')).toEqual([{ dimension_unit: 'in', weight_unit: 'oz' }]);
      const bad = await importText(db, dir, 'bad.csv', 'sku,asin,length,width,height,dimension_unit\nB,B0B,1,2,3,feet\n');
      expect(bad).toMatchObject({ status: 'error' });
      expect(bad.error).toMatch(/line 2, column "dimension_unit": "feet" is not a unit/);
    }));
});

describe('competitor prices', () => {
  test('by date against an own ASIN; re-import unchanged; the template has zh and en headers', () =>
    withTempDb(async (db, dir) => {
      const text = 'asin,date,price,competitor,marketplace\nB0TEST0001,2026-11-20,$19.99,B0RIVAL001,US\nB0TEST0001,2026-11-21,18.49,B0RIVAL001,US\n';
      const r = await importText(db, dir, 'competitors.csv', text);
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_competitor_prices', rows: 2, from: '2026-11-20', to: '2026-11-21' });
      expect(await db.all('SELECT CAST(date AS VARCHAR) AS date, CAST(price AS VARCHAR) AS price, currency FROM competitor_prices ORDER BY date'))
        .toEqual([{ date: '2026-11-20', price: '19.9900', currency: null }, { date: '2026-11-21', price: '18.4900', currency: null }]);
      expect(await importText(db, dir, 'competitors.csv', text)).toMatchObject({ status: 'unchanged' });
      expect(masterDataTemplate('competitor_prices', 'zh').split('\r\n')[0]).toBe('\uFEFF本品ASIN,日期,竞品价格,竞品,站点,币种');
      expect(masterDataTemplate('products', 'en').split('\r\n')[0]).toContain('category,length,width,height,dimension_unit,weight,weight_unit');
    }));
});

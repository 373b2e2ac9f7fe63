import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { ownFixture, withTempDb } from '../testing.ts';

const file = ownFixture('shopify-products.csv');

describe('Shopify product export', () => {
  test('each variant SKU with its product\'s title; costs in the shop\'s currency', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file], { marketplace: 'US' })).files;
      // 4 rows: two variants of the mat (the second without a title: carried), an image-only row, the cup
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'shopify_products', rows: 4 });
      expect(await db.all('SELECT sku, product_name FROM sku_map ORDER BY sku')).toEqual([
        { sku: 'CUP-02', product_name: 'Ceramic Cup' }, { sku: 'MAT-01', product_name: 'Bamboo Bath Mat' }, { sku: 'MAT-02', product_name: 'Bamboo Bath Mat' },
      ]);
      // MAT-02 has no cost per item: unknown, not 0
      expect(await db.all('SELECT sku, currency, unit_cost FROM costs ORDER BY sku')).toEqual([
        { sku: 'CUP-02', currency: 'USD', unit_cost: '3.1000' }, { sku: 'MAT-01', currency: 'USD', unit_cost: '8.4000' },
      ]);
    }));

  test('without --marketplace the export names no currency: products load, costs are left out and said so', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file])).files;
      expect(r?.status).toBe('imported');
      expect(r?.problems.map((p) => p.code)).toContain('needs_marketplace');
      expect(await db.all('SELECT count(*) AS n FROM costs')).toEqual([{ n: '0' }]);
      expect(await db.all('SELECT count(*) AS n FROM sku_map')).toEqual([{ n: '3' }]);
    }));
});

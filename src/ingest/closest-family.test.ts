import { describe, expect, test } from 'vitest';
import { importFiles } from './import-files.ts';
import { ownFixture, withTempDb } from './testing.ts';

describe('an unknown header names the report it looks closest to and the columns that differ', () => {
  test('All Orders with purchase-date renamed: All Orders named, the lacking and the unknown column quoted, en and zh', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('all-orders/all-orders-renamed-date.txt')], { marketplace: 'JP' })).files;
      expect(r).toMatchObject({ status: 'error', type: null });
      // 6 of the 7 columns are All Orders' (order id, status, sku, asin, quantity, item price)
      expect(r?.error).toBe('not a report Asterism knows: no header line among the first 20 lines matches one; line 1 looks closest to '
        + 'All Orders report (flat file) (6 of its columns) but lacks "purchase-date", and has columns it does not read: "purchase-datetime"');
      expect(r?.error_zh).toContain('第 1 行最接近所有订单报告（有其中 6 列），但缺少 "purchase-date"，并有它不读取的列："purchase-datetime"');
      expect(r?.problems[0]).toMatchObject({ code: 'unknown_report', line: 1 });
      expect((await db.all('SELECT count(*) AS n FROM order_items'))[0]?.n).toBe('0');
    }));

  test('a Japanese Business Report by parent item (no child ASIN column): the by-child report named, its child ASIN lacking', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('br-parent-ja.csv')], { from: '2026-10-01', to: '2026-10-31' })).files;
      expect(r).toMatchObject({ status: 'error', type: null });
      expect(r?.error).toMatch(/looks closest to Business Report: Detail Page Sales and Traffic by Child Item \(7 of its columns\) but lacks "\(Child\) ASIN"/);
    }));

  test('a file sharing too few columns with any report names none and lists the known reports', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('unknown-courier-export.csv')], { marketplace: 'JP' })).files;
      expect(r?.error).toMatch(/^not a report Asterism knows: no header line .* \(line 1 reads "Order Number, Customer Name.*known reports: /);
    }));
});

import { describe, expect, test } from 'vitest';
import { AsterismError } from '../domain/errors.ts';
import { setCost } from '../store/costs.ts';
import type { Database } from '../store/database.ts';
import { importFiles } from './import-files.ts';
import { listImports } from './import-list.ts';
import { undoImport } from './import-undo.ts';
import { ownFixture, withTempDb } from './testing.ts';

/** Replacing is scoped, guarded and undoable (issue 14): the small files under test/fixtures/ingest/replace/. */
const replace = (name: string) => ownFixture(`replace/${name}`);
const november = { marketplace: 'US', from: '2018-11-01', to: '2018-11-30' };

const one = async (db: Database, file: string, options: Parameters<typeof importFiles>[2]) => {
  const [result] = (await importFiles(db, [file], options)).files;
  if (!result) throw new Error('no result');
  return result;
};
const adsByType = (db: Database) =>
  db.all('SELECT ad_type, count(*) AS n, sum(spend) AS spend, sum(clicks) AS clicks FROM ads GROUP BY ad_type ORDER BY ad_type');

describe('a re-import replaces only its own scope', () => {
  test('an SP-only export over an SP + SB export of the same days keeps the SB campaign', () =>
    withTempDb(async (db) => {
      expect(await one(db, replace('campaigns-sp-sb.csv'), november)).toMatchObject({ status: 'imported', rows: 3, replaced: 0 });
      const restated = await one(db, replace('campaigns-sp-restated.csv'), november);
      // the two SP campaigns are replaced; the SB campaign is not the SP file's to replace
      expect(restated).toMatchObject({ status: 'imported', rows: 2, replaced: 2 });
      expect(await adsByType(db)).toEqual([
        // SP: 26.00 + 1.10 = 27.10 spend, 52 + 2 = 54 clicks (the restated file's)
        { ad_type: 'SB', n: '1', spend: '12.4000', clicks: '20' },
        { ad_type: 'SP', n: '2', spend: '27.1000', clicks: '54' },
      ]);
      // the replaced SP rows are kept, marked as removed by the restating import
      expect(await db.all('SELECT campaign, spend, removed_by FROM removed_ads ORDER BY campaign')).toEqual([
        { campaign: 'Mats auto', spend: '25.5000', removed_by: '2' },
        { campaign: 'Mats manual', spend: '1.1000', removed_by: '2' },
      ]);
    }));
});

describe('the foreign-keys guard', () => {
  test('a file whose campaigns the replaced rows mostly lack is refused, naming rows and keys; --replace imports it', () =>
    withTempDb(async (db) => {
      await one(db, replace('campaigns-sp-restated.csv'), november);
      const refused = await one(db, replace('campaigns-sp-other-store.csv'), november);
      // it would replace both SP rows (Mats auto, Mats manual), and neither campaign is in it: 2 of 2 > half
      expect(refused).toMatchObject({ status: 'error', replaced: 0 });
      expect(refused.problems[0]).toMatchObject({ code: 'replace_refused', column: 'campaign' });
      expect(refused.error).toMatch(/replace 2 rows imported earlier, and the campaigns of 2 of them are not in it \(Mats auto, Mats manual\).*--replace/);
      expect(refused.problems[0]?.message_zh).toMatch(/将替换之前导入的 2 行，其中 2 行的广告活动不在此文件中（Mats auto、Mats manual）/);
      // nothing written: the earlier rows are as they were, and the log holds one import
      expect(await adsByType(db)).toEqual([{ ad_type: 'SP', n: '2', spend: '27.1000', clicks: '54' }]);
      expect((await listImports(db)).length).toBe(1);

      const forced = await one(db, replace('campaigns-sp-other-store.csv'), { ...november, replace: true });
      expect(forced).toMatchObject({ status: 'imported', rows: 1, replaced: 2 });
      expect(await adsByType(db)).toEqual([{ ad_type: 'SP', n: '1', spend: '4.5000', clicks: '9' }]);
      // and undoing it brings the two rows back (the refused attempt wrote nothing but used up id 2)
      const [latest] = await listImports(db);
      expect(await undoImport(db, latest?.id ?? 0)).toEqual({ undone: 3, restored: 2, removed: 1 });
      expect(await adsByType(db)).toEqual([{ ad_type: 'SP', n: '2', spend: '27.1000', clicks: '54' }]);
    }));

  test('a one-line All Orders file does not replace a day of other orders', () =>
    withTempDb(async (db) => {
      await one(db, ownFixture('all-orders/us-2026-03.tsv'), {});
      const all = await db.all('SELECT * FROM order_items ORDER BY order_id, sku');
      const day = await db.all("SELECT order_id FROM order_items WHERE order_date = '2026-03-02' ORDER BY order_id");
      // 2026-03-02 in Los Angeles: order 111-0000003-0000003 (18:05 UTC); S01-… (Non-Amazon, a Multi-Channel order) is not a sale here
      expect(day.map((r) => r.order_id)).toEqual(['111-0000003-0000003']);
      const refused = await one(db, replace('orders-one-line.tsv'), {});
      expect(refused.status).toBe('error');
      expect(refused.error).toMatch(/replace 1 row imported earlier, and the order ids of 1 of them are not in it \(111-0000003-0000003\)/);
      expect(await db.all('SELECT * FROM order_items ORDER BY order_id, sku')).toEqual(all);
    }));
});

describe('undo', () => {
  test('restores the replaced rows and removes the import\'s own; the log keeps it, marked undone', () =>
    withTempDb(async (db) => {
      await one(db, replace('campaigns-sp-sb.csv'), november);
      const before = await adsByType(db);
      await one(db, replace('campaigns-sp-restated.csv'), november);
      expect(await undoImport(db, 2)).toEqual({ undone: 2, restored: 2, removed: 2 });
      expect(await adsByType(db)).toEqual(before);
      expect((await db.all('SELECT count(*) AS n FROM removed_ads'))[0]?.n).toBe('0');
      const [latest, first] = await listImports(db);
      expect(latest).toMatchObject({ id: 2, file: 'campaigns-sp-restated.csv', type: 'campaign_manager_campaigns', rows: 2, replaced: 2, undone: true });
      expect(first).toMatchObject({ id: 1, undone: false, replaced: 0 });
      await expect(undoImport(db, 2)).rejects.toMatchObject({ code: 'conflict', message: 'import 2 was already undone' });
      await expect(undoImport(db, 9)).rejects.toBeInstanceOf(AsterismError);
    }));

  test('is refused while a later import replaced its rows, naming it; undone newest first it goes back step by step', () =>
    withTempDb(async (db) => {
      await one(db, replace('campaigns-sp-sb.csv'), november);
      await one(db, replace('campaigns-sp-restated.csv'), november);
      await one(db, replace('campaigns-sp-other-store.csv'), { ...november, replace: true });
      await expect(undoImport(db, 2)).rejects.toThrow(/import 2 cannot be undone yet: later import 3 \(campaigns-sp-other-store.csv\)/);
      await expect(undoImport(db, 2)).rejects.toMatchObject({ details: { message_zh: expect.stringMatching(/请先/) } });
      expect(await undoImport(db, 3)).toEqual({ undone: 3, restored: 2, removed: 1 });
      expect(await undoImport(db, 2)).toEqual({ undone: 2, restored: 2, removed: 2 });
      // back to the first file: SP 25.50 + 1.10 = 26.60, 50 + 2 = 52 clicks; SB untouched throughout
      expect(await adsByType(db)).toEqual([
        { ad_type: 'SB', n: '1', spend: '12.4000', clicks: '20' },
        { ad_type: 'SP', n: '2', spend: '26.6000', clicks: '52' },
      ]);
    }));

  test('is refused while a later import covers the days the restored rows would come back to', () =>
    withTempDb(async (db) => {
      // October whole, then 1–7 October (replacing the month's row), then 20–25 October (no row of the second file there)
      await one(db, replace('campaigns-sp-restated.csv'), { marketplace: 'US', from: '2018-10-01', to: '2018-10-31' });
      const week = await one(db, replace('campaigns-sp-sb.csv'), { marketplace: 'US', from: '2018-10-01', to: '2018-10-07' });
      expect(week.replaced).toBe(2);
      await one(db, replace('campaigns-sp-other-store.csv'), { marketplace: 'US', from: '2018-10-20', to: '2018-10-25' });
      // undoing the week would bring back the month's rows over 20–25 October: counted twice with import 3
      await expect(undoImport(db, 2)).rejects.toThrow(/later import 3 \(campaigns-sp-other-store.csv\)/);
    }));

  test('master data: the product row a products file overwrote comes back', () =>
    withTempDb(async (db) => {
      await one(db, ownFixture('master-data/products-en.csv'), {});
      const update = await one(db, ownFixture('master-data/products-update.csv'), {});
      expect(update.replaced).toBeGreaterThan(0);
      await undoImport(db, 2);
      expect(await db.all("SELECT product_name FROM sku_map WHERE sku = 'MAT-1'")).toEqual([{ product_name: 'Door mat' }]);
    }));
});

describe('re-importing', () => {
  test('a file whose rows were replaced, or whose import was undone, is applied again; unchanged only while its rows are there', () =>
    withTempDb(async (db) => {
      await one(db, replace('campaigns-sp-sb.csv'), november);
      await one(db, replace('campaigns-sp-restated.csv'), november);
      const again = await one(db, replace('campaigns-sp-sb.csv'), november);
      // applied again: it replaces the restated file's 2 SP rows and the SB row still there from its first import
      expect(again).toMatchObject({ status: 'imported', rows: 3, replaced: 3 });
      expect(await adsByType(db)).toEqual([
        { ad_type: 'SB', n: '1', spend: '12.4000', clicks: '20' },
        { ad_type: 'SP', n: '2', spend: '26.6000', clicks: '52' },
      ]);
      expect(await one(db, replace('campaigns-sp-sb.csv'), november)).toMatchObject({ status: 'unchanged' });
      await undoImport(db, 3);
      expect(await one(db, replace('campaigns-sp-sb.csv'), november)).toMatchObject({ status: 'imported', replaced: 3 });
    }));

  test('a cost entered by hand over an imported one keeps the imported row; the costs file imports again', () =>
    withTempDb(async (db) => {
      await one(db, ownFixture('master-data/costs-zh.csv'), {});
      await setCost(db, { sku: 'KM-002', effective_from: '2026-01-01', currency: 'CNY', unit_cost: '13.00' });
      expect(await db.all("SELECT unit_cost, import_id, removed_by FROM removed_costs WHERE sku = 'KM-002'")).toEqual([{ unit_cost: '12.0000', import_id: '1', removed_by: null }]);
      // the file's KM-002 row is no longer there: importing the file again applies it again, replacing by key its own
      // earlier KM-001 row and the hand-entered KM-002 (13.00): 2 rows, both to history
      expect(await one(db, ownFixture('master-data/costs-zh.csv'), {})).toMatchObject({ status: 'imported', replaced: 2 });
      expect(await db.all("SELECT unit_cost FROM costs WHERE sku = 'KM-002'")).toEqual([{ unit_cost: '12.0000' }]);
    }));
});

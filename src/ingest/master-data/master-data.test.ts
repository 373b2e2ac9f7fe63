import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ownFixture, withTempDb } from '../testing.ts';
import { masterColumns } from './columns.ts';
import type { Database } from '../../store/database.ts';
import type { ImportOptions } from '../family.ts';
import { importFiles } from '../import-files.ts';

/** Master data goes through `asterism import` like any report. */
async function importMasterData(db: Database, file: string, options: ImportOptions = {}) {
  const [result] = (await importFiles(db, [file], options)).files;
  if (!result) throw new Error('no result');
  return result;
}
import { masterDataKinds, masterDataTemplate } from './template.ts';

const fixture = (name: string) => ownFixture(`master-data/${name}`);

describe('products and SKU mapping', () => {
  test('English headers, an extra column, no --marketplace; a changed re-import updates by store + sku', () =>
    withTempDb(async (db) => {
      const first = await importMasterData(db, fixture('products-en.csv'));
      expect(first, first.error ?? '').toMatchObject({ status: 'imported', type: 'master_products', rows: 2, marketplace: null });
      const update = await importMasterData(db, fixture('products-update.csv'));
      expect(update).toMatchObject({ status: 'imported', replaced: 1 });
      const map = await db.all('SELECT sku, fnsku, asin, product_code, product_name FROM sku_map ORDER BY sku');
      expect(map).toEqual([
        // the update names a new product name; its empty fnsku/product_code keep what the first file said
        { sku: 'MAT-1', fnsku: 'X00TEST001', asin: 'B0TEST0001', product_code: 'KM-001', product_name: 'Door mat v2' },
        { sku: 'MAT-2', fnsku: null, asin: 'B0TEST0002', product_code: 'KM-002', product_name: 'Bath rug' },
      ]);
      const owners = await db.all(`SELECT sku, CAST(effective_from AS VARCHAR) AS since, owner, tier FROM product_assignments ORDER BY sku, effective_from`);
      expect(owners).toEqual([
        { sku: 'MAT-1', since: '2026-01-01', owner: 'alice', tier: 'A' },
        { sku: 'MAT-1', since: '2026-03-01', owner: 'carol', tier: null },
        { sku: 'MAT-2', since: '1970-01-01', owner: 'bob', tier: 'B' },
      ]);
      // the first file's MAT-1 row was replaced: importing it again applies it again, then it is unchanged. It replaces by key
      // its 2 sku_map rows (MAT-1, MAT-2) and its 2 assignments (MAT-1 from 2026-01-01, MAT-2 from 1970-01-01): 4, kept in history
      expect(await importMasterData(db, fixture('products-en.csv'))).toMatchObject({ status: 'imported', replaced: 4 });
      expect(await db.all("SELECT product_name FROM sku_map WHERE sku = 'MAT-1'")).toEqual([{ product_name: 'Door mat' }]);
      expect(await importMasterData(db, fixture('products-en.csv'))).toMatchObject({ status: 'unchanged' });
    }));

  test('Chinese headers (卖家SKU, 本地SKU, 品名, 运营负责人)', () =>
    withTempDb(async (db) => {
      const r = await importMasterData(db, fixture('products-zh.csv'));
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_products' });
      const [row] = await db.all('SELECT m.sku, m.product_code, m.product_name, a.owner, a.product_line FROM sku_map m JOIN product_assignments a USING (store, sku)');
      expect(row).toEqual({ sku: 'MAT-9', product_code: 'KM-009', product_name: '地垫', owner: '张三', product_line: '厨房' });
    }));
});

test('targets with Chinese headers → kpi_targets, scope columns kept', () =>
  withTempDb(async (db) => {
    const r = await importMasterData(db, fixture('targets-zh.csv'));
    expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_targets', rows: 2 });
    const rows = await db.all('SELECT kpi, period, CAST(target AS DOUBLE) AS target, store, marketplace, owner, role FROM kpi_targets ORDER BY kpi');
    expect(rows).toEqual([
      { kpi: 'acos', period: '2026-09', target: 0.25, store: null, marketplace: 'US', owner: '张三', role: 'operator' },
      { kpi: 'sales', period: '2026-09', target: 5000, store: null, marketplace: 'US', owner: '张三', role: 'operator' },
    ]);
  }));

describe('events', () => {
  test('origin imported, `Price Change` read as price_change, an empty end date is null', () =>
    withTempDb(async (db) => {
      const r = await importMasterData(db, fixture('events-en.csv'), { store: 'shop-a' });
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', from: '2026-09-14', to: '2026-09-21' });
      const rows = await db.all(`SELECT store, marketplace, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, type, origin
        FROM events ORDER BY date_from`);
      expect(rows).toEqual([
        { store: 'shop-a', marketplace: 'US', date_from: '2026-09-14', date_to: '2026-09-20', type: 'coupon', origin: 'imported' },
        { store: 'shop-a', marketplace: 'US', date_from: '2026-09-21', date_to: null, type: 'price_change', origin: 'imported' },
      ]);
    }));

  test('an unknown event type is an error with line and column; nothing is written', () =>
    withTempDb(async (db) => {
      const r = await importMasterData(db, fixture('events-bad-type.csv'));
      expect(r).toMatchObject({ status: 'error', type: 'master_events' });
      expect(r.problems[0]).toMatchObject({ code: 'bad_value', line: 3, column: 'type' });
      expect(r.error).toMatch(/line 3, column "type": "flash_sale" is not an event type \(coupon, deal/);
      expect((await db.all('SELECT count(*) AS n FROM events'))[0]?.n).toBe('0');
    }));
});

describe('costs', () => {
  test('Chinese headers; duty 25% → 0.25; an empty marketplace is null (all marketplaces)', () =>
    withTempDb(async (db) => {
      const r = await importMasterData(db, fixture('costs-zh.csv'));
      expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: 'master_costs', rows: 2 });
      const rows = await db.all(`SELECT sku, currency, CAST(unit_cost AS VARCHAR) AS unit_cost, CAST(freight_per_unit AS VARCHAR) AS freight,
        CAST(duty_rate AS VARCHAR) AS duty, marketplace FROM costs ORDER BY sku`);
      expect(rows).toEqual([
        { sku: 'KM-001', currency: 'CNY', unit_cost: '35.5000', freight: '8.2000', duty: '0.250000', marketplace: 'US' },
        { sku: 'KM-002', currency: 'CNY', unit_cost: '12.0000', freight: null, duty: null, marketplace: null },
      ]);
    }));

  test('a missing required column is refused, naming it', () =>
    withTempDb(async (db) => {
      const r = await importMasterData(db, fixture('costs-missing-currency.csv'));
      expect(r).toMatchObject({ status: 'error', type: 'master_costs' });
      expect(r.error).toMatch(/required column "currency" or "币种".* is missing/);
    }));
});

describe('templates', () => {
  for (const kind of masterDataKinds) {
    for (const lang of ['en', 'zh'] as const) {
      test(`${kind} (${lang}): header + one example row, and it imports as ${kind}`, () =>
        withTempDb(async (db, dir) => {
          const text = masterDataTemplate(kind, lang);
          const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
          expect(lines).toHaveLength(2);
          expect(lines[0]?.split(',')).toEqual(masterColumns[kind].map((c) => c[lang]));
          const file = join(dir, `${kind}-${lang}.csv`);
          writeFileSync(file, text);
          const r = await importMasterData(db, file);
          expect(r, r.error ?? '').toMatchObject({ status: 'imported', type: `master_${kind}`, rows: 1 });
        }));
    }
  }
});

import { describe, expect, test } from 'vitest';
import { AsterismError } from '../domain/errors.ts';
import { storesInUse } from '../store/import-store.ts';
import { importFiles } from './import-files.ts';
import { ownFixture, withTempDb } from './testing.ts';

/** Issue 27: an import without a store goes to the seller's one store; with none or several it is refused, naming them. */
const uk = ownFixture('br-child-uk-2025-sku.csv');
const de = ownFixture('br-child-de.csv');
const week = { from: '2026-10-01', to: '2026-10-07' };
const deWeek = { ...week, marketplace: 'DE' }; // EUR alone does not name the marketplace

const importRows = async (db: Parameters<typeof storesInUse>[0]) => Number((await db.all('SELECT count(*) AS n FROM import_log'))[0]?.n);

describe('the store of an import that names none', () => {
  test('a new database: its one store, "default", takes the first import', () => withTempDb(async (db) => {
    expect(await storesInUse(db)).toEqual(['default']);
    const { files } = await importFiles(db, [uk], week);
    expect(files[0]).toMatchObject({ status: 'imported', store: 'default' });
  }));

  test('one store of the seller\'s own: the import goes there, and the unused "default" is not a store', () => withTempDb(async (db) => {
    await importFiles(db, [uk], { ...week, store: 'acme' });
    expect(await storesInUse(db)).toEqual(['acme']);
    const { files } = await importFiles(db, [de], deWeek);
    expect(files[0]).toMatchObject({ status: 'imported', store: 'acme' });
  }));

  test('two stores: refused before any file, listing both in en and zh; nothing written', () => withTempDb(async (db) => {
    await importFiles(db, [uk], { ...week, store: 'acme' });
    await importFiles(db, [uk], { ...week, store: 'shop2' });
    const before = await importRows(db);
    const refused = await importFiles(db, [de], deWeek).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AsterismError);
    const e = refused as AsterismError;
    expect(e.code).toBe('bad_request');
    expect(e.in('en')).toMatch(/stores acme, shop2: give one with --store/);
    expect(e.in('zh')).toMatch(/已有店铺 acme, shop2：请用 --store/);
    expect(e.details).toEqual({ stores: ['acme', 'shop2'] });
    expect(await importRows(db)).toBe(before); // 2 imports, no third
    expect(before).toBe(2);
    // naming one still works
    expect((await importFiles(db, [de], { ...deWeek, store: 'shop2' })).files[0]).toMatchObject({ status: 'imported', store: 'shop2' });
  }));

  test('"default" holding data beside another store counts as one of two', () => withTempDb(async (db) => {
    await importFiles(db, [uk], week);
    await importFiles(db, [uk], { ...week, store: 'acme' });
    expect(await storesInUse(db)).toEqual(['acme', 'default']);
    await expect(importFiles(db, [de], deWeek)).rejects.toThrow(/stores acme, default/);
  }));

  test('no store at all: refused, asking to name one', () => withTempDb(async (db) => {
    await db.run("DELETE FROM stores WHERE name = 'default'");
    expect(await storesInUse(db)).toEqual([]);
    const refused = await importFiles(db, [uk], week).catch((e: unknown) => e as AsterismError);
    expect(refused).toBeInstanceOf(AsterismError);
    expect((refused as AsterismError).in('en')).toMatch(/no store yet: name the store these files belong to with --store/);
    expect((refused as AsterismError).in('zh')).toMatch(/还没有店铺/);
    expect(await importRows(db)).toBe(0);
    expect((await importFiles(db, [uk], { ...week, store: 'acme' })).files[0]).toMatchObject({ status: 'imported', store: 'acme' });
  }));
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './run-cli.ts';

/** Issue 27 in the real CLI: `asterism import` without --store takes the one store, or asks which, listing them. */
const fixture = (name: string) => resolve('test/fixtures/ingest', name);
const uk = ['import', fixture('br-child-uk-2025-sku.csv'), '--from', '2026-10-01', '--to', '2026-10-07', '--json'];
const de = ['import', fixture('br-child-de.csv'), '--marketplace', 'DE', '--from', '2026-10-01', '--to', '2026-10-07', '--json'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-import-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asterism import without --store', () => {
  test('zero stores of the seller\'s own (a new database): the first import goes to its one store, "default"', async () => {
    const db = join(dir, 'new.duckdb');
    const r = await runCli([...uk, '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: 'imported', store: 'default' });
  });

  test('one store named by its first import: later imports go there', async () => {
    const db = join(dir, 'one.duckdb');
    expect((await runCli([...uk, '--store', 'acme', '--db', db])).code).toBe(0);
    const r = await runCli([...de, '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: 'imported', store: 'acme', marketplace: 'DE' });
  });

  test('two stores: refused with exit 1, listing them in en and zh, nothing imported', async () => {
    const db = join(dir, 'two.duckdb');
    expect((await runCli([...uk, '--store', 'acme', '--db', db])).code).toBe(0);
    expect((await runCli([...uk, '--store', 'shop2', '--db', db])).code).toBe(0);
    const en = await runCli([...de, '--db', db]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('This database holds stores acme, shop2: give one with --store <name>');
    const zh = await runCli(['--lang', 'zh', ...de, '--db', db]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('数据库中已有店铺 acme, shop2');
    const sources = JSON.parse((await runCli(['sources', '--json', '--db', db])).stdout).sources as { store: string }[];
    expect(sources.map((s) => s.store).sort()).toEqual(['acme', 'shop2']);
  });
});

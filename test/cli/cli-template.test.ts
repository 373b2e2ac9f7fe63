import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'asterism-template-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('templates in Chinese and English re-import as master data', async () => {
  for (const [args, type] of [[['template', 'products', '--lang', 'zh'], 'master_products'], [['kpi', 'targets', 'template', '--lang', 'en'], 'master_targets']] as const) {
    const out = join(dir, `${type}.csv`);
    const written = await runCli([...args, '--out', out]);
    expect(written.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const imported = await runCli(['import', out, '--json', '--db', join(dir, 'db.duckdb')]);
    expect(JSON.parse(imported.stdout).files[0]).toMatchObject({ type, status: 'imported', rows: 1 });
  }
  expect(readFileSync(join(dir, 'master_products.csv'), 'utf8')).toContain('卖家SKU');
  const bad = await runCli(['template', 'invoices']);
  expect(bad.stderr).toMatch(/^asterism: unknown template "invoices"/);
});

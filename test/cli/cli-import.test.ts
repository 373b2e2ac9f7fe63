import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './run-cli.ts';

/** `asterism import` and `asterism sources` as the CLI contract says, on the project's own fixtures. */
const fixture = (name: string) => resolve('test/fixtures/ingest', name);
let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-import-'));
  db = join(dir, 'import.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asterism import', () => {
  test('imports, then answers unchanged for the same bytes; a bad file fails alone with a non-zero exit', async () => {
    const args = ['import', fixture('br-child-uk-2025-sku.csv'), '--from', '2026-10-01', '--to', '2026-10-07', '--json', '--db', db];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).files).toMatchObject([
      { type: 'business_report_child', store: 'default', marketplace: 'UK', status: 'imported', from: '2026-10-01', to: '2026-10-07', replaced: 0, error: null },
    ]);
    const again = await runCli([...args.slice(0, 2), fixture('br-child-bad-number.csv'), ...args.slice(2)]);
    expect(again.code).toBe(1);
    const files = JSON.parse(again.stdout).files as { status: string; error: string | null }[];
    expect(files.map((f) => f.status)).toEqual(['unchanged', 'error']);
    expect(files[1]?.error).toMatch(/line 3, column "Units ordered": "twelve" is not a whole number/);
  });

  test('a Business Report by child item without --from/--to is refused', async () => {
    const r = await runCli(['import', fixture('br-child-us-2019-sku.csv'), '--marketplace', 'US', '--json', '--db', db]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].error).toMatch(/--from and --to/);
  });

  test('sources lists what was imported', async () => {
    const r = await runCli(['sources', '--json', '--db', db]);
    expect(JSON.parse(r.stdout).sources).toMatchObject([
      { file: 'br-child-uk-2025-sku.csv', type: 'business_report_child', store: 'default', marketplace: 'UK', from: '2026-10-01', to: '2026-10-07' },
    ]);
  });
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './run-cli.ts';

/**
 * `asterism restock --json` through the binary: the CLI contract's exact keys. The lead-time and PO sheets of
 * src/app/restock.test.ts without sales: each SKU is there (from its PO), with no rate to plan from (unknown, not 0).
 */
let dir: string;
let db: string;
const cli = (...args: string[]) => runCli([...args, '--db', db]);
const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/ingest/master-data/restock', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-restock-cli-'));
  db = join(dir, 'restock.duckdb');
  const imported = await cli('import', fixture('lead-times.csv'), fixture('purchase-orders.csv'), '--json');
  expect(JSON.parse(imported.stdout).files.map((f: { status: string }) => f.status)).toEqual(['imported', 'imported']);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('restock --json answers exactly {"rows":[…]} with the contract keys; a bad freight mode is a usage error', async () => {
  const run = await cli('restock', '--json', '--as-of', '2026-11-30');
  expect(run.code, run.stderr).toBe(0);
  const answer = JSON.parse(run.stdout);
  expect(Object.keys(answer)).toEqual(['rows']);
  expect(answer.rows).toEqual([expect.objectContaining({ sku: 'MAT-1', marketplace: 'US', velocity: null, on_order: 300, order_quantity: null, reason: expect.objectContaining({ code: 'no_sales' }) })]);
  for (const row of answer.rows) {
    expect(Object.keys(row)).toEqual(['sku', 'marketplace', 'velocity', 'forecast_daily', 'lead_time_days', 'safety_stock', 'reorder_point', 'available', 'inbound', 'on_order', 'order_quantity', 'order_by', 'reason']);
  }
  const bad = await cli('restock', '--freight', 'boat');
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/freight_mode/);
});

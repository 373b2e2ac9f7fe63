import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../scenarios/profit-files.ts';
import { runCli } from './run-cli.ts';

// The dataset and its hand-worked numbers: test/scenarios/profit-files.ts and src/app/profit.test.ts.
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-profit-'));
  db = join(dir, 'profit.duckdb');
  const files = writeProfitFiles(dir);
  const imported = await runCli(['import', ...files.filter((f) => !isSbCampaignFile(f)), '--json', '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
  const sb = await runCli(['import', ...files.filter(isSbCampaignFile), '--ad-type', 'sb', '--json', '--db', db]);
  expect(sb.code, sb.stderr).toBe(0);
  for (const r of profitFxRates) {
    expect((await runCli(['fx', 'set', '--date', r.date, '--base', r.base, '--quote', r.quote, '--rate', r.rate, '--db', db])).code).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('asterism profit --by sku: order basis by default, posted basis on request', async () => {
  const order = await runCli(['profit', '--by', 'sku', '--from', '2026-02-01', '--to', '2026-02-28', '--json', '--db', db]);
  expect(order.code, order.stderr).toBe(0);
  const answer = JSON.parse(order.stdout) as { basis: string; rows: Record<string, unknown>[] };
  expect(answer.basis).toBe('order');
  const mat = answer.rows.find((r) => r.sku === 'US-MAT');
  expect(mat).toMatchObject({ currency: 'USD', revenue: 25, net_profit: -17.23, payout_costs: 15 });
  const de = answer.rows.find((r) => r.sku === 'DE-MAT');
  expect(de).toMatchObject({ currency: 'EUR', revenue: 20, refund_admin_fees: 0.71, missing: { net_profit: ['storage_fees', 'payout_costs', 'ad_cost'] } });

  const posted = JSON.parse((await runCli(['profit', '--by', 'sku', '--basis', 'posted', '--from', '2026-02-01', '--to', '2026-02-28', '--json', '--db', db])).stdout);
  expect(posted.rows.find((r: Record<string, unknown>) => r.sku === 'US-MAT')).toMatchObject({ revenue: 75 });

  const cny = JSON.parse((await runCli(['profit', '--sku', 'US-MAT', '--currency', 'CNY', '--json', '--db', db])).stdout);
  expect(cny.rows[0]).toMatchObject({ currency: 'CNY', revenue: 530 });
}, 120_000);

test('bad input: one clear line, non-zero exit', async () => {
  const bad = await runCli(['profit', '--basis', 'cash', '--db', db]);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/^asterism: --basis "cash": expected order or posted/);
});

test('costs set and list; the shipments and payouts templates', async () => {
  const set = await runCli(['costs', 'set', '--sku', 'US-MUG', '--effective-from', '2026-02-01', '--unit-cost', '36', '--marketplace', 'US', '--json', '--db', db]);
  expect(set.code, set.stderr).toBe(0);
  expect(JSON.parse(set.stdout).cost).toMatchObject({ sku: 'US-MUG', currency: 'CNY', unit_cost: '36' });
  const list = JSON.parse((await runCli(['costs', 'list', '--sku', 'US-MUG', '--json', '--db', db])).stdout);
  expect(list.costs).toHaveLength(1);
  for (const kind of ['shipments', 'payouts']) {
    const out = join(dir, `${kind}.csv`);
    expect((await runCli(['template', kind, '--lang', 'zh', '--out', out])).code).toBe(0);
    const imported = JSON.parse((await runCli(['import', out, '--json', '--db', db])).stdout);
    expect(imported.files[0]).toMatchObject({ type: `master_${kind}`, status: 'imported', rows: 1 });
  }
  expect(readFileSync(join(dir, 'shipments.csv'), 'utf8')).toContain('货件号');
}, 120_000);

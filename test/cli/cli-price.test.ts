import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

/**
 * `asterism price suggest → approve → export` through the binary (CLI contract "profit and price").
 * A US mat: cost 57.60 CNY, 1 USD = 7.20 CNY, so 8.00 USD landed; Home and Kitchen (15%, min $0.30);
 * 10 × 6 × 0.5 in, 5 oz: FBA small standard 4–6 oz, $3.45 at $10–$50 (2026 card).
 */
let dir: string;
let db: string;
const cli = (...args: string[]) => runCli([...args, '--db', db], { ASTERISM_USER: 'operator-1' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-price-cli-'));
  db = join(dir, 'price.duckdb');
  writeFileSync(join(dir, 'products.csv'), '卖家SKU,ASIN,类目,长,宽,高,尺寸单位,重量,重量单位\r\nMAT-1,B0MAT00001,家居厨房,25.4,15.24,1.27,cm,5,oz\r\n');
  writeFileSync(join(dir, 'costs.csv'), 'SKU,生效日期,币种,单位成本,站点\r\nMAT-1,2026-01-01,CNY,57.60,US\r\n');
  writeFileSync(join(dir, 'competitors.csv'), 'asin,date,price,competitor,marketplace\nB0MAT00001,2026-02-20,16.49,B0RIVAL001,US\n');
  const imported = await cli('import', join(dir, 'products.csv'), join(dir, 'costs.csv'), join(dir, 'competitors.csv'), '--json');
  expect(JSON.parse(imported.stdout).files.map((f: { status: string }) => f.status)).toEqual(['imported', 'imported', 'imported']);
  expect((await cli('fx', 'set', '--date', '2026-01-01', '--base', 'USD', '--quote', 'CNY', '--rate', '7.20')).code).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('suggest → approve → export, with the contract JSON and a final decision', async () => {
  const noRules = JSON.parse((await cli('price', 'suggest', '--sku', 'MAT-1', '--date', '2026-03-01', '--json')).stdout);
  // competitor-anchored 16.49 is above break-even (8 + 3.45) / 0.85 = 13.48: no rule bounds it
  expect(noRules).toMatchObject({ sku: 'MAT-1', marketplace: 'US', currency: 'USD', break_even_price: 13.48, target_margin_price: null, competitor_price: 16.49, suggested_price: 16.49, rules_applied: [], status: 'pending', estimated: true });
  expect(Object.keys(noRules).slice(0, 9)).toEqual(['sku', 'marketplace', 'currency', 'break_even_price', 'target_margin_price', 'competitor_price', 'suggested_price', 'rules_applied', 'status']);

  expect((await cli('price', 'rules', 'set', '--min-margin', '10%', '--json')).code).toBe(0);
  const run = await cli('price', 'suggest', '--sku', 'MAT-1', '--date', '2026-03-01', '--target-margin', '20%', '--json');
  const s = JSON.parse(run.stdout);
  // 20% of revenue: 0.85 P − 11.45 = 0.20 P → 11.45 / 0.65 = 17.62; the floor (10%: 15.27) does not bind
  expect(s).toMatchObject({ break_even_price: 13.48, target_margin_price: 17.62, competitor_price: 16.49, suggested_price: 17.62, rules_applied: [], status: 'pending', created_by: 'operator-1' });

  const approved = JSON.parse((await cli('price', 'approve', String(s.id), '--note', 'launch price', '--json')).stdout);
  expect(approved).toMatchObject({ id: s.id, status: 'approved', decided_by: 'operator-1', note: 'launch price' });
  const again = await cli('price', 'reject', String(s.id), '--user', 'boss');
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/^asterism: price suggestion \d+ was already approved by operator-1/);

  const out = join(dir, 'amazon-prices.txt');
  const exported = JSON.parse((await cli('price', 'export', '--channel', 'amazon', '--out', out, '--json')).stdout);
  expect(exported).toMatchObject({ channel: 'amazon', marketplace: 'US', count: 1, rows: [{ sku: 'MAT-1', price: '17.62' }] });
  const lines = readFileSync(out, 'utf8').split('\r\n');
  expect(lines[0]?.startsWith('TemplateType=PriceInventory\tVersion=2018.0924\t')).toBe(true);
  expect(lines[2]).toBe('sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\tfulfillment-channel');
  expect(lines[3]).toBe('MAT-1\t17.62\t\t\t\t\t');
  // exported once: the next export is empty
  expect(JSON.parse((await cli('price', 'export', '--channel', 'amazon', '--out', join(dir, 'again.txt'), '--json')).stdout)).toMatchObject({ count: 0 });
  const log = JSON.parse((await cli('price', 'log', '--json')).stdout);
  expect(log.decisions.map((d: { action: string; user: string }) => [d.action, d.user])).toEqual([['approve', 'operator-1'], ['export', 'operator-1']]);
}, 240_000); // ten runs of the binary: slow on a busy machine

test('a SKU without cost: one clear line in the chosen language (English or Chinese), exit 1', async () => {
  const en = await cli('price', 'suggest', '--sku', 'GHOST', '--marketplace', 'US', '--lang', 'en');
  expect(en.code).toBe(1);
  expect(en.stderr).toMatch(/^asterism: SKU GHOST has no cost in store default for US .*costs/);
  const zh = await cli('price', 'suggest', '--sku', 'GHOST', '--marketplace', 'US', '--lang', 'zh');
  expect(zh.code).toBe(1);
  expect(zh.stderr).toMatch(/^asterism: SKU GHOST 在店铺 default.*没有.*成本/);
});

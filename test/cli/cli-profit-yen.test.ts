import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { createApi } from '../../src/server/app.ts';
import { runCli } from './run-cli.ts';

// A Seller Central JP transaction report: three refunds whose order lines are not imported (each gives back 283 yen of
// referral fee) and three orders of PLATE-JP at 1,005 yen written with the consumption tax included (tax column 0)
const header = '"日付/時間","決済番号","トランザクションの種類","注文番号","SKU","説明","数量","Amazon 出品サービス","フルフィルメント","市町村","都道府県","郵便番号","税金徴収型","商品売上","商品の売上税","配送料","配送料の税金","ギフト包装手数料","ギフト包装クレジットの税金","Amazonポイントの費用","プロモーション割引額","プロモーション割引の税金","源泉徴収税を伴うマーケットプレイス","手数料","FBA 手数料","トランザクションに関するその他の手数料","その他","合計"';
const refund = (n: number) =>
  `"2026/02/1${n} 12:00:00 JST","300","返金","250-0000000-000000${n}","CUP-JP","マグカップ","1","amazon.co.jp","Amazon","","","","","-2,830","0","0","0","0","0","0","0","0","","283","0","0","0","-2,547"`;
const order = (n: number) =>
  `"2026/02/2${n} 12:00:00 JST","300","注文","250-0000000-000002${n}","PLATE-JP","皿","1","amazon.co.jp","Amazon","","","","","1,005","0","0","0","0","0","0","0","0","","0","0","0","0","1,005"`;

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-yen-'));
  db = join(dir, 'yen.duckdb');
  const file = join(dir, 'jp.csv');
  writeFileSync(file, ['"指定のない場合、単位は円"', '', header, refund(1), refund(2), refund(3), order(1), order(2), order(3)].join('\n'));
  const imported = await runCli(['import', file, '--json', '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
  const set = await runCli(['tax', 'set', '--revenue', 'net', '--json', '--db', db]);
  expect(set.code, set.stderr).toBe(0);
  expect(JSON.parse(set.stdout)).toEqual({ setting: { store: 'default', marketplace: 'JP', revenue_net: true, reduced_product_lines: [] } });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// refund administration fee: ¼ of 283 = 70.75 per refund → 71 yen each (a charge of its own), 3 × 71 = 213;
// net of 10 % (written with the tax included): refunds 3 × 2,830 / 1.10 = 7,718.18… → 7,718; revenue 3 × 1,005 / 1.10 =
// 2,740.909… → 2,741 (summed, then rounded: rounding each line first would give 3 × 914 = 2,742)
const expected = { 'CUP-JP': { currency: 'JPY', refunds: 7718, refund_admin_fees: 213 }, 'PLATE-JP': { currency: 'JPY', revenue: 2741 } };
const moneyOf = (row: Record<string, unknown>) => ['revenue', 'refunds', 'referral_fees', 'refund_admin_fees', 'net_profit'].map((k) => row[k]).filter((v) => typeof v === 'number');

test('a JPY profit answer has no fractional yen: CLI JSON, the explanation, and the HTTP API', async () => {
  const cli = await runCli(['profit', '--by', 'sku', '--from', '2026-02-01', '--to', '2026-02-28', '--explain', '--json', '--db', db]);
  expect(cli.code, cli.stderr).toBe(0);
  const answer = JSON.parse(cli.stdout) as { rows: Record<string, unknown>[]; taxes: { revenue: string; en: string; zh: string }[] };
  for (const [sku, values] of Object.entries(expected)) expect(answer.rows.find((r) => r.sku === sku)).toMatchObject(values);
  for (const row of answer.rows) for (const v of moneyOf(row)) expect(Number.isInteger(v), `${String(row.sku)}: ${String(v)}`).toBe(true);
  expect(answer.taxes).toEqual([expect.objectContaining({ marketplace: 'JP', revenue: 'net' })]);
  expect(answer.taxes[0]?.en).toContain('net of Japanese consumption tax');
  expect(answer.taxes[0]?.zh).toContain('不含日本消费税');

  const asterism = await LocalAsterism.open(db);
  try {
    const api = createApi(asterism, {});
    const res = await api.request('/api/profit?by=sku&from=2026-02-01&to=2026-02-28', { headers: { 'X-Asterism-Request': '1' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[]; taxes: { revenue: string }[] };
    for (const [sku, values] of Object.entries(expected)) expect(body.rows.find((r) => r.sku === sku)).toMatchObject(values);
    for (const row of body.rows) for (const v of moneyOf(row)) expect(Number.isInteger(v)).toBe(true);
    expect(body.taxes[0]?.revenue).toBe('net');
  } finally {
    await asterism.close();
  }
}, 120_000);

import { expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../ingest/import-files.ts';
import { withTempDb } from '../ingest/testing.ts';
import { runOperation } from './operations.ts';
import { profitRows } from './profit.ts';

// A Seller Central JP transaction report (the layout of the real 2023-09 file in ../shared/fixtures):
// - MAT-JP written as a taxable seller's settlement writes it: 商品売上 2,389 without the tax, 商品の売上税 191 beside it
// - TEA-JP (product line 食品, food) and PLATE-JP ×3 written with the tax included and no tax beside them (0)
const header = '"日付/時間","決済番号","トランザクションの種類","注文番号","SKU","説明","数量","Amazon 出品サービス","フルフィルメント","市町村","都道府県","郵便番号","税金徴収型","商品売上","商品の売上税","配送料","配送料の税金","ギフト包装手数料","ギフト包装クレジットの税金","Amazonポイントの費用","プロモーション割引額","プロモーション割引の税金","源泉徴収税を伴うマーケットプレイス","手数料","FBA 手数料","トランザクションに関するその他の手数料","その他","合計"';
const order = (n: number, sku: string, sales: string, tax: string, total: string) =>
  `"2026/03/0${n} 12:00:00 JST","400","注文","250-0000000-000010${n}","${sku}","商品","1","amazon.co.jp","Amazon","","","","","${sales}","${tax}","0","0","0","0","0","0","0","","0","0","0","0","${total}"`;
const products = 'sku,asin,product_line,effective_from\nTEA-JP,B0TEST0T01,食品,2026-01-01\nPLATE-JP,B0TEST0P01,食器,2026-01-01\nMAT-JP,B0TEST0M01,インテリア,2026-01-01\n';

test('JP consumption tax: as written, net (10 %, food 8 %) or gross, per store setting, never rounded before summing', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'jp-orders.csv');
    writeFileSync(file, ['"指定のない場合、単位は円"', '', header,
      order(1, 'MAT-JP', '2,389', '191', '2,580'), order(2, 'TEA-JP', '1,080', '0', '1,080'),
      order(3, 'PLATE-JP', '1,005', '0', '1,005'), order(4, 'PLATE-JP', '1,005', '0', '1,005'), order(5, 'PLATE-JP', '1,005', '0', '1,005')].join('\n'));
    writeFileSync(join(dir, 'products.csv'), products);
    for (const r of (await importFiles(db, [file, join(dir, 'products.csv')])).files) expect(r.status, r.error ?? '').toBe('imported');
    const revenue = async () => Object.fromEntries((await profitRows(db, { by: ['sku'], from: '2026-03-01', to: '2026-03-31' })).rows.map((r) => [r.sku, r.revenue]));

    // no setting: as written — MAT 2,389 (tax beside it, not counted); TEA 1,080; PLATE 3 × 1,005 = 3,015
    expect(await revenue()).toEqual({ 'MAT-JP': 2389, 'TEA-JP': 1080, 'PLATE-JP': 3015 });

    await runOperation(db, 'consumption_tax_set', { marketplace: 'JP', revenue: 'net', reduced_product_lines: ['食品'] });
    // net: MAT 2,389 (already net: its tax is written beside it); TEA (food) 1,080 / 1.08 = 1,000;
    // PLATE 1,005 / 1.10 = 913.6363… per line, 3 lines = 2,740.909… → 2,741 yen (rounding each line first: 3 × 914 = 2,742)
    expect(await revenue()).toEqual({ 'MAT-JP': 2389, 'TEA-JP': 1000, 'PLATE-JP': 2741 });
    const answer = await profitRows(db, { by: ['sku'], from: '2026-03-01', to: '2026-03-31' });
    expect(answer.taxes).toEqual([expect.objectContaining({ store: 'default', marketplace: 'JP', revenue: 'net', rate: '0.10', reduced_rate: '0.08', reduced_product_lines: ['食品'] })]);
    expect(answer.taxes[0]?.en).toContain('食品 at the reduced 8 % (food)');
    expect(answer.taxes[0]?.zh).toContain('按食品轻减税率 8 %');

    await runOperation(db, 'consumption_tax_set', { marketplace: 'JP', revenue: 'gross' });
    // gross (the seller keeps the tax): MAT 2,389 + 191 = 2,580; TEA 1,080 and PLATE 3,015 as written; the food lines are kept
    expect(await revenue()).toEqual({ 'MAT-JP': 2580, 'TEA-JP': 1080, 'PLATE-JP': 3015 });
    expect((await runOperation(db, 'consumption_tax_list', {})).settings).toEqual([{ store: 'default', marketplace: 'JP', revenue_net: false, reduced_product_lines: ['食品'] }]);
  }));

test('a consumption-tax setting for a marketplace without one is refused, in English and Chinese', () =>
  withTempDb(async (db) => {
    const refusal = await runOperation(db, 'consumption_tax_set', { marketplace: 'US', revenue: 'net' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'bad_marketplace', message: expect.stringContaining('it applies to JP') });
    expect((refusal as { texts?: { zh: string } }).texts?.zh).toContain('适用于 JP');
  }));

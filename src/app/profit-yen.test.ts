import { expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../ingest/import-files.ts';
import { withTempDb } from '../ingest/testing.ts';
import { profitRows } from './profit.ts';

// A Seller Central JP transaction report (the layout of test/fixtures/ingest/payments-transactions/date-range-ja.csv):
// three refunds whose order lines are not imported, each giving back 283 yen of referral fee
const header = '"日付/時間","決済番号","トランザクションの種類","注文番号","SKU","説明","数量","Amazon 出品サービス","フルフィルメント","市町村","都道府県","郵便番号","税金徴収型","商品売上","商品の売上税","配送料","配送料の税金","ギフト包装手数料","ギフト包装クレジットの税金","Amazonポイントの費用","プロモーション割引額","プロモーション割引の税金","源泉徴収税を伴うマーケットプレイス","手数料","FBA 手数料","トランザクションに関するその他の手数料","その他","合計"';
const refund = (n: number) =>
  `"2026/02/1${n} 12:00:00 JST","300","返金","250-0000000-000000${n}","CUP-JP","マグカップ","1","amazon.co.jp","Amazon","","","","","-2,830","0","0","0","0","0","0","0","0","","283","0","0","0","-2,547"`;

test('JPY: an estimated refund administration fee is whole yen on each refund, never 70.75', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'jp-refunds.csv');
    writeFileSync(file, ['"指定のない場合、単位は円"', '', header, refund(1), refund(2), refund(3)].join('\n'));
    const [r] = (await importFiles(db, [file])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 3 });
    const answer = await profitRows(db, { by: ['sku'], from: '2026-02-01', to: '2026-02-28' });
    // each refund: ¼ of the 283 yen referral refunded = 70.75 → 71 yen (JPY has no minor unit), so 3 × 71 = 213;
    // rounding only the sum would give 3 × 70.75 = 212.25 → 212
    expect(answer.rows.find((row) => row.sku === 'CUP-JP')).toMatchObject({ currency: 'JPY', refunds: 8490, refund_admin_fees: 213 });
  }));

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transactionsCsv, tx } from '../../test/scenarios/profit-files.ts';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.5: price suggest reads the SKU's own settled orders of the last 90 days before the fee
 * tables. A US bath mat with a cost (10.00 USD) but no fee category, no size, no fee preview; its
 * payments report (Date Range Transactions):
 *   2025-10-01 O-OLD  ×1  59.98  selling −20.00  FBA −10.00   (more than 90 days before 2026-03-01: not read)
 *   2026-02-10 O-1    ×1  59.98  selling  −9.00  FBA  −6.50
 *   2026-02-20 O-2    ×2 119.96  selling −17.99  FBA −13.00
 *   2026-02-21 refund of O-1 (not an Order line: not read)
 */
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-settled-fees-'));
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const files = [
    write('products.csv', 'sku,asin\nMAT-TX,B0MATTX001\nMAT-NONE,B0MATNO001\n'),
    write('costs.csv', 'sku,effective_from,currency,unit_cost,freight_per_unit,duty_rate,marketplace\nMAT-TX,2025-01-01,USD,10.00,,,US\nMAT-NONE,2025-01-01,USD,10.00,,,US\n'),
    write('transactions.csv', transactionsCsv([
      tx('Oct 1, 2025 10:00:00 AM PDT', 'Order', 'O-OLD', 'MAT-TX', 'Bath mat', '1', 'amazon.com', 'Amazon', { sales: 59.98, selling: -20, fba: -10 }),
      tx('Feb 10, 2026 10:00:00 AM PST', 'Order', 'O-1', 'MAT-TX', 'Bath mat', '1', 'amazon.com', 'Amazon', { sales: 59.98, selling: -9, fba: -6.5 }),
      tx('Feb 20, 2026 10:00:00 AM PST', 'Order', 'O-2', 'MAT-TX', 'Bath mat', '2', 'amazon.com', 'Amazon', { sales: 119.96, selling: -17.99, fba: -13 }),
      tx('Feb 21, 2026 10:00:00 AM PST', 'Refund', 'O-1', 'MAT-TX', 'Bath mat', '1', 'amazon.com', 'Amazon', { sales: -59.98, selling: 7.2 }),
    ])),
  ];
  const result = await importFiles(db = await Database.open(join(dir, 'fees.duckdb')), files, { marketplace: 'US' });
  expect(result.files.map((f) => [f.status, f.error])).toEqual(files.map(() => ['imported', null]));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('price suggest with only the SKU\'s own settled orders', () => {
  test('referral rate and FBA fee per unit from the last 90 days, each fee saying its source', async () => {
    const s = await runOperation(db, 'price_suggest', { sku: 'MAT-TX', date: '2026-03-01' });
    // referral rate (9.00 + 17.99) / (59.98 + 119.96) = 26.99 / 179.94 = 0.149994 → 0.1500
    // FBA per unit (6.50 + 13.00) / (1 + 2) = 6.50
    // break-even (US, no VAT): P − 0.15 P − 6.50 − 10.00 = 0 → P = 16.50 / 0.85 = 19.4118 → 19.42
    expect(s).toMatchObject({ sku: 'MAT-TX', marketplace: 'US', currency: 'USD', break_even_price: 19.42, suggested_price: 19.42 });
    expect(s.fees).toMatchObject({
      basis: 'settled', sources: { referral: 'settled', fulfilment: 'settled' }, versions: ['settled-2025-12-02-2026-03-01'],
      settled: { from: '2025-12-02', to: '2026-03-01', orders: 2, units: 3, product_sales: 179.94, selling_fees: 26.99, fba_fees: 19.5, referral_rate: 0.15, fba_per_unit: 6.5 },
      // at 19.42: referral 0.15 × 19.42 = 2.913 → 2.91; FBA 6.50
      referral: 2.91, fulfilment: 6.5,
    });
    expect(s.fees.notes.map((n: { code: string }) => n.code)).toEqual(['settled_referral', 'settled_fba']);
    expect(s.fees.notes[0]).toMatchObject({ en: expect.stringMatching(/settled orders of the last 90 days/), zh: expect.stringMatching(/近90天已结算订单/) });
  });

  test('with an FBA fee preview too: the preview\'s FBA fee (today\'s rate card), the settled referral rate', async () => {
    await db.run(`INSERT INTO fee_estimates (store, marketplace, snapshot_date, sku, price, referral_fee, fulfillment_fee, total_fee, currency, import_id)
      VALUES ('default', 'US', DATE '2026-02-25', 'MAT-TX', 59.98, 9.00, 6.80, 15.80, 'USD', 0)`);
    const s = await runOperation(db, 'price_suggest', { sku: 'MAT-TX', date: '2026-03-01' });
    // 0.85 P = 10.00 + 6.80 → P = 16.80 / 0.85 = 19.7647 → 19.77
    expect(s.break_even_price).toBe(19.77);
    expect(s.fees).toMatchObject({
      basis: 'settled+fee_preview', sources: { referral: 'settled', fulfilment: 'fee_preview' },
      versions: ['settled-2025-12-02-2026-03-01', 'fee-preview-2026-02-25'], fulfilment: 6.8,
    });
    await db.run("DELETE FROM fee_estimates WHERE sku = 'MAT-TX'");
  });

  test('a SKU with no settled order, no category and no fee preview is still refused, naming all three', async () => {
    const refusal = await runOperation(db, 'price_suggest', { sku: 'MAT-NONE', date: '2026-03-01' }).then(() => undefined, (e: unknown) => e);
    expect(refusal).toMatchObject({ texts: {
      en: expect.stringMatching(/no settled order in the last 90 days .*no fee category.*no FBA fee preview report$/) as unknown,
      zh: expect.stringMatching(/^SKU MAT-NONE 在 US 无法确定佣金：近 90 天没有已结算订单（交易报告），产品表没有类目（category 列），也没有 FBA 费用预览报告$/) as unknown,
    } });
  });
});

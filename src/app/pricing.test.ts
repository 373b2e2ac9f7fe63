import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { runOperation } from './operations.ts';
import { estimateSkuFees } from './pricing-fees.ts';

/**
 * Pricing on a real DuckDB file: a US mat bought in CNY (57.60 unit + 0 freight, no duty; 1 USD =
 * 7.20 CNY from 2026-01-01, 7.00 from 2026-06-01), Home and Kitchen, 10 × 6 × 0.5 in, 5 oz (FBA
 * small standard 4–6 oz: $3.45 at $10–$50); a DE towel bought in EUR with an FBA fee preview.
 */
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-pricing-'));
  db = await Database.open(join(dir, 'p.duckdb'));
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const files = [
    write('products.csv', 'sku,asin,category,length,width,height,dimension_unit,weight,weight_unit\nMAT-1,B0MAT00001,Home and Kitchen,10,6,0.5,in,5,oz\nTWL-DE,B0TWL00001,,,,,,,\n'),
    write('costs.csv', 'sku,effective_from,currency,unit_cost,freight_per_unit,duty_rate,marketplace\nMAT-1,2026-01-01,CNY,57.60,,,US\nTWL-DE,2026-01-01,EUR,8.00,2.00,,DE\nNOFEE,2026-01-01,USD,1,,,US\n'),
  ];
  const result = await importFiles(db, files, {});
  expect(result.files.map((f) => f.status)).toEqual(['imported', 'imported']);
  await setFxRates(db, [{ date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.20' }, { date: '2026-06-01', base: 'USD', quote: 'CNY', rate: '7.00' }]);
  await db.run(`INSERT INTO fee_estimates (store, marketplace, snapshot_date, sku, price, referral_fee, fulfillment_fee, total_fee, currency, import_id)
    VALUES ('default', 'DE', DATE '2026-03-01', 'TWL-DE', 20.00, 3.00, 3.00, 6.00, 'EUR', 0)`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('suggest', () => {
  test('FX with dated rates: 57.60 CNY is 8.00 USD on 2026-03-01 and 8.2286 USD on 2026-07-01', async () => {
    const march = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-03-01', user: 'li' });
    // (8 + 3.45) / 0.85 = 13.4706 → 13.48
    expect(march).toMatchObject({ sku: 'MAT-1', marketplace: 'US', currency: 'USD', break_even_price: 13.48, target_margin_price: null, competitor_price: null, suggested_price: 13.48, rules_applied: ['floor'], status: 'pending', created_by: 'li' });
    expect(march.cost).toMatchObject({ cost_currency: 'CNY', fx_date: '2026-01-01', landed_cost: 8 });
    const july = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-07-01', target_margin: '0.2' });
    // 57.60 / 7.00 = 8.228571; break-even (8.228571 + 3.45) / 0.85 = 13.7395 → 13.74; 20%: 11.678571 / 0.65 = 17.967 → 17.97
    expect(july).toMatchObject({ break_even_price: 13.74, target_margin_price: 17.97, suggested_price: 17.97, rules_applied: [] });
    expect(july.cost).toMatchObject({ fx_date: '2026-06-01', landed_cost: 8.2286 });
    expect(july.fees).toMatchObject({ basis: 'table', versions: ['US-referral-2026', 'US-FBA-2026-01-15'], referral: 2.7, fulfilment: 3.45 });
  });
  test('EU with VAT from the fee preview: DE 19%, referral 3.00 / 20.00 = 15%, FBA 3.00, cost 8 + 2 = 10 EUR → 18.84', async () => {
    // P / 1.19 − 0.15 P − 3 − 10 = 0 → P = 13 / 0.690336 = 18.8315 → 18.84
    const de = await runOperation(db, 'price_suggest', { sku: 'TWL-DE', marketplace: 'DE', date: '2026-03-01' });
    expect(de).toMatchObject({ marketplace: 'DE', currency: 'EUR', break_even_price: 18.84, current_price: 20 });
    expect(de.fees.basis).toBe('fee_preview');
    expect(de.fees.notes.map((n: { code: string }) => n.code)).toEqual(['implied_referral', 'fee_preview']);
  });
  test('a SKU without cost, or without fees, is a clear error in English and Chinese', async () => {
    // each language on its own (the CLI's --lang and Accept-Language pick one), not both in one string
    const refusal = (input: Record<string, string>) => runOperation(db, 'price_suggest', input).then(() => undefined, (e: unknown) => e);
    expect(await refusal({ sku: 'NOPE', marketplace: 'US', date: '2026-03-01' })).toMatchObject({
      code: 'not_found',
      texts: {
        en: 'SKU NOPE has no cost in store default for US on 2026-03-01: import a costs file (asterism template costs)',
        zh: 'SKU NOPE 在店铺 default、站点 US 没有 2026-03-01 有效的成本：请先导入成本表（asterism template costs）',
      },
    });
    expect(await refusal({ sku: 'NOFEE', marketplace: 'US', date: '2026-03-01' })).toMatchObject({
      texts: { en: expect.stringMatching(/^no referral fee for SKU NOFEE in US: no settled order in the last 90 days/) as unknown, zh: expect.stringMatching(/^SKU NOFEE 在 US 无法确定佣金：近 90 天没有已结算订单/) as unknown },
    });
    expect(await refusal({ sku: 'MAT-1', marketplace: 'XX' })).toMatchObject({
      code: 'bad_marketplace', texts: { en: '"XX" is not a marketplace code such as US, UK, DE', zh: '“XX”不是站点代码（如 US、UK、DE）' },
    });
  });
  test('rules by SKU fall back to the store default, field by field', async () => {
    await runOperation(db, 'price_rules_set', { min_margin: '0.1', max_step: 0.05 });
    await runOperation(db, 'price_rules_set', { sku: 'MAT-1', marketplace: 'US', ceiling: '15' });
    const s = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-03-01', target_margin: '0.2' });
    // floor at 10%: 11.45 / 0.75 = 15.27 is above the 15 ceiling: the floor wins, flagged
    expect(s).toMatchObject({ suggested_price: 15.27, rules_applied: ['ceiling', 'floor'], warnings: ['floor_above_ceiling'] });
    expect(s.rules.from).toMatchObject({ min_margin: '*/*', ceiling: 'MAT-1/US' });
    await expect(runOperation(db, 'price_rules_set', { max_step: '1.5' })).rejects.toThrow(/max_step "1.5" is not a fraction below 1/);
  });
});

test('rival ASINs from the products file take their prices from a Keepa export', async () => {
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const files = [
    write('rivals.csv', 'sku,asin,competitor_asins\nMAT-1,B0MAT00001,B0RIVAL001;B0RIVAL002\n'),
    write('keepa.csv', 'Locale,ASIN,Title,Buy Box: Current,New: Current\ncom,B0RIVAL001,Rival,16.49,\ncom,B0RIVAL002,Other,,15.99\n'),
  ];
  expect((await importFiles(db, files, { date: '2026-03-01' })).files.map((f) => f.status)).toEqual(['imported', 'imported']);
  const s = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-03-02' });
  // the lowest rival price on the latest day: 15.99 (B0RIVAL002's lowest new offer)
  expect(s).toMatchObject({ competitor_price: 15.99, basis: 'competitor', competitor: { date: '2026-03-01', name: 'B0RIVAL002' } });
  // the same file's day, and the size and weight the first products file gave, still hold
  expect(s.fees).toMatchObject({ basis: 'table', fulfilment: 3.45 });
  await db.run("DELETE FROM competitor_prices");
});

describe('approvals', () => {
  test('approve logs who, when and why; a decided suggestion cannot be decided again', async () => {
    const s = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-03-01' });
    const approved = await runOperation(db, 'price_approve', { id: s.id, user: 'wang', note: 'Q1 price' });
    expect(approved).toMatchObject({ status: 'approved', decided_by: 'wang', note: 'Q1 price' });
    expect(approved.decided_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d/);
    await expect(runOperation(db, 'price_reject', { id: s.id, user: 'li' })).rejects.toThrow(/already approved by wang/);
    const log = await runOperation(db, 'price_log', { id: s.id });
    expect(log.decisions).toMatchObject([{ suggestion_id: s.id, action: 'approve', user: 'wang', note: 'Q1 price', sku: 'MAT-1' }]);
    const other = await runOperation(db, 'price_suggest', { sku: 'MAT-1', date: '2026-03-01' });
    expect(await runOperation(db, 'price_reject', { id: other.id, user: 'li', note: 'too low' })).toMatchObject({ status: 'rejected', decided_by: 'li' });
    await expect(runOperation(db, 'price_approve', { id: 99999 })).rejects.toThrow(/no price suggestion 99999/);
  });
});

test('fee estimate for a SKU: tables from its attributes; the fee preview wins where present', async () => {
  expect(await estimateSkuFees(db, { store: 'default', marketplace: 'US', sku: 'MAT-1', date: '2026-03-01', price: '15' }))
    .toMatchObject({ referral: '2.25', fulfilment: '3.45', total: '5.70', basis: 'table', currency: 'USD' });
  expect(await estimateSkuFees(db, { store: 'default', marketplace: 'DE', sku: 'TWL-DE', date: '2026-03-01', price: '20' }))
    .toMatchObject({ referral: '3.00', fulfilment: '3.00', total: '6.00', basis: 'fee_preview' });
  // at 22.00 the preview's rate (3.00 / 20.00 = 15%) gives 3.30; the fulfilment fee stays the preview's
  expect(await estimateSkuFees(db, { store: 'default', marketplace: 'DE', sku: 'TWL-DE', date: '2026-03-01', price: '22' }))
    .toMatchObject({ referral: '3.30', fulfilment: '3.00', total: '6.30', basis: 'fee_preview' });
});

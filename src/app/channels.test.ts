import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ownFixture } from '../ingest/testing.ts';
import type { QueryRow } from '../metrics/query.ts';
import { LocalAsterism } from './local.ts';

/**
 * One picture across channels (issue 23): an All Orders file (Amazon) and a Shopify order export, November 2026, US.
 * Amazon: 111-…-1 2 × SKU-A 40.00 less 5.00 promotion = 35.00; 111-…-2 SKU-B 20.00; a cancelled 111-…-3 (not counted).
 * Shopify (test/fixtures/ingest/shopify-orders-us.csv): #1001 56.00, #1002 24.50, #1003 36.00, #1004 voided (not counted).
 * Walmart (test/fixtures/ingest/walmart-recon-us.csv, its reconciliation report only): sold 24.00 + 36.00, commission 3.60 + 5.40,
 * a shipping label charge 6.25, a refund of 12.00 with 1.80 commission back.
 */
let dir: string;
let asterism: LocalAsterism;
const november = { from: '2026-11-01', to: '2026-11-30' };

const allOrdersHeader = ['amazon-order-id', 'purchase-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'sku', 'asin', 'item-status', 'quantity',
  'currency', 'item-price', 'item-promotion-discount'];
const line = (id: string, at: string, status: string, sku: string, asin: string, qty: string, price: string, promo: string) =>
  [id, at, status, 'Amazon', 'Amazon.com', sku, asin, status === 'Cancelled' ? 'Cancelled' : 'Shipped', qty, 'USD', price, promo].join('\t');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-channels-'));
  asterism = await LocalAsterism.open(join(dir, 'channels.duckdb'));
  const amazon = join(dir, 'all-orders.tsv');
  writeFileSync(amazon, [allOrdersHeader.join('\t'),
    line('111-0000001-0000001', '2026-11-05T18:00:00+00:00', 'Shipped', 'MAT-01', 'B0MAT00001', '2', '40.00', '-5.00'),
    line('111-0000001-0000002', '2026-11-06T18:00:00+00:00', 'Shipped', 'CUP-02', 'B0CUP00002', '1', '20.00', ''),
    line('111-0000001-0000003', '2026-11-07T18:00:00+00:00', 'Cancelled', 'CUP-02', 'B0CUP00002', '1', '20.00', ''),
  ].join('\n') + '\n');
  const result = await asterism.importFiles([amazon, ownFixture('shopify-orders-us.csv'), ownFixture('walmart-recon-us.csv')], {});
  for (const f of result.files) expect(f.status, `${f.file}: ${f.error ?? ''}`).toBe('imported');
});

afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

const byChannel = (rows: readonly QueryRow[]) => Object.fromEntries(rows.map((r) => [String(r.channel), r]));

describe('every sales metric by channel', () => {
  test('sales, units and orders per channel, side by side', async () => {
    const answer = await asterism.query({ metrics: ['sales', 'units', 'orders'], by: ['channel'], ...november });
    const rows = byChannel(answer.rows);
    // Amazon 35.00 + 20.00 = 55.00 (3 units, 2 orders); Shopify 56.00 + 24.50 + 36.00 = 116.50 (2 + 1 + 1 + 3 = 7 units, 3 orders)
    expect(rows.amazon).toMatchObject({ sales: 55, units: 3, orders: 2 });
    expect(rows.shopify).toMatchObject({ sales: 116.5, units: 7, orders: 3 });
    expect(Object.keys(rows).sort()).toEqual(['amazon', 'shopify']);
  });

  test('a question by marketplace alone counts every channel of it', async () => {
    const answer = await asterism.query({ metrics: ['sales'], by: ['marketplace'], ...november });
    // 55.00 + 116.50 = 171.50
    expect(answer.rows).toMatchObject([{ marketplace: 'US', sales: 171.5 }]);
  });

  test('refunds per channel from the order export: a full and a partial refund', async () => {
    const answer = await asterism.query({ metrics: ['refunds'], by: ['channel'], ...november });
    // #1002 26.46 (refunded) + #1003 12.00 (partially refunded) = 38.46; Amazon: no payments report, no refund known
    expect(byChannel(answer.rows).shopify).toMatchObject({ refunds: 38.46 });
  });
});

describe('Walmart from its reconciliation report', () => {
  test('fees and net profit: the Walmart fee lines by channel', async () => {
    const answer = await asterism.query({ metrics: ['revenue', 'refunds', 'referral_fees', 'refund_admin_fees', 'other_fees', 'net_profit'], by: ['channel'], ...november });
    // revenue 24.00 + 36.00 = 60.00; refunds 12.00; commission 3.60 + 5.40 − 1.80 = 7.20 (no Amazon refund administration fee);
    // the label charge 6.25; net 60.00 − 12.00 − 7.20 − 6.25 = 34.55 (the report's Total Payable)
    expect(byChannel(answer.rows).walmart).toMatchObject({ revenue: 60, refunds: 12, referral_fees: 7.2, refund_admin_fees: 0, other_fees: 6.25, net_profit: 34.55 });
  });
});

describe('the channels overview', () => {
  test('channels side by side: fees and net profit per channel, platform share of sales and profit', async () => {
    const answer = await asterism.run('channels', november);
    const rows = byChannel(answer.rows);
    // sales 55.00 + 116.50 = 171.50: Amazon 55 / 171.5 = 0.3207, Shopify 116.5 / 171.5 = 0.6793
    expect(rows.amazon).toMatchObject({ sales: 55, sales_share: 0.3207 });
    expect(rows.shopify).toMatchObject({ sales: 116.5, sales_share: 0.6793 });
    // Shopify on the order basis: revenue 49 + 12 + 24.50 + 36 = 121.50 (the voided #1004 left out), promotions −5.00 (3.00 + 2.00),
    // refunds −38.46, shipping charged 6.00 + 0 + 5.00 = 11.00: 121.50 − 5.00 − 38.46 + 11.00 = 89.04; its fees are unknown, named missing
    expect(rows.shopify).toMatchObject({ revenue: 121.5, refunds: 38.46, net_profit: 89.04, referral_fees: null, fba_fees: 0 });
    expect((rows.shopify?.missing as Record<string, string[]>).net_profit).toContain('referral_fees');
    // Amazon: revenue 40.00 + 20.00 = 60.00 less the 5.00 promotion = 55.00, no fee data either; Walmart 34.55 (its reconciliation);
    // profit 55.00 + 89.04 + 34.55 = 178.59: Amazon 55 / 178.59 = 0.3080, Shopify 89.04 / 178.59 = 0.4986, Walmart 34.55 / 178.59 = 0.1935
    expect(rows.amazon).toMatchObject({ net_profit: 55, profit_share: 0.308 });
    expect(rows.shopify).toMatchObject({ profit_share: 0.4986 });
    // Walmart's reconciliation report has no ordered sales (no order report imported): unknown, so no share of sales
    expect(rows.walmart).toMatchObject({ sales: null, sales_share: null, net_profit: 34.55, profit_share: 0.1935 });
    expect(answer.columns.map((c) => c.id)).toEqual(expect.arrayContaining(['channel', 'sales_share', 'profit_share']));
  });
});

describe('customers a channel identifies', () => {
  test('Shopify customers by the keyed hash of their e-mail: cohort, repeat rate, time to second order, segments', async () => {
    const answer = await asterism.run('customers', {});
    // alice.walker@… ordered #1001 (Nov 2) and #1003 (Nov 20); Bob #1002 (Nov 3); Carol's #1004 was voided (not counted)
    expect(answer).toMatchObject({
      as_of: '2026-11-20', customers: 2, repeat_customers: 1, repeat_rate: 0.5, days_to_second_order: 18, churned: 0,
      cohorts: [{ cohort: '2026-11', customers: 2, active: [2], retention: [1] }],
    });
    // Alice loyal (two orders, last one on the as-of day); Bob new (one order 17 days before, within half of 90)
    expect(Object.fromEntries(answer.segments.map((s) => [s.id, s.customers]))).toMatchObject({ loyal: 1, new: 1, churned: 0 });
    // no Brand Analytics repeat purchase imported: Amazon's side is there, and empty
    expect(answer.amazon_repeat_purchase.every((r) => r.customers === null)).toBe(true);
  });
});

describe('one product across channels (an ERP pairing)', () => {
  test('a LingXing MSKU pairing gathers each product\'s sales on every channel', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    for (const r of [['*MSKU', '*SKU', '店铺'], ['MAT-01', 'KM-MAT', '[Shopify].Harbour Home'], ['CUP-02', 'KM-CUP', '[Shopify].Harbour Home']]) sheet.addRow(r);
    const file = join(dir, 'pairing.xlsx');
    await book.xlsx.writeFile(file);
    const [r] = (await asterism.importFiles([file], {})).files;
    expect(r?.status, r?.error ?? '').toBe('imported');
    const answer = await asterism.query({ metrics: ['sales'], by: ['product', 'channel'], ...november });
    const sales = Object.fromEntries(answer.rows.map((x) => [`${String(x.product)} ${String(x.channel)}`, x.sales]));
    // KM-MAT: Amazon 2 × 20.00 − 5.00 = 35.00; Shopify #1001 49.00 − 3.00 = 46.00 + #1002 24.50 = 70.50
    // KM-CUP: Amazon 20.00 (the cancelled order left out); Shopify #1001 12.00 − 2.00 = 10.00 + #1003 36.00 = 46.00
    expect(sales).toEqual({ 'KM-MAT amazon': 35, 'KM-MAT shopify': 70.5, 'KM-CUP amazon': 20, 'KM-CUP shopify': 46 });
  });
});

import { expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../ingest/import-files.ts';
import { withTempDb } from '../ingest/testing.ts';
import { runOperation } from './operations.ts';
import { profitRows } from './profit.ts';

// A Seller Central JP All Orders file (the layout of ../shared/fixtures/data/all-orders/brussliu_all_orders_JP_…: English
// flat-file names, item-price with the consumption tax in it and item-tax the part that is tax, 1280.0 with 116.0)
const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
  'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
  'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
  'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids'];
const order = (n: number, sku: string, price: string, tax: string) => [`503-0000000-000000${n}`, `503-0000000-000000${n}`,
  `2026-03-0${n}T10:00:00+09:00`, `2026-03-0${n}T10:05:00+09:00`, 'Pending', 'Amazon', 'Amazon.co.jp', '', '', 'Standard', '商品', sku,
  `B0TEST000${n}`, 'Unshipped', '1', 'JPY', price, tax, '', '', '', '', '', '', '', '東京都', '100-0001', 'JP', ''];
const products = 'sku,asin,product_line,effective_from\nTEA-JP,B0TEST0002,食品,2026-01-01\nPLATE-JP,B0TEST0003,食器,2026-01-01\nMAT-JP,B0TEST0001,インテリア,2026-01-01\n';

test('JP orders not settled yet: estimated revenue written as the settlement will write it, read by the consumption-tax setting', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'jp-all-orders.txt');
    writeFileSync(file, [header, order(1, 'MAT-JP', '1280.0', '116.0'), order(2, 'TEA-JP', '1080.0', '80.0'), order(3, 'PLATE-JP', '1005.0', '')]
      .map((r) => r.join('\t')).join('\n') + '\n');
    writeFileSync(join(dir, 'products.csv'), products);
    for (const r of (await importFiles(db, [file, join(dir, 'products.csv')])).files) expect(r.status, r.error ?? '').toBe('imported');
    const revenue = async () => Object.fromEntries((await profitRows(db, { by: ['sku'], from: '2026-03-01', to: '2026-03-31' })).rows
      .map((r) => [r.sku, r.revenue]));

    // no setting: as a taxable seller's settlement writes sales, without the tax: MAT 1,280 − 116 = 1,164; TEA 1,080 − 80 = 1,000;
    // PLATE names no tax, so its price stays as written, 1,005
    expect(await revenue()).toEqual({ 'MAT-JP': 1164, 'TEA-JP': 1000, 'PLATE-JP': 1005 });
    const asWritten = (await profitRows(db, { by: ['sku'], from: '2026-03-01', to: '2026-03-31' })).taxes[0];
    expect(asWritten).toMatchObject({ marketplace: 'JP', revenue: 'as_written', en: expect.stringContaining('item-price less item-tax') });
    expect(asWritten?.zh).toContain('尚未结算的订单按结算报告的写法估算');

    await runOperation(db, 'consumption_tax_set', { marketplace: 'JP', revenue: 'net', reduced_product_lines: ['食品'] });
    // net: MAT 1,164 and TEA 1,000 (the tax beside them is already out); PLATE 1,005 / 1.10 = 913.63… → 914 yen
    expect(await revenue()).toEqual({ 'MAT-JP': 1164, 'TEA-JP': 1000, 'PLATE-JP': 914 });

    await runOperation(db, 'consumption_tax_set', { marketplace: 'JP', revenue: 'gross' });
    // gross: the tax back in: MAT 1,164 + 116 = 1,280; TEA 1,000 + 80 = 1,080; PLATE 1,005 as written
    expect(await revenue()).toEqual({ 'MAT-JP': 1280, 'TEA-JP': 1080, 'PLATE-JP': 1005 });
    // each answer says it is estimated (no settled line yet)
    expect((await profitRows(db, { by: ['sku'], from: '2026-03-01', to: '2026-03-31' })).rows.every((r) => r.estimated === true)).toBe(true);
  }));

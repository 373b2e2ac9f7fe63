import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { withTempDb } from '../testing.ts';

const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
  'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
  'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
  'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order',
  'purchase-order-number', 'price-designation'];
const line = (id: string, at: string, sku: string, price: string) => [id, id, at, at, 'Shipped', 'Amazon', 'Amazon.ie', '', '', 'Standard',
  'Bath Mat', sku, 'B0TESTA001', 'Shipped', '1', 'EUR', price, '', '', '', '', '', '', '', 'DUBLIN', '', 'D02', 'IE', '', 'false', '', ''];

test('an All Orders file whose sales channel is Amazon.ie imports as IE, dated in Irish time, with no --marketplace', () =>
  withTempDb(async (db, dir) => {
    const file = join(dir, 'all-orders-ie.tsv');
    writeFileSync(file, [header, line('404-0000001-0000001', '2026-03-31T22:30:00+00:00', 'SKU-A', '24.60'),
      line('404-0000002-0000002', '2026-04-01T00:30:00+00:00', 'SKU-B', '12.30')].map((r) => r.join('\t')).join('\r\n') + '\r\n');
    const [r] = (await importFiles(db, [file])).files;
    // 22:30 UTC on 31 March = 23:30 IST (UTC+1, Irish summer time since 29 March 2026): still 31 March in Ireland
    // (Paris time, 00:30 CEST, would say 1 April); 00:30 UTC on 1 April = 01:30 IST: 1 April
    expect(r).toMatchObject({ status: 'imported', marketplace: 'IE', rows: 2, from: '2026-03-31', to: '2026-04-01' });
    expect(await db.all(`SELECT marketplace, CAST(order_date AS VARCHAR) AS day, currency, CAST(item_price AS VARCHAR) AS price
      FROM order_items ORDER BY order_id`)).toEqual([
      { marketplace: 'IE', day: '2026-03-31', currency: 'EUR', price: '24.6000' },
      { marketplace: 'IE', day: '2026-04-01', currency: 'EUR', price: '12.3000' },
    ]);
  }));

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { shopifyOrders } from './family.ts';

const file = ownFixture('shopify-orders-us.csv');

familyContract(shopifyOrders, {
  good: file,
  badValue: { file: ownFixture('shopify-orders-bad-price.csv'), line: 3, column: 'Lineitem price' },
  other: ownFixture('unknown-courier-export.csv'),
});

describe('Shopify orders export', () => {
  test('line items with the order\'s discount, shipping and tax; a voided, cancelled order; refunds kept per order', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [file])).files;
      // USD alone names the US
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'shopify_orders', marketplace: 'US', rows: 5, from: '2026-11-02', to: '2026-11-21' });
      const lines = await db.all(`SELECT order_id, channel, CAST(order_date AS VARCHAR) AS day, order_status, sku, quantity, item_price, item_promotion_discount,
        shipping_price, item_tax FROM order_items ORDER BY order_id, sku`);
      expect(lines).toEqual([
        // #1001: 2 × 24.50 = 49.00, the order's Discount Amount 5.00 less the cup's own 2.00 on its first line: 3.00
        { order_id: '#1001', channel: 'shopify', day: '2026-11-02', order_status: 'paid', sku: 'CUP-02', quantity: '1', item_price: '12.0000', item_promotion_discount: '2.0000', shipping_price: null, item_tax: null },
        { order_id: '#1001', channel: 'shopify', day: '2026-11-02', order_status: 'paid', sku: 'MAT-01', quantity: '2', item_price: '49.0000', item_promotion_discount: '3.0000', shipping_price: '6.0000', item_tax: '4.4800' },
        { order_id: '#1002', channel: 'shopify', day: '2026-11-03', order_status: 'refunded', sku: 'MAT-01', quantity: '1', item_price: '24.5000', item_promotion_discount: '0.0000', shipping_price: '0.0000', item_tax: '1.9600' },
        // 20:30 at -0500 is the 21st in UTC: the shop's own day is kept
        { order_id: '#1003', channel: 'shopify', day: '2026-11-20', order_status: 'partially_refunded', sku: 'CUP-02', quantity: '3', item_price: '36.0000', item_promotion_discount: '0.0000', shipping_price: '5.0000', item_tax: '2.8800' },
        { order_id: '#1004', channel: 'shopify', day: '2026-11-21', order_status: 'Cancelled', sku: 'MAT-01', quantity: '1', item_price: '24.5000', item_promotion_discount: '0.0000', shipping_price: '0.0000', item_tax: '1.9600' },
      ]);
      // each order's lines less discounts make its Subtotal: #1001 49 − 3 + 12 − 2 = 56.00
      const [sub] = await db.all(`SELECT sum(item_price - item_promotion_discount) AS sales FROM order_items WHERE order_id = '#1001'`);
      expect(sub?.sales).toBe('56.0000');
      // the full refund of #1002 (26.46) and the partial one of #1003 (12.00): 38.46
      const refunds = await db.all('SELECT order_id, refunded_amount, currency, financial_status FROM channel_refunds ORDER BY order_id');
      expect(refunds).toEqual([
        { order_id: '#1002', refunded_amount: '26.4600', currency: 'USD', financial_status: 'refunded' },
        { order_id: '#1003', refunded_amount: '12.0000', currency: 'USD', financial_status: 'partially_refunded' },
      ]);
      // the same customer (e-mail case aside) has one key on both orders; three customers in all
      const keys = await db.all('SELECT order_id, customer_key FROM order_items GROUP BY ALL ORDER BY order_id');
      expect(keys[0]?.customer_key).toBe(keys[2]?.customer_key);
      expect(new Set(keys.map((k) => k.customer_key)).size).toBe(3);
      expect(String(keys[0]?.customer_key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }));

  test('no e-mail, name or address is stored: the database file\'s bytes hold none of them', () =>
    withTempDb(async (db, dir) => {
      const [r] = (await importFiles(db, [file])).files;
      expect(r?.status).toBe('imported');
      // every text column of every table, read back
      const tables = await db.all(`SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_schema = current_schema()`);
      const personal = ['alice.walker@example.com', 'bob.lee@example.com', 'Alice Walker', 'Bob Lee', 'Carol Diaz', '12 Harbour Road', '97201', '555 010 7788'];
      for (const t of tables) {
        const hits = await db.all(`SELECT count(*) AS n FROM "${String(t.table_name)}" WHERE ${personal.map((_, i) => `contains(lower("${String(t.column_name)}"), lower($${i + 1}))`).join(' OR ')}`, personal);
        expect(hits[0]?.n, `${String(t.table_name)}.${String(t.column_name)}`).toBe('0');
      }
      db.close();
      // the file and its write-ahead log, byte for byte; the fixture's name is there, so the search can find text
      const bytes = Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('test.duckdb')).map((f) => readFileSync(join(dir, f))));
      expect(bytes.includes(Buffer.from('shopify-orders-us.csv'))).toBe(true);
      for (const text of personal) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
      for (const text of personal) expect(bytes.includes(Buffer.from(text.toLowerCase())), text).toBe(false);
    }));
});

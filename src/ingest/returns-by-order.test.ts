import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from './import-files.ts';
import { withTempDb } from './testing.ts';

// A UK seller's unified account: the All Orders file names each order's marketplace; the FBA customer returns report
// (FORMATS §8, its column names) names none, and holds the returns of every marketplace.
const ordersHeader = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
  'sales-channel', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price'];
const order = (id: string, channel: string, currency: string) =>
  [id, id, '2026-03-01T10:00:00+00:00', '2026-03-01T10:00:00+00:00', 'Shipped', 'Amazon', channel, 'SKU-A', 'B0TESTA001', 'Shipped', '1', currency, '20.00'];
const returnsHeader = ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id',
  'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'];
const returned = (at: string, id: string) =>
  [at, id, 'SKU-A', 'B0TESTA001', 'X000TEST01', 'Bath Mat', '1', 'LTN1', 'SELLABLE', 'NOT_AS_DESCRIBED', 'Unit returned to inventory', 'LPN1', ''];
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';

test('FBA returns of a unified account: each placed and dated in its order\'s marketplace; an order not imported stays under --marketplace, said', () =>
  withTempDb(async (db, dir) => {
    const orders = join(dir, 'all-orders.txt');
    writeFileSync(orders, tsv([ordersHeader, order('203-0000001-0000001', 'Amazon.co.uk', 'GBP'), order('028-0000002-0000002', 'Amazon.de', 'EUR'),
      order('404-0000003-0000003', 'Amazon.ie', 'EUR')]));
    const returns = join(dir, 'returns.txt');
    writeFileSync(returns, tsv([returnsHeader,
      returned('2026-03-05T23:30:00+00:00', '203-0000001-0000001'), // UK: 23:30 GMT is still 5 March in London
      returned('2026-03-05T23:30:00+00:00', '028-0000002-0000002'), // DE: 00:30 CET, 6 March in Berlin
      returned('2026-03-06T10:00:00+00:00', '404-0000003-0000003'), // IE
      returned('2026-03-06T12:00:00+00:00', '026-0000009-0000009'), // an order not imported
    ]));
    for (const r of (await importFiles(db, [orders])).files) expect(r.status, r.error ?? '').toBe('imported');
    const [r] = (await importFiles(db, [returns], { marketplace: 'UK' })).files;
    expect(r).toMatchObject({
      status: 'imported', marketplace: null, rows: 4, from: '2026-03-05', to: '2026-03-06',
      marketplaces: [{ marketplace: 'DE', rows: 1 }, { marketplace: 'IE', rows: 1 }, { marketplace: 'UK', rows: 2 }],
    });
    expect(r?.problems).toEqual([expect.objectContaining({ code: 'returns_order_unknown', severity: 'warning',
      message: expect.stringMatching(/^1 return\(s\) name an order not imported for this store: .* stay under UK/) })]);
    expect(await db.all(`SELECT marketplace, order_id, CAST(return_date AS VARCHAR) AS day FROM returns ORDER BY order_id`)).toEqual([
      { marketplace: 'UK', order_id: '026-0000009-0000009', day: '2026-03-06' },
      { marketplace: 'DE', order_id: '028-0000002-0000002', day: '2026-03-06' },
      { marketplace: 'UK', order_id: '203-0000001-0000001', day: '2026-03-05' },
      { marketplace: 'IE', order_id: '404-0000003-0000003', day: '2026-03-06' },
    ]);
  }));

test('without --marketplace: returns whose orders are stored import split; one of an order not stored refuses the file, nothing written', () =>
  withTempDb(async (db, dir) => {
    const orders = join(dir, 'all-orders.txt');
    writeFileSync(orders, tsv([ordersHeader, order('203-0000001-0000001', 'Amazon.co.uk', 'GBP'), order('028-0000002-0000002', 'Amazon.de', 'EUR')]));
    for (const r of (await importFiles(db, [orders])).files) expect(r.status, r.error ?? '').toBe('imported');
    const unknown = join(dir, 'returns-unknown.txt');
    writeFileSync(unknown, tsv([returnsHeader, returned('2026-03-05T23:30:00+00:00', '203-0000001-0000001'), returned('2026-03-06T12:00:00+00:00', '026-0000009-0000009')]));
    const [refused] = (await importFiles(db, [unknown])).files;
    expect(refused).toMatchObject({ status: 'error', error: expect.stringMatching(/^1 return\(s\) name an order not imported .* give --marketplace/) });
    expect(refused?.error_zh).toContain('请先导入全部订单报告');
    expect(await db.all('SELECT count(*) AS n FROM returns')).toEqual([{ n: '0' }]);
    const known = join(dir, 'returns-known.txt');
    writeFileSync(known, tsv([returnsHeader, returned('2026-03-05T23:30:00+00:00', '203-0000001-0000001'), returned('2026-03-05T23:30:00+00:00', '028-0000002-0000002')]));
    const [r] = (await importFiles(db, [known])).files;
    // dated in each order's zone: 5 March in London, 6 March in Berlin
    expect(r).toMatchObject({ status: 'imported', marketplace: null, from: '2026-03-05', to: '2026-03-06', problems: [],
      marketplaces: [{ marketplace: 'DE', rows: 1 }, { marketplace: 'UK', rows: 1 }] });
  }));

test('a one-marketplace seller\'s returns with no orders imported: all under --marketplace, as before, nothing to say', () =>
  withTempDb(async (db, dir) => {
    const returns = join(dir, 'returns.txt');
    writeFileSync(returns, tsv([returnsHeader, returned('2026-03-05T23:30:00+00:00', '111-0000001-0000001')]));
    const [r] = (await importFiles(db, [returns], { marketplace: 'US' })).files;
    // 23:30 UTC is 15:30 PST on 5 March
    expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 1, from: '2026-03-05', to: '2026-03-05', problems: [] });
  }));

// Seller-fulfilled returns (test/fixtures/ingest/mfn-returns: the report's column names), a UK and a DE return in one file
const mfnHeader = ['Order ID', 'Order date', 'Return request date', 'Return request status', 'Currency code', 'ASIN', 'Merchant SKU',
  'Return quantity', 'Return reason', 'Refunded amount'];
const mfn = (id: string, currency: string, refunded: string) =>
  [id, '01-Mar-2026', '06-Mar-2026', 'Closed', currency, 'B0TESTA001', 'SKU-A', '1', 'AMZ-PG-BAD-DESC', refunded];

test('merchant returns in two currencies, no --marketplace: each placed by its order, its own currency kept', () =>
  withTempDb(async (db, dir) => {
    const orders = join(dir, 'all-orders.txt');
    writeFileSync(orders, tsv([ordersHeader, order('203-0000001-0000001', 'Amazon.co.uk', 'GBP'), order('028-0000002-0000002', 'Amazon.de', 'EUR')]));
    for (const r of (await importFiles(db, [orders])).files) expect(r.status, r.error ?? '').toBe('imported');
    const returns = join(dir, 'mfn-returns.tsv');
    writeFileSync(returns, tsv([mfnHeader, mfn('203-0000001-0000001', 'GBP', '20.00'), mfn('028-0000002-0000002', 'EUR', '23.50')]));
    const [r] = (await importFiles(db, [returns])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: null, marketplaces: [{ marketplace: 'DE', rows: 1 }, { marketplace: 'UK', rows: 1 }] });
    expect(await db.all(`SELECT marketplace, currency, CAST(refunded_amount AS VARCHAR) AS refunded, CAST(return_date AS VARCHAR) AS day
      FROM returns ORDER BY marketplace`)).toEqual([
      { marketplace: 'DE', currency: 'EUR', refunded: '23.5000', day: '2026-03-06' },
      { marketplace: 'UK', currency: 'GBP', refunded: '20.0000', day: '2026-03-06' },
    ]);
  }));

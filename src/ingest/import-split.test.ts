import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { importFiles } from './import-files.ts';
import { listImports } from './import-list.ts';
import { readLimits } from './read-report.ts';
import { undoImport } from './import-undo.ts';
import { withTempDb } from './testing.ts';
import type { Database } from '../store/database.ts';

// the All Orders flat file's columns (FORMATS §9; the US files in ../shared/fixtures/data/all-orders), in order
const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
  'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
  'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
  'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order',
  'purchase-order-number', 'price-designation'];
const order = (id: string, at: string, channel: string, sku: string, quantity: string, currency: string, price: string) =>
  [id, id, at, at, 'Shipped', 'Amazon', channel, '', '', 'Standard', 'Bath Mat', sku, 'B0TESTA001', 'Shipped', quantity, currency, price,
    '', '', '', '', '', '', '', 'CITY', '', '00000', '', '', 'false', '', ''];
const tsv = (rows: string[][]) => [header, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n';

// A UK seller's unified account: UK, DE and IE orders in one file (GBP and EUR), and one Multi-Channel Fulfilment order
const unified = [
  order('203-0000001-0000001', '2026-03-01T23:30:00+00:00', 'Amazon.co.uk', 'SKU-A', '1', 'GBP', '19.99'),
  order('028-0000002-0000002', '2026-03-01T23:30:00+00:00', 'Amazon.de', 'SKU-A', '2', 'EUR', '45.80'),
  order('404-0000003-0000003', '2026-03-02T10:00:00+00:00', 'Amazon.ie', 'SKU-B', '1', 'EUR', '12.30'),
  order('203-0000004-0000004', '2026-03-03T09:00:00+00:00', 'Amazon.co.uk', 'SKU-B', '3', 'GBP', '30.00'),
  ['S02-0000005-0000005', 'S02-0000005-0000005', '2026-03-02T08:00:00+00:00', '2026-03-02T08:00:00+00:00', 'Shipped', 'Amazon',
    'Non-Amazon', '', '', 'Standard', '-', 'SKU-A', 'B0TESTA001', 'Shipped', '1', '', '', '', '', '', '', '', '', '', 'CITY', '', '00000', 'GB', '', 'false', '', ''],
];

const totals = (db: Database) => db.all(`SELECT marketplace, currency, count(*) AS items, CAST(sum(quantity) AS INTEGER) AS units,
    CAST(sum(item_price) AS VARCHAR) AS sales, string_agg(CAST(order_date AS VARCHAR), ',' ORDER BY order_id) AS days
  FROM order_items GROUP BY ALL ORDER BY marketplace`);

const batchRows = readLimits.batchRows;
afterEach(() => {
  readLimits.batchRows = batchRows;
});

describe('a unified-account All Orders file (several marketplaces in its sales-channel column)', () => {
  test('imports split per marketplace, each in its currency and local days, with no --marketplace; Non-Amazon skipped and counted', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'all-orders-unified.txt');
      writeFileSync(file, tsv(unified));
      const [r] = (await importFiles(db, [file])).files;
      expect(r).toMatchObject({
        status: 'imported', marketplace: null, rows: 5, from: '2026-03-01', to: '2026-03-03', replaced: 0,
        marketplaces: [{ marketplace: 'DE', currency: 'EUR', rows: 1 }, { marketplace: 'IE', currency: 'EUR', rows: 1 }, { marketplace: 'UK', currency: 'GBP', rows: 2 }],
        skipped_channels: { 'Non-Amazon': 1 },
      });
      // UK: 19.99 + 30.00 = 49.99 GBP, 1 + 3 = 4 units; 23:30 UTC on 1 March is 23:30 GMT (UK winter time): 1 March
      // DE: 45.80 EUR, 2 units; the same instant is 00:30 CET on 2 March
      // IE: 12.30 EUR, 1 unit; 10:00 UTC on 2 March is 10:00 GMT in Dublin: 2 March
      // the Non-Amazon order (no price) is in no marketplace: 5 rows read, 4 stored
      expect(await totals(db)).toEqual([
        { marketplace: 'DE', currency: 'EUR', items: '1', units: 2, sales: '45.8000', days: '2026-03-02' },
        { marketplace: 'IE', currency: 'EUR', items: '1', units: 1, sales: '12.3000', days: '2026-03-02' },
        { marketplace: 'UK', currency: 'GBP', items: '2', units: 4, sales: '49.9900', days: '2026-03-01,2026-03-03' },
      ]);
      const [entry] = await listImports(db);
      expect(entry).toMatchObject({ marketplace: null, marketplaces: ['DE', 'IE', 'UK'], rows: 5 });
      // the same bytes again: unchanged, with the same split
      const [again] = (await importFiles(db, [file])).files;
      expect(again).toMatchObject({ status: 'unchanged', marketplace: null, marketplaces: r?.marketplaces });
      expect((await totals(db)).length).toBe(3);
    }));

  test('read in batches of one row (each batch naming one marketplace), the split is the same', () =>
    withTempDb(async (db, dir) => {
      readLimits.batchRows = 1;
      const file = join(dir, 'all-orders-unified.txt');
      writeFileSync(file, tsv(unified));
      const [r] = (await importFiles(db, [file])).files;
      expect(r).toMatchObject({ status: 'imported', rows: 5, skipped_channels: { 'Non-Amazon': 1 } });
      expect(r?.marketplaces?.map((m) => [m.marketplace, m.rows])).toEqual([['DE', 1], ['IE', 1], ['UK', 2]]);
      expect((await totals(db)).map((t) => [t.marketplace, t.sales])).toEqual([['DE', '45.8000'], ['IE', '12.3000'], ['UK', '49.9900']]);
    }));

  test('a newer file replaces per marketplace; undo of a split import restores every marketplace', () =>
    withTempDb(async (db, dir) => {
      const first = join(dir, 'first.txt');
      writeFileSync(first, tsv(unified));
      const [a] = (await importFiles(db, [first])).files;
      expect(a?.status).toBe('imported');
      // the newer download: the DE order's price corrected, the IE order gone, the UK orders as before
      const newer = join(dir, 'newer.txt');
      writeFileSync(newer, tsv([unified[0] ?? [], order('028-0000002-0000002', '2026-03-01T23:30:00+00:00', 'Amazon.de', 'SKU-A', '2', 'EUR', '40.00'), unified[3] ?? []]));
      const [b] = (await importFiles(db, [newer])).files;
      // UK 2 + DE 1 rows of 1–3 March replaced; IE's stay: a file naming no IE order says nothing about IE
      expect(b).toMatchObject({ status: 'imported', replaced: 3, marketplaces: [{ marketplace: 'DE', rows: 1 }, { marketplace: 'UK', rows: 2 }] });
      expect((await totals(db)).map((t) => [t.marketplace, t.sales])).toEqual([['DE', '40.0000'], ['IE', '12.3000'], ['UK', '49.9900']]);
      // the first import cannot be undone while the newer one stands over its rows
      await expect(undoImport(db, Number((await listImports(db))[1]?.id))).rejects.toThrow(/undone first|later/i);
      const newest = (await listImports(db))[0];
      expect(await undoImport(db, Number(newest?.id))).toEqual({ undone: Number(newest?.id), restored: 3, removed: 3 });
      expect((await totals(db)).map((t) => [t.marketplace, t.sales])).toEqual([['DE', '45.8000'], ['IE', '12.3000'], ['UK', '49.9900']]);
      // and the first one too: nothing left; its file imports again (the undone import does not make it "unchanged")
      expect(await undoImport(db, Number((await listImports(db))[1]?.id))).toMatchObject({ restored: 0, removed: 4 });
      expect(await totals(db)).toEqual([]);
      const [c] = (await importFiles(db, [first])).files;
      expect(c).toMatchObject({ status: 'imported', rows: 5 });
      expect((await totals(db)).length).toBe(3);
    }));
});

// Payments → Date Range Reports → Transaction, the English (UK) layout: `fulfilment`, `postage credits` (aliases.ts [A C]),
// day-first times `12 Nov 2017 00:01:31 GMT+00:00` (posted-time.ts, find_string id 29703855872)
const paymentsHeader = ['date/time', 'settlement id', 'type', 'order id', 'sku', 'description', 'quantity', 'marketplace', 'fulfilment',
  'order city', 'order state', 'order postal', 'tax collection model', 'product sales', 'product sales tax', 'postage credits',
  'shipping credits tax', 'gift wrap credits', 'giftwrap credits tax', 'promotional rebates', 'promotional rebates tax',
  'marketplace withheld tax', 'selling fees', 'fba fees', 'other transaction fees', 'other', 'total'];
const line = (at: string, type: string, id: string, marketplace: string, sales: string, selling: string, fba: string, other: string, total: string) =>
  [at, '9001', type, id, id ? 'SKU-A' : '', id ? 'Bath Mat' : 'Subscription', id ? '1' : '', marketplace, id ? 'Amazon' : '', '', '', '', '',
    sales, '0', '0', '0', '0', '0', '0', '0', '0', selling, fba, other, '0', total];
const payments = (rows: string[][]) => ['"Includes Amazon Marketplace, Fulfilment by Amazon (FBA), and Amazon Webstore transactions"',
  ...[paymentsHeader, ...rows].map((r) => r.map((c) => `"${c}"`).join(','))].join('\r\n') + '\r\n';
const unifiedPayments = [
  line('1 Mar 2026 10:00:00 GMT+00:00', 'Order', '203-0000001-0000001', 'amazon.co.uk', '20.00', '-3.00', '-2.50', '0', '14.50'),
  line('2 Mar 2026 23:30:00 GMT+00:00', 'Order', '302-0000002-0000002', 'amazon.de', '30.00', '-4.50', '-3.00', '0', '22.50'),
  line('3 Mar 2026 12:00:00 GMT+00:00', 'Order', '402-0000003-0000003', 'amazon.fr', '40.00', '-6.00', '-3.50', '0', '30.50'),
  line('4 Mar 2026 08:00:00 GMT+00:00', 'Refund', '302-0000002-0000002', 'amazon.de', '-30.00', '4.50', '0', '0', '-25.50'),
  line('5 Mar 2026 09:00:00 GMT+00:00', 'Service Fee', '', '', '0', '0', '0', '-25.00', '-25.00'),
];

describe('a unified-account payments file (lines naming amazon.co.uk, amazon.de, amazon.fr)', () => {
  test('a line naming no marketplace, in a file naming several, needs --marketplace: refused, nothing written', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'payments-unified.csv');
      writeFileSync(file, payments(unifiedPayments));
      const [r] = (await importFiles(db, [file])).files;
      expect(r?.status).toBe('error');
      expect(r?.error).toMatch(/1 line\(s\) name no marketplace .*--marketplace/);
      expect(r?.error_zh).toMatch(/1 行未写明站点/);
      expect(await db.all('SELECT count(*) AS n FROM transactions')).toEqual([{ n: '0' }]);
      // a --marketplace the file does not name contradicts it
      const [us] = (await importFiles(db, [file], { marketplace: 'US' })).files;
      expect(us?.error).toMatch(/the file is for DE, FR, UK .* but --marketplace says US/);
    }));

  test('imports split per marketplace, money conserved per currency; the subscription line goes to --marketplace', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'payments-unified.csv');
      writeFileSync(file, payments(unifiedPayments));
      const [r] = (await importFiles(db, [file], { marketplace: 'UK' })).files;
      expect(r).toMatchObject({
        status: 'imported', marketplace: null, rows: 5, from: '2026-03-01', to: '2026-03-05',
        marketplaces: [{ marketplace: 'DE', currency: 'EUR', rows: 2 }, { marketplace: 'FR', currency: 'EUR', rows: 1 }, { marketplace: 'UK', currency: 'GBP', rows: 2 }],
      });
      // GBP: 14.50 − 25.00 = −10.50; EUR: 22.50 + 30.50 − 25.50 = 27.50
      expect(r?.conservation?.GBP).toMatchObject({ total: '-10.50', conserved: true });
      expect(r?.conservation?.EUR).toMatchObject({ total: '27.50', conserved: true });
      // 23:30 UTC on 2 March is 00:30 CET on 3 March in Germany
      expect(await db.all(`SELECT marketplace, currency, CAST(sum(total) AS VARCHAR) AS total, string_agg(CAST(posted_date AS VARCHAR), ',' ORDER BY posted_at) AS days
        FROM transactions GROUP BY ALL ORDER BY marketplace`)).toEqual([
        { marketplace: 'DE', currency: 'EUR', total: '-3.0000', days: '2026-03-03,2026-03-04' },
        { marketplace: 'FR', currency: 'EUR', total: '30.5000', days: '2026-03-03' },
        { marketplace: 'UK', currency: 'GBP', total: '-10.5000', days: '2026-03-01,2026-03-05' },
      ]);
      // a UK settlement of the same days: its lines count instead of the payments lines it covers (src/store/counted-transactions.ts)
      const settlement = join(dir, 'settlement-uk.txt');
      writeFileSync(settlement, ['settlement-id\ttransaction-type\torder-id\tmarketplace-name\tamount-type\tamount-description\tamount\tposted-date\tcurrency',
        '9001\tOrder\t203-0000001-0000001\tamazon.co.uk\tItemPrice\tPrincipal\t20.00\t2026-03-01\tGBP'].join('\n') + '\n');
      const [s] = (await importFiles(db, [settlement])).files;
      expect(s).toMatchObject({ status: 'imported', marketplace: 'UK' });
      // the payments file's UK lines of settlement 9001: the order of 1 March and the subscription line (placed in UK);
      // DE and FR lines of 9001 stay counted: the settlement file holds no DE or FR line
      expect(s?.problems).toEqual([expect.objectContaining({ code: 'settlement_counted', severity: 'warning',
        message: "2 payments report line(s) in UK are covered by an imported settlement: profit counts the settlement's lines for them, not these" })]);
    }));
});

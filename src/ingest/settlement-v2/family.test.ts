import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, sharedFixture, withTempDb } from '../testing.ts';

// the flat file V2 layout, 24 columns in order (find_string ids 54928157076, 59023467915; README "Settlement report V2")
const header = ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type',
  'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name', 'amount-type', 'amount-description', 'amount',
  'fulfillment-id', 'posted-date', 'posted-date-time', 'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku',
  'quantity-purchased', 'promotion-id'];
const summary = (id: string, total: string, currency: string) =>
  [id, '2026-03-01T00:00:00+00:00', '2026-03-15T00:00:00+00:00', '2026-03-17', total, currency, ...Array<string>(18).fill('')];
const line = (id: string, currency: string, type: string, order: string, marketplace: string, amountType: string, description: string, amount: string, at: string) =>
  [id, '', '', '', '', currency, type, order, '', '', order ? 'SHIP1' : '', marketplace, amountType, description, amount, order ? 'AFN' : '',
    at.slice(0, 10), at, '', '', '', order ? 'SKU-A' : '', order ? '1' : '', ''];
const tsv = (rows: string[][]) => [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';

describe('settlement report V2 (flat file V2)', () => {
  test('each amount a transaction line in its profit category; the summary total checked; money conserved to the penny', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'settlement-uk.txt');
      const id = '18906543210';
      writeFileSync(file, tsv([
        summary(id, '2.21', 'GBP'),
        line(id, 'GBP', 'Order', '206-1234567-8901234', 'amazon.co.uk', 'ItemPrice', 'Principal', '29.99', '2026-03-02 10:00:00 UTC'),
        line(id, 'GBP', 'Order', '206-1234567-8901234', 'amazon.co.uk', 'ItemFees', 'Commission', '-4.50', '2026-03-02 10:00:00 UTC'),
        line(id, 'GBP', 'Order', '206-1234567-8901234', 'amazon.co.uk', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-3.28', '2026-03-02 10:00:00 UTC'),
        line(id, 'GBP', 'Order', '206-1234567-8901234', 'amazon.co.uk', 'Promotion', 'Principal', '-2.00', '2026-03-02 10:00:00 UTC'),
        line(id, 'GBP', 'other-transaction', '', 'amazon.co.uk', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE', '7.00', '2026-03-05 09:00:00 UTC'),
        line(id, 'GBP', 'ServiceFee', '', '', 'other-transaction', 'Subscription', '-25.00', '2026-03-14 23:30:00 UTC'),
      ]));
      const [r] = (await importFiles(db, [file])).files;
      // 29.99 − 4.50 − 3.28 − 2.00 + 7.00 − 25.00 = 2.21 GBP, the settlement's total-amount: no warning
      expect(r).toMatchObject({ status: 'imported', type: 'settlement_v2', marketplace: 'UK', rows: 7, from: '2026-03-02', to: '2026-03-14', problems: [] });
      expect(r?.conservation).toEqual({
        GBP: {
          total: '2.21', difference: '0.00', conserved: true, unclassified_lines: 0,
          categories: { revenue: '29.99', referral_fees: '-4.50', fba_fees: '-3.28', promotions: '-2.00', reimbursements: '7.00', other_fees: '-25.00', tax: '0.00' },
        },
      });
      expect(await db.all(`SELECT type, marketplace, currency, CAST(total AS VARCHAR) AS total FROM transactions ORDER BY posted_at, CAST(total AS DOUBLE)`)).toEqual([
        { type: 'Order', marketplace: 'UK', currency: 'GBP', total: '-4.5000' },
        { type: 'Order', marketplace: 'UK', currency: 'GBP', total: '-3.2800' },
        { type: 'Order', marketplace: 'UK', currency: 'GBP', total: '-2.0000' },
        { type: 'Order', marketplace: 'UK', currency: 'GBP', total: '29.9900' },
        { type: 'Adjustment', marketplace: 'UK', currency: 'GBP', total: '7.0000' },
        { type: 'Service Fee', marketplace: 'UK', currency: 'GBP', total: '-25.0000' },
      ]);
      const [again] = (await importFiles(db, [file])).files;
      expect(again?.status).toBe('unchanged');
    }));

  test('a unified account\'s EUR settlement (amazon.de, amazon.fr) imports split; a total-amount the lines miss is named', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'settlement-eu.txt');
      const id = '18906549999';
      const rows = [
        summary(id, '50.00', 'EUR'),
        line(id, 'EUR', 'Order', '302-0000001-0000001', 'amazon.de', 'ItemPrice', 'Principal', '30.00', '2026-03-02 23:30:00 UTC'),
        line(id, 'EUR', 'Order', '302-0000001-0000001', 'amazon.de', 'ItemFees', 'Commission', '-4.50', '2026-03-02 23:30:00 UTC'),
        line(id, 'EUR', 'Order', '402-0000002-0000002', 'amazon.fr', 'ItemPrice', 'Principal', '40.00', '2026-03-03 12:00:00 UTC'),
        line(id, 'EUR', 'ServiceFee', '', '', 'other-transaction', 'Subscription', '-15.51', '2026-03-10 09:00:00 UTC'),
      ];
      writeFileSync(file, tsv(rows));
      // the subscription line names no marketplace and EUR is both DE's and FR's
      const [refused] = (await importFiles(db, [file])).files;
      expect(refused?.status).toBe('error');
      expect(refused?.error).toMatch(/name no marketplace/);
      const [r] = (await importFiles(db, [file], { marketplace: 'DE' })).files;
      expect(r).toMatchObject({
        status: 'imported', marketplace: null,
        marketplaces: [{ marketplace: 'DE', currency: 'EUR', rows: 3 }, { marketplace: 'FR', currency: 'EUR', rows: 1 }],
      });
      // 30.00 − 4.50 + 40.00 − 15.51 = 49.99 EUR, a cent short of the total-amount 50.00
      expect(r?.conservation?.EUR).toMatchObject({ total: '49.99', conserved: true });
      expect(r?.problems).toEqual([expect.objectContaining({ code: 'settlement_total', severity: 'warning', message: expect.stringContaining('49.99 EUR but its total-amount is 50.00') })]);
      // 23:30 UTC on 2 March is 3 March in Germany
      expect(await db.all(`SELECT marketplace, string_agg(DISTINCT CAST(posted_date AS VARCHAR), ',') AS days FROM transactions GROUP BY ALL ORDER BY marketplace`)).toEqual([
        { marketplace: 'DE', days: expect.stringMatching(/^(2026-03-03,2026-03-10|2026-03-10,2026-03-03)$/) },
        { marketplace: 'FR', days: '2026-03-03' },
      ]);
    }));

  test.skipIf(!haveSharedFixtures)('the older flat file layout (price-type, item-related-fee-type …): one line per filled amount', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [sharedFixture('settlement-v2', 'airbyte_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_fixture.tsv')])).files;
      // its one order line holds Principal 19.99 and FBAPerUnitFulfillmentFee −3.22: 16.77 USD, in two lines; the synthetic
      // fixture's summary says 1234.56, which the lines do not make: warned, naming both
      expect(r).toMatchObject({ status: 'imported', type: 'settlement_v2', marketplace: 'US', rows: 2, from: '2023-01-03', to: '2023-01-03' });
      expect(r?.conservation).toEqual({ USD: { total: '16.77', difference: '0.00', conserved: true, unclassified_lines: 0,
        categories: { revenue: '19.99', fba_fees: '-3.22', referral_fees: '0.00', promotions: '0.00', other_fees: '0.00', tax: '0.00' } } });
      expect(r?.problems.map((p) => p.message)).toEqual(['settlement 12345678901: its lines sum to 16.77 USD but its total-amount is 1234.56']);
    }));
});

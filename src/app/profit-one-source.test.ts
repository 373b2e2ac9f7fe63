import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from '../ingest/import-files.ts';
import { listImports } from '../ingest/import-list.ts';
import { undoImport } from '../ingest/import-undo.ts';
import { withTempDb } from '../ingest/testing.ts';
import { profitRows } from './profit.ts';
import { unclassifiedLines } from '../store/unclassified-lines.ts';

// One source per money event (src/store/counted-transactions.ts): a settlement's lines win over the payments lines it covers.
const paymentsHeader = '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","fulfillment","product sales",'
  + '"selling fees","fba fees","other transaction fees","other","total"';
const pay = (at: string, settlement: string, type: string, order: string, sales: string, selling: string, fba: string, other: string, total: string) =>
  `"${at}","${settlement}","${type}","${order}","${order ? 'SKU-A' : ''}","${order ? 'Bath Mat' : 'Subscription'}","${order ? '1' : ''}","amazon.com",`
  + `"${order ? 'Amazon' : ''}","${sales}","${selling}","${fba}","0","${other}","${total}"`;

const settlementHeader = ['settlement-id', 'transaction-type', 'order-id', 'marketplace-name', 'amount-type', 'amount-description', 'amount',
  'fulfillment-id', 'posted-date', 'posted-date-time', 'sku', 'quantity-purchased', 'currency'];
const settle = (id: string, type: string, order: string, amountType: string, description: string, amount: string, day: string, at = '') =>
  [id, type, order, 'Amazon.com', amountType, description, amount, order ? 'AFN' : '', day, at, order ? 'SKU-A' : '', order ? '1' : '', 'USD'].join('\t');
const orderLines = (id: string, order: string, day: string, sales: string, commission: string, fba: string, at = '') => [
  settle(id, 'Order', order, 'ItemPrice', 'Principal', sales, day, at),
  settle(id, 'Order', order, 'ItemFees', 'Commission', commission, day, at),
  settle(id, 'Order', order, 'ItemFees', 'FBAPerUnitFulfillmentFee', fba, day, at),
];

test('payments and a settlement over the same days: each money event counted once, the settlement\'s lines where it covers them', () =>
  withTempDb(async (db, dir) => {
    const payments = join(dir, 'payments.csv');
    writeFileSync(payments, [paymentsHeader,
      pay('Mar 2, 2026 10:00:00 AM PST', '5001', 'Order', '111-1', '50.00', '-7.50', '-5.00', '0', '37.50'), // settlement 5001: read from it
      pay('Mar 3, 2026 10:00:00 AM PST', '5001', 'Order', '111-2', '30.00', '-4.50', '-4.00', '0', '21.50'), // settlement 5001: read from it
      pay('Mar 20, 2026 10:00:00 AM PST', '5002', 'Order', '111-3', '40.00', '-6.00', '-4.50', '0', '29.50'), // 5002 not imported: counts
      pay('Mar 4, 2026 1:00:00 AM PST', '', 'Service Fee', '', '0', '0', '0', '-39.99', '-39.99'), // no id, inside 5001's days: read from it
      pay('Mar 25, 2026 1:00:00 AM PST', '', 'Service Fee', '', '0', '0', '0', '-10.00', '-10.00'), // no id, no settlement covers it: counts
      pay('Apr 2, 2026 10:00:00 AM PDT', '', 'Service Fee', '', '0', '0', '0', '-5.00', '-5.00'), // 17:00 UTC, inside 6001 (10:00–08:00 next day UTC)
      pay('Apr 3, 2026 6:00:00 AM PDT', '', 'Service Fee', '', '0', '0', '0', '-7.00', '-7.00'), // 13:00 UTC, after 6001's last line: counts
    ].join('\n'));
    const settlement = join(dir, 'settlement.txt');
    writeFileSync(settlement, [settlementHeader.join('\t'),
      ...orderLines('5001', '111-1', '2026-03-02', '50.00', '-7.50', '-5.00'),
      ...orderLines('5001', '111-2', '2026-03-03', '30.00', '-4.50', '-4.00'),
      settle('5001', 'ServiceFee', '', 'other-transaction', 'Subscription Fee', '-39.99', '2026-03-04'),
      settle('6001', 'ServiceFee', '', 'other-transaction', 'Subscription Fee', '-3.00', '2026-04-02', '2026-04-02T10:00:00+00:00'),
      settle('6001', 'ServiceFee', '', 'other-transaction', 'Subscription Fee', '-4.00', '2026-04-03', '2026-04-03T08:00:00+00:00'),
    ].join('\n') + '\n');

    const [p] = (await importFiles(db, [payments])).files;
    expect(p).toMatchObject({ status: 'imported', marketplace: 'US', rows: 7 });
    expect(p?.problems ?? []).toEqual([]);
    const [s] = (await importFiles(db, [settlement])).files;
    expect(s).toMatchObject({ status: 'imported', marketplace: 'US' });
    // the payments lines now read from the settlement: 111-1, 111-2 (named 5001), 4 March (5001's days), 2 April 17:00 UTC (6001's times)
    expect(s?.problems).toEqual([expect.objectContaining({ code: 'settlement_counted', message: expect.stringMatching(/^4 payments report line\(s\) in US/) })]);

    const month = async (from: string, to: string) => (await profitRows(db, { by: ['marketplace'], from, to, basis: 'posted' })).rows[0];
    // March: revenue 50.00 + 30.00 (settlement 5001) + 40.00 (payments, 5002) = 120.00 (both sources: 200.00)
    // referral 7.50 + 4.50 + 6.00 = 18.00; FBA 5.00 + 4.00 + 4.50 = 13.50; other fees 39.99 (settlement) + 10.00 (payments) = 49.99
    expect(await month('2026-03-01', '2026-03-31')).toMatchObject({ revenue: 120, referral_fees: 18, fba_fees: 13.5, other_fees: 49.99 });
    // April: 3.00 + 4.00 (settlement 6001) + 7.00 (payments, after 6001's last line) = 14.00 (both sources: 19.00)
    expect(await month('2026-04-01', '2026-04-30')).toMatchObject({ other_fees: 14 });
    // the settlement's lines of an unknown transaction type would be listed once too
    expect((await unclassifiedLines(db, {})).count).toBe(0);

    // a payments file of 3 March imported after the settlement (replacing that day's): its covered line said at once
    const again = join(dir, 'payments-again.csv');
    writeFileSync(again, [paymentsHeader, pay('Mar 3, 2026 11:00:00 AM PST', '5001', 'Order', '111-2', '30.00', '-4.50', '-4.00', '0', '21.50')].join('\n'));
    const [a] = (await importFiles(db, [again], { replace: true })).files;
    expect(a?.problems).toEqual([expect.objectContaining({ code: 'settlement_counted', message: expect.stringMatching(/^1 payments report line\(s\) in US/) })]);
    expect(await month('2026-03-01', '2026-03-31')).toMatchObject({ revenue: 120 });

    // nothing was lost: with the settlement undone, the payments lines it covered count again, March the same 120.00
    // and 49.99 (had they been dropped: revenue 40.00 from 111-3 alone); April 5.00 + 7.00 = 12.00
    const settlementImport = (await listImports(db)).find((i) => i.type === 'settlement_v2');
    await undoImport(db, Number(settlementImport?.id));
    expect(await month('2026-03-01', '2026-03-31')).toMatchObject({ revenue: 120, other_fees: 49.99 });
    expect(await month('2026-04-01', '2026-04-30')).toMatchObject({ other_fees: 12 });
  }));

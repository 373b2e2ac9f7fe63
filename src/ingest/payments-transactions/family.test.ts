import { describe, expect, test } from 'vitest';
import { duckdbTotals } from '../fba-snapshot/csv-check.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { paymentsDateRangeTransactions } from './family.ts';
import { parsePostedTime } from './posted-time.ts';

familyContract(paymentsDateRangeTransactions, {
  good: ownFixture('payments-transactions/date-range-pst-pdt.csv'),
  badValue: { file: ownFixture('payments-transactions/bad-date.csv'), line: 2, column: 'date/time' },
  other: ownFixture('fba-storage-fees/monthly.csv'),
});

test.each([
  ['Feb 1, 2020 12:24:25 AM PST', '2020-02-01T08:24:25.000Z'],
  ['Mar 8, 2020 11:15:00 PM PDT', '2020-03-09T06:15:00.000Z'],
  ['Jul 4, 2020 12:00:00 PM PDT', '2020-07-04T19:00:00.000Z'],
])('%s is %s', (text, utc) => expect(parsePostedTime(text)?.toISOString()).toBe(utc));

test('unknown zones and impossible days are not times', () => {
  expect(parsePostedTime('Feb 31, 2020 1:00:00 AM PST')).toBeUndefined();
  expect(parsePostedTime('Feb 1, 2020 1:00:00 AM XYZ')).toBeUndefined();
});

test('7 preamble lines, PST/PDT to UTC and the Pacific calendar, "1,234.56" exact', () =>
  withTempDb(async (db) => {
    const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-pst-pdt.csv')])).files;
    expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', rows: 4, from: '2020-03-08', to: '2020-03-09' });
    const rows = await db.all(`SELECT strftime(posted_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS utc, CAST(posted_date AS VARCHAR) AS day,
      type, CAST(product_sales AS VARCHAR) AS sales, currency, source FROM transactions ORDER BY posted_at`);
    expect(rows.map((x) => [x.utc, x.day, x.type, x.sales])).toEqual([
      ['2020-03-08T09:30', '2020-03-08', 'Order', '45.5900'], // 1:30 AM PST = 09:30 UTC
      ['2020-03-09T06:15', '2020-03-08', 'Order', '1234.5600'], // 11:15 PM PDT = 06:15 UTC next day, still Mar 8 in Pacific
      ['2020-03-09T07:10', '2020-03-09', 'Refund', '-45.5900'], // 12:10 AM PDT = 07:10 UTC
      ['2020-03-09T13:04', '2020-03-09', 'Service Fee', '0.0000'], // no marketplace on the line: the file's zone dates it
    ]);
    expect(rows[0]).toMatchObject({ currency: 'USD', source: 'payments_date_range' });
    // product sales 45.59 + 1234.56 − 45.59 + 0 = 1234.56; selling fees −6.84 − 185.18 + 5.47 = −186.55;
    // total 29.73 + 778.78 − 40.12 − 39.99 = 728.40
    const [sums] = await db.all(`SELECT CAST(sum(product_sales) AS VARCHAR) AS sales, CAST(sum(selling_fees) AS VARCHAR) AS selling,
      CAST(sum(total) AS VARCHAR) AS total FROM transactions`);
    expect(sums).toEqual({ sales: '1234.5600', selling: '-186.5500', total: '728.4000' });
  }));

describe.skipIf(!haveSharedFixtures)('Payments date-range transactions, real Feb 2020 file (../shared)', () => {
  test('rows, product sales, fees and totals equal DuckDB read_csv (skip = 7)', () =>
    withTempDb(async (db, dir) => {
      const file = sharedFixture('payments-date-range-transactions', 'xvr_custom_transaction_US_2020-02.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', rows: 116, marketplace: 'US', from: '2020-02-01', to: '2020-02-29' });
      const [mine] = await db.all(`SELECT count(*)::VARCHAR AS n, sum(product_sales)::DECIMAL(18,2)::VARCHAR AS sales,
        sum(selling_fees)::DECIMAL(18,2)::VARCHAR AS selling, sum(fba_fees)::DECIMAL(18,2)::VARCHAR AS fba,
        sum(other)::DECIMAL(18,2)::VARCHAR AS other, sum(total)::DECIMAL(18,2)::VARCHAR AS total,
        count(*) FILTER (WHERE type = 'FBA Inventory Fee')::VARCHAR AS inventory_fees FROM transactions`);
      const money = (c: string) => `sum(replace("${c}", ',', '')::DECIMAL(18,2))::VARCHAR`;
      const theirs = await duckdbTotals(db, dir, file, `count(*)::VARCHAR AS n, ${money('product sales')} AS sales,
        ${money('selling fees')} AS selling, ${money('fba fees')} AS fba, ${money('other')} AS other, ${money('total')} AS total,
        count(*) FILTER (WHERE type = 'FBA Inventory Fee')::VARCHAR AS inventory_fees`, 'skip = 7, header = true, all_varchar = true');
      expect(mine).toEqual(theirs);
    }));
});

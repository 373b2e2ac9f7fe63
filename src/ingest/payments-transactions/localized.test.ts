import { describe, expect, test } from 'vitest';
import { importFiles } from '../import-files.ts';
import { familyContract, ownFixture, withTempDb } from '../testing.ts';
import { paymentsDateRangeTransactions } from './family.ts';
import { parsePostedTime } from './posted-time.ts';

// Our own small files in the localized layouts the sources show (src/ingest/README.md "Localized headers").
familyContract(paymentsDateRangeTransactions, {
  good: ownFixture('payments-transactions/date-range-de.csv'),
  badValue: { file: ownFixture('payments-transactions/date-range-fr-unknown-date.csv'), line: 3, column: 'date/heure' },
  other: ownFixture('fba-storage-fees/monthly.csv'),
});

test.each([
  ['30.10.2018 23:23:19 GMT+00:00', '2018-10-30T23:23:19.000Z'], // the real de line quoted in code (find_string id 32346328953)
  ['01.02.2020 00:24:25 UTC', '2020-02-01T00:24:25.000Z'],
  ['2026/07/03 12:34:56 JST', '2026-07-03T03:34:56.000Z'], // ja (id 63088814960)
  ['2020/02/01 0:24:25 JST', '2020-01-31T15:24:25.000Z'],
  ['1 juil. 2026 08:31:35 UTC', '2026-07-01T08:31:35.000Z'], // fr, a fixture line of a French exporter (find_string id 61946964025)
  ['5 janv. 2026 08:31:35 UTC', '2026-01-05T08:31:35.000Z'], // fr, its tests (same id)
  ['2 juillet 2026 13:22:36 UTC', '2026-07-02T13:22:36.000Z'], // fr, its tests (same id)
  ['2 oct 2025 15:04:50 UTC', '2025-10-02T15:04:50.000Z'], // es, a Spanish P&L builder's comment (ids 37866748509, 37848450144)
  ['15 sept. 2025 07:00:00 GMT+02:00', '2025-09-15T05:00:00.000Z'], // the shape with an offset zone
])('%s is %s', (text, utc) => expect(parsePostedTime(text)?.toISOString()).toBe(utc));

test('impossible localized dates and unknown zones are not times', () => {
  expect(parsePostedTime('31.02.2020 10:00:00 GMT+00:00')).toBeUndefined();
  expect(parsePostedTime('01.13.2020 10:00:00 UTC')).toBeUndefined();
  expect(parsePostedTime('2020/02/01 24:00:00 JST')).toBeUndefined();
  expect(parsePostedTime('2020/02/01 10:00:00 XYZ')).toBeUndefined();
  expect(parsePostedTime('31 févr. 2026 10:00:00 UTC')).toBeUndefined();
  expect(parsePostedTime('1 ma 2026 10:00:00 UTC')).toBeUndefined(); // mars or mai: no month
  expect(parsePostedTime('1 jui 2026 10:00:00 UTC')).toBeUndefined(); // juin or juillet
  expect(parsePostedTime('1 gen 2026 10:00:00 UTC')).toBeUndefined(); // it: no Amazon source, not read
});

const sums = `SELECT CAST(sum(product_sales) AS VARCHAR) AS sales, CAST(sum(selling_fees) AS VARCHAR) AS selling,
  CAST(sum(total) AS VARCHAR) AS total FROM transactions`;
const lines = `SELECT strftime(posted_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS utc, CAST(posted_date AS VARCHAR) AS day, type,
  CAST(product_sales AS VARCHAR) AS sales, currency FROM transactions ORDER BY posted_at`;

describe('Payments date-range transactions in the seller UI language', () => {
  test('German: Datum/Uhrzeit in GMT, Paris calendar, 1.234,56 decimal commas, Bestellung/Erstattung as Order/Refund', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-de.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'DE', rows: 4, from: '2020-03-01', to: '2020-04-01' });
      const rows = await db.all(lines);
      expect(rows.map((x) => [x.utc, x.day, x.type, x.sales])).toEqual([
        ['2020-03-01T10:00', '2020-03-01', 'Order', '1234.5600'], // "1.234,56"
        ['2020-03-15T06:00', '2020-03-15', 'Service Fee', '0.0000'], // Servicegebühr, no marketplace: amazon.de's zone
        ['2020-03-20T08:00', '2020-03-20', 'FBA Inventory Fee', '0.0000'], // Versand durch Amazon Lagergebühr
        ['2020-03-31T22:30', '2020-04-01', 'Refund', '-9.9900'], // 22:30 GMT = 00:30 CEST on Apr 1 in Paris
      ]);
      expect(rows[0]?.currency).toBe('EUR');
      // Umsätze 1234.56 + 0 + 0 − 9.99 = 1224.57; Verkaufsgebühren −185.18 + 1.20 = −183.98;
      // Gesamt 1045.18 − 39.99 − 12.34 − 8.79 = 984.06
      expect((await db.all(sums))[0]).toEqual({ sales: '1224.5700', selling: '-183.9800', total: '984.0600' });
    }));

  test('Japanese: 日付/時間 in JST, Tokyo calendar, 12,800 yen, 注文/返金/注文外料金 as Order/Refund/Service Fee', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-ja.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 3, from: '2020-02-01', to: '2020-02-29' });
      const rows = await db.all(lines);
      expect(rows.map((x) => [x.utc, x.day, x.type, x.sales])).toEqual([
        ['2020-01-31T15:24', '2020-02-01', 'Order', '12800.0000'], // 00:24 JST is still Jan 31 in UTC
        ['2020-02-03T14:59', '2020-02-03', 'Refund', '-6400.0000'],
        ['2020-02-29T03:00', '2020-02-29', 'Service Fee', '0.0000'],
      ]);
      expect(rows[0]?.currency).toBe('JPY');
      // 商品売上 12800 − 6400 + 0 = 6400; 手数料 −1408 + 704 = −704; 合計 11560 − 6336 − 4900 = 324
      expect((await db.all(sums))[0]).toEqual({ sales: '6400.0000', selling: '-704.0000', total: '324.0000' });
      // プロモーション割引額 −500; 商品の売上税 1280 − 640 = 640; Amazonポイントの費用 −128 (the order line's points)
      const [other] = await db.all(`SELECT CAST(sum(promotional_rebates) AS VARCHAR) AS promo,
        CAST(sum(product_sales_tax) AS VARCHAR) AS tax, CAST(sum(points_cost) AS VARCHAR) AS points FROM transactions`);
      expect(other).toEqual({ promo: '-500.0000', tax: '640.0000', points: '-128.0000' });
    }));

  test('Japanese saved in Shift_JIS (as Seller Central JP downloads are reported to come): the same lines and totals', () =>
    withTempDb(async (db) => {
      // the UTF-8 fixture above converted with `iconv -f UTF-8 -t SHIFT_JIS`
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-ja-shift-jis.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 3, from: '2020-02-01', to: '2020-02-29' });
      expect((await db.all(sums))[0]).toEqual({ sales: '6400.0000', selling: '-704.0000', total: '324.0000' });
    }));

  test('French: date/heure `1 juil. 2026 08:31:35 UTC`, Paris calendar, 1.234,56 decimal commas, Commande/Remboursement/Frais de service', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-fr.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'FR', rows: 3, from: '2026-07-01', to: '2026-08-01' });
      const rows = await db.all(lines);
      expect(rows.map((x) => [x.utc, x.day, x.type, x.sales])).toEqual([
        ['2026-07-01T08:31', '2026-07-01', 'Order', '1234.5600'], // "1.234,56"
        ['2026-07-10T20:51', '2026-07-10', 'Service Fee', '0.0000'], // no marketplace: amazon.fr's zone
        ['2026-07-31T22:30', '2026-08-01', 'Refund', '-19.9900'], // 22:30 UTC = 00:30 CEST on Aug 1 in Paris
      ]);
      expect(rows[0]?.currency).toBe('EUR');
      // ventes 1234.56 − 19.99 = 1214.57; frais de vente −185.18 + 3.00 = −182.18; total 1286.49 − 39.99 − 20.99 = 1225.51
      expect((await db.all(sums))[0]).toEqual({ sales: '1214.5700', selling: '-182.1800', total: '1225.5100' });
    }));

  test('Spanish: fecha y hora `2 oct 2025 15:04:50 UTC`, marketplace calendar after the October clock change, Pedido/Reembolso', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-es.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'ES', rows: 3, from: '2025-10-02', to: '2025-11-01' });
      const rows = await db.all(lines);
      expect(rows.map((x) => [x.utc, x.day, x.type, x.sales])).toEqual([
        ['2025-10-02T15:04', '2025-10-02', 'Order', '2499.0000'], // "2.499,00"
        ['2025-10-14T09:00', '2025-10-14', 'Refund', '-49.9500'],
        ['2025-10-31T23:30', '2025-11-01', 'Order', '10.0000'], // 23:30 UTC = 00:30 CET (UTC+1 since Oct 26) on Nov 1
      ]);
      // ventas 2499.00 − 49.95 + 10.00 = 2459.05; tarifas de venta −374.85 + 7.49 − 1.50 = −368.86;
      // total 2119.05 − 42.46 + 8.50 = 2085.09
      expect((await db.all(sums))[0]).toEqual({ sales: '2459.0500', selling: '-368.8600', total: '2085.0900' });
    }));

  test('French with a slashed date no source shows (`01/02/2020 00:24:25 UTC`): refused by line and column', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-fr-unknown-date.csv')])).files;
      expect(r).toMatchObject({ status: 'error', type: 'payments_date_range' });
      expect(r?.problems[0]?.message).toContain('line 3, column "date/heure": "01/02/2020 00:24:25 UTC"');
    }));
});

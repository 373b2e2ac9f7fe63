import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../store/database.ts';
import { importFiles } from '../import-files.ts';
import { haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { parsePostedTime } from './posted-time.ts';

// Our own small files in the layouts the sources show (src/ingest/README.md "Localized headers"), our own values.

test.each([
  ['05/giu/2014 15.40.20 GMT+00.00', [], '2014-06-05T15:40:20.000Z'], // it, the file
  ['11/nov/2017 23.06.29 GMT+00.00', [], '2017-11-11T23:06:29.000Z'], // it (find_string id 29703855872)
  ['10/dic/2019 01.59.23 GMT+00.00', [], '2019-12-10T01:59:23.000Z'], // it (27225543384)
  ['1 de mar. de 2026 00:15:19 GMT-8', [], '2026-03-01T08:15:19.000Z'], // pt-BR (51825627281)
  ['26 de mar. de 2026 06:46:03 GMT-7', [], '2026-03-26T13:46:03.000Z'], // pt-BR (51917790531, its own expected value)
  ['2019/12/02 17:37:04JST', [], '2019-12-02T08:37:04.000Z'], // ja without the space (27225543384)
  ['12 Nov 2017 00:01:31 GMT+00:00', [], '2017-11-12T00:01:31.000Z'], // en-GB (29703855872)
  ['2 Dec 2019 08:06:49 GMT+00:00', [], '2019-12-02T08:06:49.000Z'], // English UI, EU (27225543384); `Dec` is no fr or es month start
  ['15 Aug 2025 10:00:00 BST', [], '2025-08-15T09:00:00.000Z'], // en-GB, a month no fr/es name starts
  ['2019-12-18 11:41:16 PM PST', [], '2019-12-19T07:41:16.000Z'], // en-CA (27225543384)
  ['2017-11-10 12:25:54 AM PST', [], '2017-11-10T08:25:54.000Z'], // en-CA, 12 AM is midnight (29703855872)
  ['06/06/2014 11:57:17 GMT+00:00', ['day-first-slashed'], '2014-06-06T11:57:17.000Z'], // es, the file
  ['09/12/2019 08:37:20 GMT+00:00', ['day-first-slashed'], '2019-12-09T08:37:20.000Z'], // es: 9 December (27225543384)
  ['06/12/2019 06:20:47 PST', ['day-first-slashed'], '2019-12-06T14:20:47.000Z'], // mx: 6 December (27225543384)
  ['5 mei 2026 20:16:37 UTC', [], '2026-05-05T20:16:37.000Z'], // nl (60250816615)
  ['6 maj 2026 07:16:12 UTC', [], '2026-05-06T07:16:12.000Z'], // sv, pl (60250816615)
  ['1 lip 2026 12:04:49 UTC', [], '2026-07-01T12:04:49.000Z'], // pl (60250816615)
  ['3 mrt 2026 09:15:00 UTC', [], '2026-03-03T09:15:00.000Z'], // nl `mrt` (60598719623)
  ['9 paź 2026 10:00:00 UTC', [], '2026-10-09T10:00:00.000Z'], // pl `paź` (60598719623)
  ['1 Haz 2026 12:55:55 UTC', [], '2026-06-01T12:55:55.000Z'], // tr, a real amazon.com.tr line (56958579700)
  ['2 Ağu 2026 12:00:13 UTC', [], '2026-08-02T12:00:13.000Z'], // tr `Ağu` (56771628347)
] as const)('%s is %s', (text, shapes, utc) => expect(parsePostedTime(text, shapes)?.toISOString()).toBe(utc));

test('a slashed day-first date is read only where the language writes it; impossible Italian and Portuguese dates are none', () => {
  expect(parsePostedTime('09/12/2019 08:37:20 GMT+00:00')).toBeUndefined(); // no language given: 9 Dec or Sep 12
  expect(parsePostedTime('13/13/2019 08:37:20 GMT+00:00', ['day-first-slashed'])).toBeUndefined();
  expect(parsePostedTime('31/giu/2014 15.40.20 GMT+00.00')).toBeUndefined(); // June has 30 days
  expect(parsePostedTime('05/xyz/2014 15.40.20 GMT+00.00')).toBeUndefined();
  expect(parsePostedTime('1 de foo. de 2026 00:15:19 GMT-8')).toBeUndefined();
  expect(parsePostedTime('1 de mar. de 2026 00:15:19 GMT-15')).toBeUndefined(); // no such offset
});

const lines = `SELECT strftime(posted_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS utc, CAST(posted_date AS VARCHAR) AS day, type,
  CAST(product_sales AS VARCHAR) AS sales, currency FROM transactions ORDER BY posted_at`;
const sums = `SELECT CAST(sum(product_sales) AS VARCHAR) AS sales, CAST(sum(selling_fees) AS VARCHAR) AS selling,
  CAST(sum(total) AS VARCHAR) AS total FROM transactions`;
const rowsOf = async (db: Database) => (await db.all(lines)).map((x) => [x.utc, x.day, x.type, x.sales]);

describe('Payments date-range transactions in more marketplaces', () => {
  test('Italian: `05/giu/2014 15.40.20 GMT+00.00`, decimal commas, Ordine/Costo di stoccaggio/Trasferimento/Rimborso', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-it.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'IT', rows: 4, from: '2014-06-05', to: '2014-07-01' });
      expect(await rowsOf(db)).toEqual([
        ['2014-06-05T15:40', '2014-06-05', 'Order', '1220.0000'], // "1.220,00"
        ['2014-06-10T08:00', '2014-06-10', 'FBA Inventory Fee', '0.0000'],
        ['2014-06-12T09:00', '2014-06-12', 'Transfer', '0.0000'],
        ['2014-06-30T22:30', '2014-07-01', 'Refund', '-610.0000'], // 22:30 GMT = 00:30 CEST on Jul 1 in Rome
      ]);
      // Vendite 1220.00 − 610.00 = 610.00; Commissioni −183.00 + 91.50 = −91.50;
      // totale 1021.10 − 15.40 − 500.00 − 518.50 = −12.80
      expect((await db.all(sums))[0]).toEqual({ sales: '610.0000', selling: '-91.5000', total: '-12.8000' });
      expect((await db.all(lines))[0]?.currency).toBe('EUR');
    }));

  test('Spanish with a slashed day-first date `06/06/2014 11:57:17 GMT+00:00`: 12/06 is 12 June; Ajuste, Tarifa de prestación de servicio', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-es-slashed.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'ES', rows: 4, from: '2014-06-06', to: '2014-07-01' });
      expect(await rowsOf(db)).toEqual([
        ['2014-06-06T11:57', '2014-06-06', 'Order', '45.0000'],
        ['2014-06-12T08:00', '2014-06-12', 'Adjustment', '0.0000'], // not 6 December
        ['2014-06-15T10:00', '2014-06-15', 'Service Fee', '0.0000'],
        ['2014-06-30T23:30', '2014-07-01', 'Refund', '-45.0000'], // 23:30 GMT = 01:30 CEST on Jul 1
      ]);
      // ventas 45.00 − 45.00 = 0; tarifas de venta −6.75 + 5.40 = −1.35; total 35.04 + 12.50 − 20.00 − 39.60 = −12.06
      expect((await db.all(sums))[0]).toEqual({ sales: '0.0000', selling: '-1.3500', total: '-12.0600' });
    }));

  test('Mexican: fecha/hora `13/12/2019 10:00:00 PST` day first, "1,299.00" with a decimal point, MXN', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-mx.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'MX', rows: 3, from: '2019-12-06', to: '2019-12-20' });
      expect(await rowsOf(db)).toEqual([
        ['2019-12-06T14:20', '2019-12-06', 'Order', '1299.0000'], // 06:20 PST = 14:20 UTC
        ['2019-12-13T18:00', '2019-12-13', 'Refund', '-1299.0000'],
        ['2019-12-20T19:00', '2019-12-20', 'Service Fee', '0.0000'], // Tarifa de servicio
      ]);
      expect((await db.all(lines))[0]?.currency).toBe('MXN');
      // ventas 1299.00 − 1299.00 = 0; tarifas de venta −194.85 + 155.88 = −38.97; total 1039.15 − 1143.12 − 600.00 = −703.97
      expect((await db.all(sums))[0]).toEqual({ sales: '0.0000', selling: '-38.9700', total: '-703.9700' });
    }));

  test('Brazilian (Portuguese): header on line 10, `1 de mar. de 2026 00:15:19 GMT-8`, São Paulo calendar, BRL', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-br.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'BR', rows: 3, from: '2026-03-01', to: '2026-03-12' });
      expect(await rowsOf(db)).toEqual([
        ['2026-03-01T08:15', '2026-03-01', 'Order', '1075.9700'], // 00:15 GMT-8 = 08:15 UTC = 05:15 in São Paulo
        ['2026-03-06T07:30', '2026-03-06', 'Refund', '-75.9700'], // 23:30 GMT-8 on Mar 5 = 04:30 on Mar 6 in São Paulo
        ['2026-03-12T23:44', '2026-03-12', 'Transfer', '0.0000'], // Transferir
      ]);
      expect((await db.all(lines))[0]?.currency).toBe('BRL');
      // vendas 1075.97 − 75.97 = 1000.00; tarifas de venda −129.12 + 7.48 = −121.64; total 941.85 − 68.49 − 500.00 = 373.36
      expect((await db.all(sums))[0]).toEqual({ sales: '1000.0000', selling: '-121.6400', total: '373.3600' });
    }));

  test('Dutch after 25 lines of notes: `5 mei 2026 20:16:37 UTC`, `3 mrt 2026`, decimal commas; Bestelling/Terugbetaling/Servicekosten/Overboeking', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-nl-long-preamble.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'NL', rows: 5, from: '2026-03-03', to: '2026-06-01' });
      expect(await rowsOf(db)).toEqual([
        ['2026-03-03T09:15', '2026-03-03', 'Transfer', '0.0000'], // mrt = maart
        ['2026-05-05T20:16', '2026-05-05', 'Order', '24.9500'],
        ['2026-05-12T08:00', '2026-05-12', 'Order', '1049.9000'], // "1.049,90"
        ['2026-05-20T14:30', '2026-05-20', 'Refund', '-24.9500'],
        ['2026-05-31T23:59', '2026-06-01', 'Service Fee', '0.0000'], // 23:59 UTC = 01:59 CEST on 1 June
      ]);
      // verkoop 24.95 + 1049.90 − 24.95 = 1049.90; verkoopkosten −3.74 − 157.49 + 3.00 = −158.23;
      // totaal 18.31 + 886.61 − 21.95 − 39.00 − 500.00 = 343.97
      expect((await db.all(sums))[0]).toEqual({ sales: '1049.9000', selling: '-158.2300', total: '343.9700' });
      expect((await db.all(lines))[0]?.currency).toBe('EUR');
    }));

  test('Swedish: `6 maj 2026 07:16:12 UTC`, reglerings-id, a space between thousands and the minus sign U+2212', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-sv.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'SE', rows: 4, from: '2026-05-06', to: '2026-05-28' });
      expect(await rowsOf(db)).toEqual([
        ['2026-05-06T07:16', '2026-05-06', 'Order', '299.0000'],
        ['2026-05-14T12:00', '2026-05-14', 'Order', '1495.0000'], // "1 495,00"
        ['2026-05-20T09:00', '2026-05-20', 'Refund', '-299.0000'], // Återbetalning, "−299,00"
        ['2026-05-28T03:00', '2026-05-28', 'Service Fee', '0.0000'], // Serviceavgift
      ]);
      // försäljning 299.00 + 1495.00 − 299.00 = 1495.00; försäljningsavgifter −44.85 − 209.25 + 35.88 = −218.22;
      // totalt 215.65 + 993.25 − 263.12 − 399.00 = 546.78
      expect((await db.all(sums))[0]).toEqual({ sales: '1495.0000', selling: '-218.2200', total: '546.7800' });
      expect((await db.all(lines))[0]?.currency).toBe('SEK');
    }));

  test('Polish: `1 lip 2026 12:04:49 UTC`, identyfikator rozliczenia; Zamówienie, Zwrot kosztów', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-pl.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'PL', rows: 3, from: '2026-07-01', to: '2026-07-31' });
      expect(await rowsOf(db)).toEqual([
        ['2026-07-01T12:04', '2026-07-01', 'Order', '129.9900'],
        ['2026-07-15T18:20', '2026-07-15', 'Order', '1299.9000'], // "1 299,90"
        ['2026-07-31T08:00', '2026-07-31', 'Refund', '-129.9900'],
      ]);
      // sprzedaż 129.99 + 1299.90 − 129.99 = 1299.90; opłaty za sprzedaż −19.50 − 194.99 + 15.60 = −198.89;
      // suma 98.19 + 981.91 − 114.39 = 965.71
      expect((await db.all(sums))[0]).toEqual({ sales: '1299.9000', selling: '-198.8900', total: '965.7100' });
      expect((await db.all(lines))[0]?.currency).toBe('PLN');
    }));

  test('Turkish, the layout of a real amazon.com.tr file: 8 lines of notes, `1 Haz 2026 12:55:55 UTC`, `4.199,80`; Sipariş, Hizmet Ücreti, Düzeltme', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('payments-transactions/date-range-tr.csv')])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'TR', rows: 6, from: '2026-06-01', to: '2026-06-22' });
      expect(await rowsOf(db)).toEqual([
        ['2026-06-01T12:55', '2026-06-01', 'Order', '895.9800'],
        ['2026-06-02T07:38', '2026-06-02', 'Service Fee', '0.0000'], // Reklam Maliyeti: advertising
        ['2026-06-02T12:00', '2026-06-02', 'Kargo Hizmetleri', '0.0000'], // no source maps it: kept as written
        ['2026-06-05T10:00', '2026-06-05', 'Order', '4199.8000'], // "4.199,80"
        ['2026-06-11T07:00', '2026-06-11', 'Transfer', '0.0000'],
        ['2026-06-22T19:07', '2026-06-22', 'Adjustment', '0.0000'], // Düzeltme
      ]);
      // ürün satışları 895.98 + 4199.80 = 5095.78; satış ücretleri −150.53 − 705.58 = −856.11;
      // toplam 745.45 − 93.05 + 3387.02 − 17.02 − 3000.00 − 245.79 = 776.61
      expect((await db.all(sums))[0]).toEqual({ sales: '5095.7800', selling: '-856.1100', total: '776.6100' });
      expect((await db.all(lines))[0]?.currency).toBe('TRY');
    }));

  test('a preamble of any length: the US file with 30 more lines of notes reads the same lines', () =>
    withTempDb(async (db, dir) => {
      const original = readFileSync(ownFixture('payments-transactions/date-range-pst-pdt.csv'), 'utf8').replace(/^\uFEFF/, '');
      const file = join(dir, 'long-preamble.csv');
      writeFileSync(file, Array.from({ length: 30 }, (_, i) => `"Note ${i + 1}"`).join('\n') + '\n' + original);
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'US', rows: 4, from: '2020-03-08', to: '2020-03-09' });
      // as in family.test.ts: total 29.73 + 778.78 − 40.12 − 39.99 = 728.40
      expect((await db.all(sums))[0]).toEqual({ sales: '1234.5600', selling: '-186.5500', total: '728.4000' });
    }));
});

describe.skipIf(!haveSharedFixtures)('Payments date-range transactions, the real JP Sep 2023 file (../shared, Shift_JIS)', () => {
  test('every type stored as its English value; points, withheld tax, transfers and the total as its SOURCES.md counts them', () =>
    withTempDb(async (db) => {
      const file = sharedFixture('payments-date-range-transactions', 'brussliu_transaction_JP_2023-09_cp932.csv');
      const [r] = (await importFiles(db, [file])).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', marketplace: 'JP', rows: 368, from: '2023-09-01', to: '2023-09-30' });
      // SOURCES.md: 注文 336, 返金 8, FBA 在庫関連の手数料 19, 振込み 2, 注文外料金 2, 調整 1
      const types = await db.all('SELECT type, count(*)::INTEGER AS n FROM transactions GROUP BY type ORDER BY type');
      expect(types).toEqual([
        { type: 'Adjustment', n: 1 }, { type: 'FBA Inventory Fee', n: 19 }, { type: 'Order', n: 336 },
        { type: 'Refund', n: 8 }, { type: 'Service Fee', n: 2 }, { type: 'Transfer', n: 2 },
      ]);
      // SOURCES.md: Amazonポイントの費用 −5,408; 源泉徴収税を伴うマーケットプレイス −168; 合計 59,293; transfers −213,189
      const [sums] = await db.all(`SELECT CAST(sum(points_cost) AS VARCHAR) AS points, CAST(sum(marketplace_withheld_tax) AS VARCHAR) AS withheld,
        CAST(sum(total) AS VARCHAR) AS total, CAST(sum(total) FILTER (WHERE type = 'Transfer') AS VARCHAR) AS transfers FROM transactions`);
      expect(sums).toEqual({ points: '-5408.0000', withheld: '-168.0000', total: '59293.0000', transfers: '-213189.0000' });
    }));
});

import { describe, expect, test } from 'vitest';
import { parseDate } from './date.ts';
import { parseMoney } from './money.ts';
import { parseDecimal, parseInteger, parsePercent } from './number.ts';

describe('money', () => {
  test.each([
    ['$1,234.56', '1234.56', null],
    ['£12,897.84', '12897.84', 'GBP'],
    ['€5.00', '5', 'EUR'],
    ['Rs.201.68', '201.68', 'INR'],
    ['USD 58.89', '58.89', 'USD'],
    ['1.234,56 €', '1234.56', 'EUR'],
    ['5.255,61 €', '5255.61', 'EUR'],
    ['368,14 €', '368.14', 'EUR'],
    ['-$3.00', '-3', null],
    ['$-3.00', '-3', null],
    ['($1,000.50)', '-1000.5', null],
    ['$0.4966667', '0.4966667', null],
    ['¥1,200', '1200', 'JPY'],
    ['CA$10.00', '10', 'CAD'],
    ['12.5', '12.5', null],
  ])('%s → %s %s', (text, amount, currency) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: { amount, currency } });
  });

  test.each(['', ' ', '--', 'N/A'])('%j is unknown, not zero', (text) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: null });
  });

  test.each(['abc', '$1,23.4', '12 apples', '$$5', '1.2.3,4,5'])('%j is refused', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });

  test('a spreadsheet number is read exactly', () => {
    expect(parseMoney(16.79)).toEqual({ ok: true, value: { amount: '16.79', currency: null } });
  });
});

describe('percent', () => {
  test.each([
    ['12.34%', 'fraction', '0.1234'],
    ['160.00%', 'fraction', '1.6'], // not clamped: B2B conversion can exceed 100 %
    ['99%', 'fraction', '0.99'],
    ['0.00%', 'fraction', '0'],
    [0.0714, 'fraction', '0.0714'], // XLSX percent cells hold the fraction
    [95.24, 'percent', '0.9524'], // SP-API Sales and Traffic writes 0–100
    ['--', 'fraction', null],
  ] as const)('%j (bare = %s) → %s', (cell, bare, expected) => {
    expect(parsePercent(cell, bare)).toEqual({ ok: true, value: expected });
  });

  test('text is refused', () => expect(parsePercent('high').ok).toBe(false));
});

describe('integers and decimals', () => {
  test.each([
    ['1,356', 1356n],
    ['1.356', 1356n], // de grouping
    ['1 356', 1356n],
    ['0', 0n],
    ['-12', -12n],
    [42, 42n],
    ['', null],
    [' ', null],
    ['N/A', null],
  ] as const)('%j → %s', (cell, expected) => {
    expect(parseInteger(cell)).toEqual({ ok: true, value: expected });
  });

  test.each(['twelve', '1.5', '1,35', 12.5])('%j is not a whole number', (cell) => {
    expect(parseInteger(cell)).toMatchObject({ ok: false, expected: expect.objectContaining({ en: expect.stringContaining('whole number') }) });
  });

  test('decimals stay exact text', () => {
    expect(parseDecimal('0.1')).toEqual({ ok: true, value: '0.1' });
    expect(parseDecimal('1,234.5678')).toEqual({ ok: true, value: '1234.5678' });
    expect(parseDecimal('1,5', ',')).toEqual({ ok: true, value: '1.5' });
  });
});

describe('dates', () => {
  test.each([
    ['2026-10-31', {}, '2026-10-31'],
    ['Nov 16, 2019', {}, '2019-11-16'],
    ['Feb 1, 2020 12:24:25 AM PST', {}, '2020-02-01'],
    ['07-Sep-2019', {}, '2019-09-07'],
    ['10/01/2018', {}, '2018-10-01'],
    ['11/22/17', {}, '2017-11-22'],
    ['06/07/22', { order: 'DMY' }, '2022-07-06'],
    ['31.12.2025', {}, '2025-12-31'],
    ['02.12.25', {}, '2025-12-02'],
    ['2019/11/16', {}, '2019-11-16'],
    [43862, {}, '2020-02-01'], // Excel serial (FORMATS §0)
    ['2019-12-10T06:27:41+00:00', {}, '2019-12-10'], // the written day when no zone is asked for
    ['2019-12-10T06:27:41+00:00', { timeZone: 'America/Los_Angeles' }, '2019-12-09'], // 22:27 the evening before in Pacific time
    ['2023-01-01 00:00:00 UTC', { timeZone: 'Europe/London' }, '2023-01-01'],
    ['--', {}, null],
  ] as const)('%j %j → %s', (cell, options, expected) => {
    expect(parseDate(cell, options)).toEqual({ ok: true, value: expected });
  });

  test('an XLSX date cell', () => {
    expect(parseDate(new Date(Date.UTC(2020, 1, 1)))).toEqual({ ok: true, value: '2020-02-01' });
  });

  test.each(['13/45/2019', '2019-02-30', 'yesterday', 12])('%j is refused', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });
});

describe('Japanese yen and full-width digits (issue 26)', () => {
  test.each([
    // Business Report JP money cells, e.g. `"￥74,020"` and `￥718` (brussliu/smartinfo2, FORMATS §15)
    ['￥74,020', '74020'],
    ['￥718', '718'],
    ['￥0', '0'],
    ['-￥1,234', '-1234'],
    // typed with a Japanese input method: full-width digits, comma, point and minus
    ['￥１，２３４', '1234'],
    ['１，２３４', '1234'],
    ['－１２．５', '-12.5'],
  ])('%s → %s', (text, amount) => {
    expect(parseMoney(text)).toMatchObject({ ok: true, value: { amount } });
  });

  test('the yen sign names JPY, full-width or not', () => {
    expect(parseMoney('￥１，２３４')).toEqual({ ok: true, value: { amount: '1234', currency: 'JPY' } });
    expect(parseMoney('１，２３４')).toEqual({ ok: true, value: { amount: '1234', currency: null } });
  });

  test('counts, decimals and percentages in full-width digits', () => {
    expect(parseInteger('２，３１４')).toEqual({ ok: true, value: 2314n });
    expect(parseDecimal('１．０４')).toEqual({ ok: true, value: '1.04' });
    // 14.96 % = 0.1496
    expect(parsePercent('１４．９６％')).toEqual({ ok: true, value: '0.1496' });
  });

  test('full-width letters are still not a number', () => {
    expect(parseInteger('ＡＢＣ').ok).toBe(false);
    expect(parseMoney('￥ＡＢＣ').ok).toBe(false);
  });
});

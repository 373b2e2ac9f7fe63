import { expect, test } from 'vitest';
import { checkSpecialPeriod, elapsedShare, fitsAmazonWeeks, isoWeeksInYear, parsePeriod, periodBefore, periodYearBefore } from './kpi-periods.ts';

const specials = [
  { name: 'Prime Day 2026', from: '2026-07-14', to: '2026-07-17' },
  { name: 'Prime Day 2025', from: '2025-07-08', to: '2025-07-11' },
  { name: 'BFCM 2026', from: '2026-11-27', to: '2026-11-30' },
];

test.each([
  // text, label, from, to
  ['2026-09', '2026-09', '2026-09-01', '2026-09-30'],
  ['2024-02', '2024-02', '2024-02-01', '2024-02-29'], // leap February
  // 2026-01-04 is a Sunday, so ISO week 1 starts Monday 2025-12-29; W38 = 12-29 + 37 × 7 days = 09-14 (a Monday)
  ['2026-W38', '2026-W38', '2026-09-14', '2026-09-20'],
  ['2026-w01', '2026-W01', '2025-12-29', '2026-01-04'], // week 1 begins in the year before
  ['2026W53', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 starts on a Thursday: 53 ISO weeks
  ['2026-Q3', '2026-Q3', '2026-07-01', '2026-09-30'],
  ['2026q1', '2026-Q1', '2026-01-01', '2026-03-31'],
  ['prime day 2026', 'Prime Day 2026', '2026-07-14', '2026-07-17'], // special periods by name, any case
  ['BFCM 2026', 'BFCM 2026', '2026-11-27', '2026-11-30'],
])('%s → %s, %s … %s', (text, label, from, to) => {
  expect(parsePeriod(text, specials)).toMatchObject({ label, from, to });
});

test('ISO years have 52 or 53 weeks', () => {
  expect([2020, 2025, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 52, 53, 52]);
});

test.each(['2026-13', '2025-W53', '2026-Q5', 'Singles Day', ''])('"%s" is refused, naming the forms', (text) => {
  expect(() => parsePeriod(text, specials)).toThrow(/2026-W38/);
});

test('elapsed share counts the day asked about', () => {
  const september = parsePeriod('2026-09');
  expect(elapsedShare(september, '2026-08-31')).toBe(0);
  expect(elapsedShare(september, '2026-09-01')).toBeCloseTo(1 / 30, 10);
  expect(elapsedShare(september, '2026-09-12')).toBeCloseTo(12 / 30, 10); // 0.4
  expect(elapsedShare(september, '2026-09-30')).toBe(1);
  expect(elapsedShare(september, '2026-10-05')).toBe(1);
  expect(elapsedShare(parsePeriod('2026-W38'), '2026-09-16')).toBeCloseTo(3 / 7, 10); // Mon, Tue, Wed
});

test.each([
  // period, the one before, the same a year earlier
  ['2026-09', '2026-08', '2025-09'],
  ['2026-01', '2025-12', '2025-01'],
  ['2026-W01', '2025-W52', '2025-W01'],
  ['2026-W53', '2026-W52', '2025-W52'], // 2025 has no week 53
  ['2026-Q1', '2025-Q4', '2025-Q1'],
  ['Prime Day 2026', 'Prime Day 2025', 'Prime Day 2025'],
])('%s: before %s, a year before %s', (text, before, yearBefore) => {
  const p = parsePeriod(text, specials);
  expect(periodBefore(p, specials).label).toBe(before);
  expect(periodYearBefore(p, specials).label).toBe(yearBefore);
});

test('a special period without last year defined compares with the same dates a year earlier', () => {
  const bfcm = parsePeriod('BFCM 2026', specials);
  expect(periodYearBefore(bfcm, specials)).toMatchObject({ from: '2025-11-27', to: '2025-11-30' });
});

test('special periods are checked before they are stored', () => {
  expect(checkSpecialPeriod({ name: ' Prime Day 2026 ', from: '2026-07-14', to: '2026-07-17' }).name).toBe('Prime Day 2026');
  expect(() => checkSpecialPeriod({ name: '2026-09', from: '2026-09-01', to: '2026-09-02' })).toThrow(/calendar period/);
  expect(() => checkSpecialPeriod({ name: 'BFCM', from: '2026-11-30', to: '2026-11-27' })).toThrow(/after it ends/);
  expect(() => checkSpecialPeriod({ name: 'BFCM', from: '2026-11-31', to: '2026-12-01' })).toThrow(/2026-11-31/);
});

test.each([
  ['2026-10', true], // a month: monthly Brand Analytics reports
  ['2026-Q4', true],
  ['2026-W42', false], // Monday 2026-10-12 … Sunday 2026-10-18 straddles two Amazon weeks
  ['Mats week 2026', true], // Sunday 2026-10-11 … Saturday 2026-10-17
  ['Mats days 2026', false], // Monday … Friday
  ['Two weeks 2026', true], // Sunday 2026-10-11 … Saturday 2026-10-24
])('%s fits Brand Analytics weeks: %s', (text, fits) => {
  const weeks = [
    { name: 'Mats week 2026', from: '2026-10-11', to: '2026-10-17' }, { name: 'Mats days 2026', from: '2026-10-12', to: '2026-10-16' },
    { name: 'Two weeks 2026', from: '2026-10-11', to: '2026-10-24' },
  ];
  expect(fitsAmazonWeeks(parsePeriod(text, weeks))).toBe(fits);
});

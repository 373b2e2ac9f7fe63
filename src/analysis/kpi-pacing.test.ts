import { expect, test } from 'vitest';
import { attainment, expectedToDate, paceStatus, seasonalShare, zeroActualAttainment } from './kpi-pacing.ts';

test.each([
  // direction, target, actual, attainment
  ['higher', 5000, 4100.25, 0.8201], // 4100.25 / 5000 = 0.82005 → 0.8201
  ['higher', 5000, 6000, 1.2], // 6000 / 5000
  ['lower', 0.25, 0.2, 1.25], // ACoS: target ÷ actual = 0.25 / 0.20
  ['lower', 0.25, 0.4, 0.625], // 0.25 / 0.40
  ['lower', 0.01, 0, zeroActualAttainment], // ODR 0: the cap, not infinity
  ['neutral', 45, 54, 0.8333], // days of cover: min(54/45, 45/54) = 45/54 = 0.83333
  ['neutral', 45, 36, 0.8], // 36/45
  ['higher', 1000, -200, -0.2], // a loss against a profit target
  ['higher', 5000, null, null], // no data
  ['higher', 0, 100, null], // a zero target cannot be divided by
] as const)('%s is better: target %s, actual %s → %s', (direction, target, actual, expected) => {
  expect(attainment(direction, target, actual)).toBe(expected);
});

test('linear pacing: the share of the period elapsed', () => {
  // 12 of 30 days = 0.4
  expect(expectedToDate({ additive: true, elapsedDays: 12, periodDays: 30 })).toEqual({ expected: 0.4, pacing: 'linear' });
  // 3 of 7 days = 0.428571… → 0.4286
  expect(expectedToDate({ additive: true, elapsedDays: 3, periodDays: 7 })).toEqual({ expected: 0.4286, pacing: 'linear' });
  expect(expectedToDate({ additive: true, elapsedDays: 30, periodDays: 30 }).expected).toBe(1);
});

test('a rate is judged flat: its target holds from the first day', () => {
  expect(expectedToDate({ additive: false, elapsedDays: 3, periodDays: 30 })).toEqual({ expected: 1, pacing: 'flat' });
});

test('seasonal pacing follows last year\'s daily shape', () => {
  // last year 10 days: 1,1,1,1,1,1,1,1,1,11 (a peak at the end, total 20); after 5 of 10 days: 5 / 20 = 0.25
  const shape = [1, 1, 1, 1, 1, 1, 1, 1, 1, 11];
  expect(expectedToDate({ additive: true, elapsedDays: 5, periodDays: 10, shape })).toEqual({ expected: 0.25, pacing: 'seasonal' });
  // a 31-day month against last year's 30 days: 15.5 of 31 days = half → 15 days of the shape in full
  const flat = Array.from({ length: 30 }, () => 2);
  expect(seasonalShare(flat, 15.5 / 31)).toBeCloseTo(0.5, 10);
  // a fraction inside a day takes that day pro rata: 0.25 × 4 days = day 1 in full (10) + 0 of day 2 → 10 / 40
  expect(seasonalShare([10, 10, 10, 10], 0.25)).toBe(0.25);
  // 0.3 × 4 = 1.2 days: 10 + 0.2 × 30 = 16 of 60
  expect(seasonalShare([10, 30, 10, 10], 0.3)).toBeCloseTo(16 / 60, 10);
});

test('without a usable shape, seasonal pacing falls back to linear', () => {
  expect(expectedToDate({ additive: true, elapsedDays: 5, periodDays: 10, shape: [0, 0, 0] }).pacing).toBe('linear');
  expect(expectedToDate({ additive: true, elapsedDays: 5, periodDays: 10, shape: [1, null, 1] }).pacing).toBe('linear');
  expect(expectedToDate({ additive: true, elapsedDays: 5, periodDays: 10, shape: [] }).pacing).toBe('linear');
});

test.each([
  // attainment, expected, status — on track within 5% of the pace
  [0.82, 1, 'behind'], // 0.82 / 1 < 0.95
  [0.38, 0.4, 'on_track'], // 0.38 / 0.4 = 0.95: on the edge, still on track
  [0.37, 0.4, 'behind'], // 0.925
  [0.42, 0.4, 'on_track'], // 1.05
  [0.43, 0.4, 'ahead'], // 1.075
  [1.25, 1, 'ahead'],
  [null, 0.4, 'no_data'],
  [0, 0, 'on_track'], // the period has not started
  [0.1, 0, 'ahead'],
] as const)('attainment %s against pace %s: %s', (attained, expected, status) => {
  expect(paceStatus(attained, expected)).toBe(status);
});

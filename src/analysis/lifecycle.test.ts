import { expect, test } from 'vitest';
import { daysSinceFirstSale, inFirst30Days, lifecycleTier } from './lifecycle.ts';

test.each([
  // first sale, period start, marked tier, days, tier
  ['2026-07-01', '2026-09-01', null, 62, 'new'], // Jul 1 → Sep 1: 31 + 31
  ['2026-06-04', '2026-09-01', null, 89, 'new'], // Jun 4 → Sep 1: 27 + 31 + 31
  ['2026-06-03', '2026-09-01', null, 90, 'mature'], // 90 is not "less than 90 days"
  ['2025-01-15', '2026-09-01', 'mature', 594, 'mature'],
  ['2026-08-20', '2026-09-01', 'clearance', 12, 'clearance'], // marked wins
  ['2024-01-01', '2026-09-01', 'Clearance', 974, 'clearance'],
  ['2026-09-10', '2026-09-01', null, -9, 'new'], // first sale inside the period
  [null, '2026-09-01', null, null, 'new'], // never sold
] as const)('first sale %s, period from %s, marked %s: %s days, %s', (firstSaleDate, periodStart, markedTier, days, tier) => {
  expect(daysSinceFirstSale(firstSaleDate, periodStart)).toBe(days);
  expect(lifecycleTier({ firstSaleDate, periodStart, markedTier })).toBe(tier);
});

test.each([
  [0, true], [29, true], [30, false], [62, false], [-9, true], [null, false],
] as const)('%s days since the first sale: in the first 30 days %s', (days, expected) => {
  expect(inFirst30Days(days)).toBe(expected);
});

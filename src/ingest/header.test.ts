import { describe, expect, test } from 'vitest';
import { AliasIndex, normalizeHeader } from './header.ts';
import { reportFamilies } from './registry.ts';

describe('normalizeHeader', () => {
  test.each([
    ['\uFEFF(Parent) ASIN', '(parent) asin', null],
    ['Sessions – Total – B2B', 'sessions - total - b2b', null],
    ['Sessions - Total -  B2B ', 'sessions - total - b2b', null],
    ['Sessions—Total', 'sessions - total', null],
    ['（子）ASIN', '(子)asin', null],
    ['14 Day Total Sales (₹)', '14 day total sales', 'INR'],
    ['Spend(USD)', 'spend', 'USD'],
    ['Sales ($)', 'sales', null],
    ['Featured Offer (Buy Box) percentage', 'featured offer (buy box) percentage', null],
    ['CTR(%)', 'ctr(%)', null],
  ])('%j → %j (%s)', (text, key, currency) => {
    expect(normalizeHeader(text)).toEqual({ key, currency });
  });
});

test('a spelling claimed by two fields is refused', () => {
  expect(() => new AliasIndex({ a: ['Sessions'], b: ['sessions'] })).toThrow(/alias of both/);
});

test('every table family builds its alias index (no spelling claimed twice)', () => {
  for (const family of reportFamilies) if (family.format === 'table') expect(family.aliases.aliases).toBeTruthy();
});
